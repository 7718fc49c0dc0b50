import { ErrorCode, hubError } from "@kooperacja/contract";
import type { SqlEntityManager } from "@mikro-orm/knex";
import type { EntityManager } from "@mikro-orm/core";
import { checkFamilyCounts, replaceFamilyCounts } from "../families/family-counts";
import { OutcomeIndicator } from "../indicators/outcome-indicator.entity";
import { baseGroups, columnsOf, FactDimension, Grain, tablesOf } from "./facts";
import { text } from "./group-labels";
import { IndicatorRollup, RollupBuild, RollupGrain } from "./indicator-rollup.entity";

/**
 * The rollups (docs/scaling.md, "Rollups"): every indicator's facts summed
 * per site and quarter, year and all time, in `indicator_rollup`, and the
 * live families counted per site and filter field in `family_count`. They are
 * computed by the same SQL the aggregates run on the base tables, kept
 * current by the writer inside each write's transaction (for the sites the
 * write touches), built whole at start when missing or of an older
 * definition, and checked against the base tables on demand.
 */

/** Raise when the cells' definition changes (what facts.ts groups, or the cells' columns): every shard rebuilds at its next start. */
export const ROLLUP_VERSION = 2;
const ROLLUP = "indicator_rollup";
const GRAINS = [RollupGrain.QUARTER, RollupGrain.YEAR, RollupGrain.ALL];
/** Sites per statement, and cells per insert: far below SQLite's 32 766 parameters. */
const CHUNK = 500;

/** A cell as its fields (built from groups, or read back). */
type Cell = IndicatorRollup;

/** One indicator's cells of one grain, from the base tables; for the given sites only, or all. */
async function cellsOf(em: SqlEntityManager, indicator: OutcomeIndicator, grain: RollupGrain, sites: readonly string[] | null): Promise<Cell[]> {
  const period = columnsOf(grain === RollupGrain.ALL ? [] : [FactDimension.PERIOD], grain === RollupGrain.YEAR ? Grain.YEAR : Grain.QUARTER);
  const groups = await baseGroups(em, indicator, {
    columns: (quarterly) => [["siteId", "f.site_id"], ...period(quarterly), ["sector", "f.sector"]],
    byPeriod: grain !== RollupGrain.ALL,
    filter: sites ? { sites } : undefined,
    countFamilies: true,
  });
  return groups.map((group) => ({
    indicatorId: indicator.id,
    grain,
    period: stored(group.period),
    sector: stored(group.sector),
    siteId: stored(group.siteId),
    partnership: indicator.partnership,
    n: group.n,
    sum: group.sum,
    min: group.min,
    max: group.max,
    recordKey: group.recordKey ?? 0,
    synthetic: group.syntheticRecords,
    families: group.families,
    familyKey: group.familyKey,
  }));
}

/** A key column's value as stored: "" stands for none (a key column cannot be null). */
function stored(value: unknown): string {
  return text(value) ?? "";
}

/** Replaces the indicators' cells of these sites (all sites when null) with those the base tables give now. */
async function replaceCells(em: SqlEntityManager, indicators: OutcomeIndicator[], sites: string[] | null): Promise<number> {
  let written = 0;
  const chunks =
    sites === null ? [null] : Array.from({ length: Math.ceil(sites.length / CHUNK) }, (_, index) => sites.slice(index * CHUNK, (index + 1) * CHUNK));
  for (const indicator of indicators) {
    for (const grain of GRAINS) {
      for (const chunk of chunks) {
        const where = chunk === null ? {} : { siteId: { $in: chunk } };
        await em.nativeDelete(IndicatorRollup, { indicatorId: indicator.id, grain, ...where });
        const cells = await cellsOf(em, indicator, grain, chunk);
        for (let start = 0; start < cells.length; start += CHUNK) await em.insertMany(IndicatorRollup, cells.slice(start, start + CHUNK));
        written += cells.length;
      }
    }
  }
  return written;
}

/** Builds every cell anew from the base tables, in one transaction, and records the definition it was built by. */
export async function rebuildRollups(em: EntityManager): Promise<{ cells: number; seconds: number }> {
  const started = performance.now();
  const cells = await em.transactional(async (tx) => {
    const sql = tx as SqlEntityManager;
    await sql.nativeDelete(IndicatorRollup, {});
    const indicators = await sql.find(OutcomeIndicator, {}, { filters: false, orderBy: { id: "asc" } });
    const written = await replaceCells(sql, indicators, null);
    await replaceFamilyCounts(sql, null);
    const partnership = indicators[0]?.partnership ?? "";
    await sql.upsert(RollupBuild, { name: ROLLUP, partnership, version: ROLLUP_VERSION, builtAt: new Date().toISOString(), cells: written });
    return written;
  });
  return { cells, seconds: (performance.now() - started) / 1000 };
}

/** Whether the rollups are built to this code's definition (a shard reads them only then). */
export async function rollupsCurrent(em: EntityManager): Promise<boolean> {
  const build = await em.fork().findOne(RollupBuild, { name: ROLLUP });
  return build?.version === ROLLUP_VERSION;
}

/** Builds the rollups when they are missing or of another definition; says whether it did. */
export async function ensureRollups(em: EntityManager): Promise<{ cells: number; seconds: number } | null> {
  if (await rollupsCurrent(em)) return null;
  return rebuildRollups(em.fork());
}

/** A record a write changed, as the writer's audit trail holds it. */
export interface ChangedRecord {
  table: string;
  id: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
}

/**
 * Brings the cells up to date with a write, inside its transaction: a
 * changed value's own indicator at its site, before and after the change;
 * for any other record, every indicator whose facts read its table, at
 * every site the record belongs to, before or after the change.
 */
export async function refreshRollups(em: SqlEntityManager, changes: ChangedRecord[]): Promise<void> {
  await assertFamiliesAtTheirSites(em, changes);
  const catalogue = new Map((await em.find(OutcomeIndicator, {}, { filters: false, orderBy: { id: "asc" } })).map((indicator) => [indicator.id, indicator]));
  const wanted = new Map<OutcomeIndicator, Set<string>>();
  const add = (indicator: OutcomeIndicator | undefined, sites: string[]) => {
    if (!indicator) return;
    const set = wanted.get(indicator) ?? new Set<string>();
    for (const site of sites) set.add(site);
    wanted.set(indicator, set);
  };
  const values = changes.filter((change) => change.table === "indicator_value");
  for (const { before, after } of values) {
    for (const record of [before, after]) if (record) add(catalogue.get(String(record.indicator)), [String(record.site)]);
  }
  const others = changes.filter((change) => change.table !== "indicator_value");
  const tables = new Set(others.map((change) => change.table));
  const readers = [...catalogue.values()].filter((indicator) => tablesOf(indicator).some((table) => tables.has(table)));
  if (readers.length > 0) {
    const sites = await sitesOf(em, others);
    for (const indicator of readers) add(indicator, sites);
  }
  for (const [indicator, sites] of wanted) if (sites.size > 0) await replaceCells(em, [indicator], [...sites]);
  const families = changes.filter((change) => change.table === "supported_family");
  if (families.length > 0) await replaceFamilyCounts(em, await sitesOf(em, families));
}

/** The sites the changed records' facts belong to, before and after the change; "" for facts of no site (a regional body). */
async function sitesOf(em: SqlEntityManager, changes: ChangedRecord[]): Promise<string[]> {
  const sites = new Set<string>();
  const bodies = new Set<string>();
  const institutions = new Set<string>();
  for (const { table, id, before, after } of changes) {
    for (const record of [before, after]) {
      if (!record) continue;
      if ("site" in record) sites.add(typeof record.site === "string" ? record.site : "");
      if (typeof record.body === "string") bodies.add(record.body);
    }
    if (table === "institution") institutions.add(id);
  }
  const sitesWhere = async (sql: (placeholders: string) => string, ids: string[]) => {
    for (let start = 0; start < ids.length; start += CHUNK) {
      const chunk = ids.slice(start, start + CHUNK);
      const rows = (await em.execute(sql(chunk.map(() => "?").join(", ")), chunk)) as { site_id: string | null }[];
      for (const row of rows) sites.add(row.site_id ?? "");
    }
  };
  await sitesWhere((ids) => `select distinct site_id from cooperation_body where id in (${ids})`, [...bodies]);
  await sitesWhere(
    (ids) => `select distinct b.site_id from body_member m join cooperation_body b on b.id = m.body_id where m.institution_id in (${ids})`,
    [...institutions],
  );
  return [...sites];
}

/**
 * A family's values are at its own site: the value's write checks it, and a
 * family moved to another site while it has live values there is refused,
 * since its figures would then be at two sites (and counted at both).
 */
async function assertFamiliesAtTheirSites(em: SqlEntityManager, changes: ChangedRecord[]): Promise<void> {
  const moved = changes.filter((change) => change.table === "supported_family" && change.before && change.before.site !== change.after.site);
  for (let start = 0; start < moved.length; start += CHUNK) {
    const ids = moved.slice(start, start + CHUNK).map((change) => change.id);
    // Flushed already: the family's row holds its new site.
    const [row] = (await em.execute(
      `select v.family_id as family, count(*) as n, min(v.site_id) as site from indicator_value v join supported_family f on f.id = v.family_id ` +
        `where v.family_id in (${ids.map(() => "?").join(", ")}) and v.archived_at is null and v.site_id <> f.site_id group by v.family_id order by v.family_id`,
      ids,
    )) as { family: string; n: number; site: string }[];
    if (row) {
      throw hubError(
        ErrorCode.BAD_USER_INPUT,
        `site: the family has ${row.n} live indicator values at site ${row.site}; a family's values stay with its site, so archive them (or record them at the new site) before moving it.`,
        { field: "site", id: row.family },
      );
    }
  }
}

/** A cell that differs between the rollups and the base tables. */
export interface RollupDifference {
  indicator: string;
  grain: RollupGrain;
  period: string;
  sector: string;
  site: string;
  /** What the rollups hold and what the base tables give (null for a missing cell). */
  stored: Record<string, unknown> | null;
  expected: Record<string, unknown> | null;
}

const MEASURES = ["n", "sum", "min", "max", "recordKey", "synthetic", "families", "familyKey"] as const;

/**
 * Every cell compared with the base tables, inside one read transaction:
 * the differences (none when the rollups are right). Sums of decimal values
 * may differ in the last bits by the order they were added in, so they
 * compare to one part in 10^9; everything else exactly.
 */
export async function checkRollups(em: EntityManager): Promise<{ cells: number; differences: RollupDifference[] }> {
  return em.fork().transactional(async (tx) => {
    const sql = tx as SqlEntityManager;
    const differences: RollupDifference[] = [];
    let cells = 0;
    const keyOf = (cell: Cell) => JSON.stringify([cell.period, cell.sector, cell.siteId]);
    const measures = (cell: Cell | undefined) => (cell ? Object.fromEntries(MEASURES.map((name) => [name, cell[name]])) : null);
    for (const indicator of await sql.find(OutcomeIndicator, {}, { filters: false, orderBy: { id: "asc" } })) {
      for (const grain of GRAINS) {
        const expected = new Map((await cellsOf(sql, indicator, grain, null)).map((cell) => [keyOf(cell), cell]));
        const stored = new Map(
          (await sql.find(IndicatorRollup, { indicatorId: indicator.id, grain }, { disableIdentityMap: true })).map((cell) => [keyOf(cell), cell]),
        );
        cells += stored.size;
        for (const key of new Set([...expected.keys(), ...stored.keys()])) {
          const want = expected.get(key);
          const have = stored.get(key);
          if (want && have && MEASURES.every((name) => same(want[name], have[name]))) continue;
          const [period, sector, site] = JSON.parse(key) as string[];
          differences.push({ indicator: indicator.id, grain, period: period!, sector: sector!, site: site!, stored: measures(have), expected: measures(want) });
        }
      }
    }
    // The family counts, as differences of their own kind ("" period, the filter fields as the sector).
    const families = await checkFamilyCounts(sql);
    for (const difference of families.differences) {
      differences.push({
        indicator: "(family count)",
        grain: RollupGrain.ALL,
        period: "",
        sector: `socialContract=${difference.socialContract} cooperationLevel=${difference.cooperationLevel}`,
        site: difference.site,
        stored: difference.stored === null ? null : { n: difference.stored },
        expected: difference.expected === null ? null : { n: difference.expected },
      });
    }
    return { cells: cells + families.counts, differences };
  });
}

function same(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}
