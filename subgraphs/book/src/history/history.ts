import type { Identity } from "@kooperacja/service-kit";
import type { EntityManager } from "@mikro-orm/core";
import { BookChange } from "./book-change.entity";

/** Records one change to a chapter or recommendation, in the same transaction as the change itself. */
export function recordChange(
  em: EntityManager,
  identity: Identity,
  subject: { type: "BookChapter" | "Recommendation"; id: string },
  action: string,
  changes: Record<string, unknown>,
): BookChange {
  return em.create(BookChange, {
    subjectType: subject.type,
    subjectId: subject.id,
    at: new Date(),
    author: identity.subject ?? "unknown",
    action,
    changes,
  });
}

/** For each field that changes, its value before and after. */
export function fieldChanges<T extends object>(row: T, next: Partial<T>): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [field, value] of Object.entries(next)) {
    const before = row[field as keyof T];
    if (JSON.stringify(before) !== JSON.stringify(value)) changes[field] = { from: before ?? null, to: value ?? null };
  }
  return changes;
}
