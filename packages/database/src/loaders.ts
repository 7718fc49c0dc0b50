import { raw, type EntityClass } from "@mikro-orm/core";
import type { SqlEntityManager } from "@mikro-orm/knex";
import DataLoader from "dataloader";
import { findRows } from "./read-rows";

type Row = { id: unknown };

/**
 * One DataLoader per relation per request. Every relation a resolver follows
 * goes through here, so a level of a nested query costs one `$in` statement
 * however many parent rows it has. The rows are read-only (read-rows.ts):
 * what a write changes it loads itself.
 */
export class Loaders {
  private readonly loaders = new Map<string, DataLoader<string, unknown>>();

  constructor(private readonly em: SqlEntityManager) {}

  /** Rows of `entity` by primary key; null for a key with no row. */
  byId<T extends Row>(entity: EntityClass<T>): DataLoader<string, T | null> {
    return this.memo(`${entity.name}#id`, async (ids) => {
      const rows = await findRows(this.em, entity, { id: { $in: [...ids] } });
      // Keys as text: an integer key (the audit trail's) is asked for by the text a global ID carries.
      const byId = new Map(rows.map((row) => [String(row.id), row]));
      return ids.map((id) => byId.get(String(id)) ?? null);
    });
  }

  /**
   * Rows of `entity` whose `column` (a scalar or a to-one relation) is each
   * key, in `orderBy` order, optionally narrowed by `where` (equality only).
   */
  manyBy<T extends Row>(
    entity: EntityClass<T>,
    column: keyof T & string,
    orderBy: Partial<Record<keyof T & string, "asc" | "desc">> = {},
    where: Partial<Record<keyof T & string, string>> = {},
  ): DataLoader<string, T[]> {
    return this.memo(`${entity.name}#${column}#${JSON.stringify(where)}#${JSON.stringify(orderBy)}`, async (keys) => {
      const rows = await findRows(this.em, entity, { ...where, [column]: { $in: [...keys] } }, { ...orderBy, id: "asc" } as Record<string, "asc" | "desc">);
      const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
      for (const row of rows) groups.get(foreignKey(row[column]))?.push(row);
      return keys.map((key) => groups.get(key) ?? []);
    });
  }

  /** How many rows of `entity` (its default filters applied) have each key in `column`: one grouped count per batch. */
  countBy<T extends Row>(entity: EntityClass<T>, column: keyof T & string): DataLoader<string, number> {
    return this.memo(`${entity.name}#count#${column}`, async (keys) => {
      const qb = this.em
        .createQueryBuilder(entity, "e")
        .select([column, raw("count(*) as n")] as never)
        .where({ [column]: { $in: [...keys] } } as never)
        .groupBy(column as never);
      await qb.applyFilters();
      const field = this.em.getMetadata().get(entity.name).properties[column]!.fieldNames[0]!;
      const counts = new Map(((await qb.execute("all", false)) as Record<string, unknown>[]).map((row) => [String(row[field]), Number(row.n)]));
      return keys.map((key) => counts.get(key) ?? 0);
    });
  }

  // 10 000 keys stay well under the bound-parameter limits of SQLite and PostgreSQL.
  private memo<V>(name: string, batch: (keys: readonly string[]) => Promise<V[]>): DataLoader<string, V> {
    let loader = this.loaders.get(name) as DataLoader<string, V> | undefined;
    if (!loader) {
      loader = new DataLoader<string, V>(batch, { maxBatchSize: 10_000 });
      this.loaders.set(name, loader as DataLoader<string, unknown>);
    }
    return loader;
  }
}

/** The key of a to-one reference (an unloaded entity carries its id) or a scalar column. */
function foreignKey(value: unknown): string {
  if (value && typeof value === "object" && "id" in value) return String((value as Row).id);
  return String(value);
}
