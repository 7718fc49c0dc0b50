import type { PartnershipKey, RegionFilter } from "@kooperacja/contract";
import type { SqlEntityManager } from "@mikro-orm/knex";
import type { CooperationLevel } from "../common/enums";
import { among, regionConditions } from "../common/region-sql";

/** Sites per statement: far below SQLite's 32 766 parameters. */
const CHUNK = 500;

/** The counts as the families table gives them now: for these sites, or all. */
function countsSql(sites: readonly string[] | null): { sql: string; bindings: unknown[] } {
  return {
    sql:
      `select sf.site_id, case when sf.social_contract then 1 else 0 end as social_contract, sf.cooperation_level, sf.partnership, count(*) as n ` +
      `from supported_family sf where sf.archived_at is null${sites ? ` and sf.site_id in (${sites.map(() => "?").join(", ")})` : ""} ` +
      `group by sf.site_id, case when sf.social_contract then 1 else 0 end, sf.cooperation_level, sf.partnership`,
    bindings: sites ? [...sites] : [],
  };
}

/** Replaces the counts of these sites (every site when null) with the families table's, inside the caller's transaction. */
export async function replaceFamilyCounts(em: SqlEntityManager, sites: readonly string[] | null): Promise<void> {
  const chunks =
    sites === null ? [null] : Array.from({ length: Math.ceil(sites.length / CHUNK) }, (_, index) => sites.slice(index * CHUNK, (index + 1) * CHUNK));
  for (const chunk of chunks) {
    if (chunk === null) await em.execute("delete from family_count");
    else await em.execute(`delete from family_count where site_id in (${chunk.map(() => "?").join(", ")})`, [...chunk]);
    const counts = countsSql(chunk);
    await em.execute(`insert into family_count (site_id, social_contract, cooperation_level, partnership, n) ${counts.sql}`, counts.bindings);
  }
}

/** A count that differs between family_count and the families table. */
export interface FamilyCountDifference {
  site: string;
  socialContract: number;
  cooperationLevel: string;
  stored: number | null;
  expected: number | null;
}

/** Every stored count compared with the families table (inside the caller's read transaction). */
export async function checkFamilyCounts(em: SqlEntityManager): Promise<{ counts: number; differences: FamilyCountDifference[] }> {
  type Row = { site_id: string; social_contract: number; cooperation_level: string; n: number };
  const keyOf = (row: Row) => JSON.stringify([row.site_id, Number(row.social_contract), row.cooperation_level]);
  const expected = new Map(((await em.execute(countsSql(null).sql)) as Row[]).map((row) => [keyOf(row), Number(row.n)]));
  const stored = new Map(
    ((await em.execute("select site_id, social_contract, cooperation_level, n from family_count")) as Row[]).map((row) => [keyOf(row), Number(row.n)]),
  );
  const differences: FamilyCountDifference[] = [];
  for (const key of new Set([...expected.keys(), ...stored.keys()])) {
    if (expected.get(key) === stored.get(key)) continue;
    const [site, socialContract, cooperationLevel] = JSON.parse(key) as [string, number, string];
    differences.push({ site, socialContract, cooperationLevel, stored: stored.get(key) ?? null, expected: expected.get(key) ?? null });
  }
  return { counts: stored.size, differences };
}

/** What the families connection can be filtered by, all of it answerable from the counts. */
export interface FamilyCountFilter extends RegionFilter {
  socialContract?: boolean | null;
  cooperationLevels?: readonly CooperationLevel[] | null;
}

/**
 * How many live families of this shard match the filter, from the counts: one
 * statement over a few rows per site, where counting the families themselves
 * reads an index entry per family (101 038 for Liderzy's national set).
 */
export async function countFamilies(em: SqlEntityManager, partnership: PartnershipKey, filter: FamilyCountFilter | null | undefined): Promise<number> {
  const region = regionConditions("site_id", partnership, filter);
  if (!region) return 0;
  const { where, bindings } = region;
  if (filter?.socialContract !== undefined && filter?.socialContract !== null) {
    where.push("social_contract = ?");
    bindings.push(filter.socialContract ? 1 : 0);
  }
  if (filter?.cooperationLevels) {
    const levels = among("cooperation_level", filter.cooperationLevels);
    where.push(levels.sql);
    bindings.push(...levels.bindings);
  }
  const [row] = (await em.execute(`select coalesce(sum(n), 0) as n from family_count${where.length > 0 ? ` where ${where.join(" and ")}` : ""}`, bindings)) as {
    n: number;
  }[];
  return Number(row?.n ?? 0);
}
