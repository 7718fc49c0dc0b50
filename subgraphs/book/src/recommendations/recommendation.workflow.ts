import { decodeBookId, decodeGlobalId, encodeBookId, ErrorCode, hubError, tryDecodeRecordId } from "@kooperacja/contract";
import { accessDenied } from "@kooperacja/service-kit";
import { OptimisticLockError } from "@mikro-orm/core";
import { randomUUID } from "node:crypto";
import { readableStatuses } from "../access";
import { BookChapter } from "../chapters/book-chapter.entity";
import { parametersOf } from "../comparisons/saved-comparison.resolver";
import { SavedComparison } from "../comparisons/saved-comparison.entity";
import type { BookContext } from "../context";
import { BookChange } from "../history/book-change.entity";
import { fieldChanges, recordChange } from "../history/history";
import { EVIDENCE_TYPES, type EvidenceType } from "../regional/regional-refs";
import { Evidence, evidenceOf } from "./evidence";
import { EvidenceLink } from "./evidence-link.entity";
import { Recommendation } from "./recommendation.entity";
import { RecommendationPartnership } from "./recommendation-partnership.entity";
import { RecommendationStatus } from "./recommendation-status";
import type { ComparisonEvidenceInput, NewRecommendation, RecommendationChanges } from "./recommendation.inputs";

/*
 * The book's workflow: a draft is written and given evidence, submitted for review, returned or
 * adopted (with a snapshot of every comparison it cites). Each step checks the status it needs
 * and, when given, the version the caller read; each change is recorded in the history and
 * written in one flush.
 */

/** A recommendation the caller may read, or NOT_FOUND / FORBIDDEN. */
export async function readableRecommendation(ctx: BookContext, id: string): Promise<Recommendation> {
  const row = await ctx.em.findOne(Recommendation, { id: decodeBookId(id, "Recommendation") });
  if (!row) throw hubError(ErrorCode.NOT_FOUND, `No recommendation with ID ${id}.`, { id });
  if (!readableStatuses(ctx.identity).includes(row.status)) throw accessDenied(ctx.identity, "a recommendation not yet adopted");
  return row;
}

/**
 * The recommendation, if it is in the status the step needs (and at the
 * version the caller read, when given); otherwise CONFLICT naming its status or version.
 */
async function recommendationInStatus(ctx: BookContext, id: string, status: RecommendationStatus, what: string, version?: number): Promise<Recommendation> {
  const row = await readableRecommendation(ctx, id);
  if (version !== undefined && version !== null && row.version !== version) {
    // Who changed it last: often the analyst themself, in another tab; then "someone" would send them looking for a colleague.
    const last = await ctx.em.findOne(BookChange, { subjectType: "Recommendation", subjectId: row.id }, { orderBy: { at: "desc", id: "desc" } });
    const mine = last !== null && last.author === ctx.identity.subject;
    const who = !last ? "it was changed" : mine ? "you changed it yourself" : `${last.author} changed it`;
    const when = last ? ` (last: ${last.action} at ${last.at.toISOString()})` : "";
    throw hubError(ErrorCode.CONFLICT, `Recommendation ${id} is at version ${row.version}, not ${version}: ${who} since you read it${when}. Read it again.`, {
      id,
      currentVersion: row.version,
      ...(last ? { lastChangedBy: mine ? "you" : last.author, lastChangedAt: last.at.toISOString() } : {}),
    });
  }
  if (row.status !== status) {
    throw hubError(ErrorCode.CONFLICT, `Recommendation ${id} is ${row.status}; only a ${status} recommendation can ${what}.`, { id, status: row.status });
  }
  return row;
}

async function moveRecommendation(
  ctx: BookContext,
  recommendation: Recommendation,
  status: RecommendationStatus,
  action: string,
  details: Record<string, unknown>,
): Promise<Recommendation> {
  recordChange(ctx.em, ctx.identity, subject(recommendation), action, { status: { from: recommendation.status, to: status }, ...details });
  recommendation.status = status;
  await flushOnce(ctx, encodeBookId("Recommendation", recommendation.id));
  return recommendation;
}

export async function createRecommendation(ctx: BookContext, input: NewRecommendation): Promise<Recommendation> {
  const chapter = await ctx.em.findOne(BookChapter, { id: decodeBookId(input.chapterId, "BookChapter") });
  if (!chapter) throw hubError(ErrorCode.NOT_FOUND, `No chapter with ID ${input.chapterId}.`, { field: "chapterId" });
  for (const partnershipId of input.partnershipIds ?? []) {
    if (decodeGlobalId(partnershipId).type !== "Partnership") {
      throw hubError(ErrorCode.BAD_USER_INPUT, `${partnershipId} is not the ID of a partnership.`, { field: "partnershipIds" });
    }
  }
  return ctx.em.transactional(async (em) => {
    const last = await em.findOne(Recommendation, { chapter }, { orderBy: { number: "desc" } });
    const recommendation = em.create(Recommendation, {
      id: randomUUID(),
      chapter,
      number: (last?.number ?? 0) + 1,
      title: input.title,
      text: input.text,
      status: RecommendationStatus.DRAFT,
      targetMunicipalityKinds: input.targetMunicipalityKinds ?? [],
      targetSectors: input.targetSectors ?? [],
      createdBy: ctx.identity.subject,
      createdAt: new Date(),
      demo: false,
    });
    for (const partnershipId of new Set(input.partnershipIds ?? [])) {
      em.create(RecommendationPartnership, { id: randomUUID(), recommendation, partnershipId });
    }
    recordChange(em, ctx.identity, subject(recommendation), "CREATED", {
      chapter: input.chapterId,
      title: input.title,
      text: input.text,
      targetMunicipalityKinds: recommendation.targetMunicipalityKinds,
      targetSectors: recommendation.targetSectors,
      partnershipIds: [...new Set(input.partnershipIds ?? [])],
    });
    return recommendation;
  });
}

export async function updateRecommendation(
  ctx: BookContext,
  { id, changes, version }: { id: string; changes: RecommendationChanges; version: number | undefined },
): Promise<Recommendation> {
  const recommendation = await recommendationInStatus(ctx, id, RecommendationStatus.DRAFT, "be changed", version);
  const next = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined && value !== null)) as Partial<Recommendation>;
  const changed = fieldChanges(recommendation, next);
  if (Object.keys(changed).length === 0) return recommendation;
  ctx.em.assign(recommendation, next);
  recordChange(ctx.em, ctx.identity, subject(recommendation), "EDITED", changed);
  await flushOnce(ctx, id);
  return recommendation;
}

export async function submitRecommendation(ctx: BookContext, { id, version }: { id: string; version: number | undefined }): Promise<Recommendation> {
  const recommendation = await recommendationInStatus(ctx, id, RecommendationStatus.DRAFT, "be submitted for review", version);
  return moveRecommendation(ctx, recommendation, RecommendationStatus.REVIEW, "SUBMITTED", {});
}

export async function returnRecommendation(
  ctx: BookContext,
  { id, reason, version }: { id: string; reason: string; version: number | undefined },
): Promise<Recommendation> {
  if (reason.trim().length < 3 || reason.length > 2000) throw hubError(ErrorCode.BAD_USER_INPUT, "reason must be 3 to 2000 characters.", { field: "reason" });
  const recommendation = await recommendationInStatus(ctx, id, RecommendationStatus.REVIEW, "be returned to draft", version);
  return moveRecommendation(ctx, recommendation, RecommendationStatus.DRAFT, "RETURNED", { reason });
}

export async function adoptRecommendation(ctx: BookContext, { id, version }: { id: string; version: number | undefined }): Promise<Recommendation> {
  const recommendation = await recommendationInStatus(ctx, id, RecommendationStatus.REVIEW, "be adopted (submit it for review first)", version);
  const comparisons = await ctx.em.find(SavedComparison, { recommendation }, { orderBy: { savedAt: "asc", id: "asc" } });
  const runs = await Promise.all(comparisons.map((saved) => ctx.compare(parametersOf(saved))));
  const missing = [...new Set(runs.flatMap((run) => run.missingRegions))];
  if (missing.length > 0) {
    throw hubError(
      ErrorCode.SHARD_UNAVAILABLE,
      `Not adopted: region(s) ${missing.join(", ")} did not answer, so the snapshot of the evidence would miss their figures. Try again when they are back.`,
      {
        missingRegions: missing,
      },
    );
  }
  const takenAt = new Date();
  comparisons.forEach((saved, index) => ctx.em.assign(saved, { snapshot: runs[index]!.rows, snapshotAt: takenAt }));
  ctx.em.assign(recommendation, { adoptedAt: takenAt, adoptedBy: ctx.identity.subject });
  return moveRecommendation(ctx, recommendation, RecommendationStatus.ADOPTED, "ADOPTED", {
    snapshots: comparisons.map((saved) => encodeBookId("SavedComparison", saved.id)),
  });
}

export async function addEvidence(
  ctx: BookContext,
  { recommendationId, targetId, note }: { recommendationId: string; targetId: string; note: string },
): Promise<Evidence> {
  if (note.trim().length < 3 || note.length > 2000) throw hubError(ErrorCode.BAD_USER_INPUT, "note must be 3 to 2000 characters.", { field: "note" });
  const type = tryDecodeRecordId(targetId)?.type;
  if (!type || !(EVIDENCE_TYPES as readonly string[]).includes(type)) {
    throw hubError(ErrorCode.BAD_USER_INPUT, `${targetId} is not the ID of a regional record the book can cite (${EVIDENCE_TYPES.join(", ")}).`, {
      field: "targetId",
    });
  }
  const recommendation = await recommendationInStatus(ctx, recommendationId, RecommendationStatus.DRAFT, "get new evidence");
  if (!(await ctx.regionalRecordExists(targetId)))
    throw hubError(ErrorCode.NOT_FOUND, `No regional record with ID ${targetId} that you may see.`, { field: "targetId" });
  const link = ctx.em.create(EvidenceLink, { id: randomUUID(), recommendation, targetType: type as EvidenceType, targetId, note });
  recordChange(ctx.em, ctx.identity, subject(recommendation), "EVIDENCE_ADDED", { evidence: encodeBookId("Evidence", link.id), targetId, note });
  await evidenceChanged(ctx, recommendation);
  return evidenceOf(link);
}

export async function removeEvidence(ctx: BookContext, id: string): Promise<boolean> {
  const link = await ctx.em.findOne(EvidenceLink, { id: decodeBookId(id, "Evidence") });
  if (!link) throw hubError(ErrorCode.NOT_FOUND, `No evidence with ID ${id}.`, { id });
  const recommendation = await recommendationInStatus(ctx, encodeBookId("Recommendation", link.recommendation.id), RecommendationStatus.DRAFT, "lose evidence");
  recordChange(ctx.em, ctx.identity, subject(recommendation), "EVIDENCE_REMOVED", { evidence: id, targetId: link.targetId, note: link.note });
  ctx.em.remove(link);
  await evidenceChanged(ctx, recommendation);
  return true;
}

export async function addComparisonEvidence(
  ctx: BookContext,
  { recommendationId, input }: { recommendationId: string; input: ComparisonEvidenceInput },
): Promise<SavedComparison> {
  const recommendation = await recommendationInStatus(ctx, recommendationId, RecommendationStatus.DRAFT, "get new evidence");
  const parameters = { indicators: input.indicators, by: input.by, grain: input.grain, filter: input.filter ?? null };
  // The comparison runs once to be sure it is one the hub answers, whole: cited evidence never starts with a region missing.
  const run = await ctx.compare(parameters);
  if (run.missingRegions.length > 0) {
    throw hubError(
      ErrorCode.SHARD_UNAVAILABLE,
      `Cannot cite this comparison while ${run.missingRegions.join(", ")} cannot answer for its part; try again when every region is back.`,
      {
        missingRegions: run.missingRegions,
      },
    );
  }
  const saved = ctx.em.create(SavedComparison, {
    id: randomUUID(),
    recommendation,
    note: input.note,
    ...parameters,
    savedBy: ctx.identity.subject ?? "unknown",
    savedAt: new Date(),
    snapshot: null,
    snapshotAt: null,
  });
  recordChange(ctx.em, ctx.identity, subject(recommendation), "COMPARISON_ADDED", {
    comparison: encodeBookId("SavedComparison", saved.id),
    note: input.note,
    ...parameters,
  });
  await evidenceChanged(ctx, recommendation);
  return saved;
}

export async function removeComparisonEvidence(ctx: BookContext, id: string): Promise<boolean> {
  const saved = await ctx.em.findOne(SavedComparison, { id: decodeBookId(id, "SavedComparison") });
  if (!saved) throw hubError(ErrorCode.NOT_FOUND, `No saved comparison with ID ${id}.`, { id });
  const recommendation = await recommendationInStatus(
    ctx,
    encodeBookId("Recommendation", saved.recommendation.id),
    RecommendationStatus.DRAFT,
    "lose evidence",
  );
  recordChange(ctx.em, ctx.identity, subject(recommendation), "COMPARISON_REMOVED", { comparison: id, note: saved.note, ...parametersOf(saved) });
  ctx.em.remove(saved);
  await evidenceChanged(ctx, recommendation);
  return true;
}

/** Writes the change; another analyst's change to the same recommendation that landed first makes it CONFLICT, and nothing is written. */
async function flushOnce(ctx: BookContext, id: string): Promise<void> {
  try {
    await ctx.em.flush();
  } catch (error) {
    if (error instanceof OptimisticLockError)
      throw hubError(ErrorCode.CONFLICT, `Recommendation ${id} changed while this change was written; nothing was written. Read it again.`, { id });
    throw error;
  }
}

/** A change of a draft's evidence is a change of the draft: written with its version raised, in one flush (one transaction). */
async function evidenceChanged(ctx: BookContext, recommendation: Recommendation): Promise<void> {
  recommendation.evidenceChangedAt = new Date();
  await flushOnce(ctx, encodeBookId("Recommendation", recommendation.id));
}

function subject(recommendation: Recommendation) {
  return { type: "Recommendation" as const, id: recommendation.id };
}
