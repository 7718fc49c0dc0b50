import { KEY_MODULUS } from "@kooperacja/contract";
import type { SqlEntityManager } from "@mikro-orm/knex";
import { IndicatorBasis } from "../common/enums";
import { firstDayOf, lastDayOf, quarterOfDay } from "../common/quarters";
import type { RegionalContext } from "../context";
import type { OutcomeIndicator } from "../indicators/outcome-indicator.entity";
import {
  baseGroups,
  columnsOf,
  FactDimension,
  Grain,
  grouped,
  groupsOf,
  inScope,
  periodList,
  quarterConditions,
  type FactFilter,
  type FactGroup,
} from "./facts";
import { RollupGrain } from "./indicator-rollup.entity";

/**
 * One indicator's facts in this shard, grouped by the dimensions, with the
 * filter applied: partials only. Read from the rollups (analytics/rollups.ts)
 * when the shard has them and their cells answer the question exactly, from
 * the base tables otherwise; both give the same groups. `countFamilies`
 * false skips the family count (a report of which quarters have values
 * needs none); `periods` lists each group's quarters.
 */
export async function groupFacts(
  ctx: RegionalContext,
  indicator: OutcomeIndicator,
  dimensions: FactDimension[],
  grain: Grain,
  filter: FactFilter | null | undefined,
  { countFamilies = true, periods = false }: { countFamilies?: boolean; periods?: boolean } = {},
): Promise<FactGroup[]> {
  if (!inScope(ctx.partnership, filter)) return [];
  const columns = columnsOf(dimensions, grain);
  const byPeriod = dimensions.includes(FactDimension.PERIOD);
  const counted = countFamilies && indicator.aboutFamilies;
  const cells = ctx.rollups ? await cellsAnswering(ctx.em, { indicator, byPeriod, grain, filter, counted }) : null;
  if (!cells) return baseGroups(ctx.em, indicator, { columns, byPeriod, filter, countFamilies, periods });
  const rows = await grouped(ctx.em, {
    source: {
      sql:
        `select nullif(r.site_id, '') as site_id, nullif(r.period, '') as quarter, nullif(r.sector, '') as sector, r.n, r.sum, r.min, r.max, r.record_key, r.synthetic, r.families, r.family_key ` +
        `from indicator_rollup r where r.indicator_id = ? and r.grain = ?${cells.time.sql}`,
      bindings: [indicator.id, cells.grain, ...cells.time.bindings],
      datedInside: true,
      quarterly: true,
    },
    columns: columns(true),
    filter,
    measures:
      `sum(f.n) as n, sum(f.sum) as sum, min(f.min) as min, max(f.max) as max, sum(f.record_key) % ${KEY_MODULUS} as record_key, ` +
      `sum(f.synthetic) as synthetic, sum(f.families) as families, sum(f.family_key) % ${KEY_MODULUS} as family_key` +
      (periods ? `, ${periodList("f.quarter")}` : ""),
  });
  return groupsOf(rows, columns(true), (row) => ({
    recordKey: indicator.aboutFamilies ? Number(row.record_key ?? 0) : null,
    families: counted ? Number(row.families ?? 0) : null,
    familyKey: counted ? Number(row.family_key ?? 0) : null,
  }));
}

/** The filter's quarters as conditions on cells r; undated facts (period "") fall in none, as in the base tables. */
function cellQuarters(filter: FactFilter | null | undefined): { sql: string; bindings: unknown[] } {
  const conditions = quarterConditions("r.period", filter);
  return conditions.sql ? { sql: ` and r.period <> ''${conditions.sql}`, bindings: conditions.bindings } : conditions;
}

/**
 * Which cells answer a question exactly, and the condition on their period;
 * null when none do. Counts, sums, extremes and keys add up over any cells,
 * so quarter cells answer every question at a quarter or coarser. Distinct
 * families add up over sites (a family's facts are all at its one site) but
 * not over quarters: a question that counts families over several quarters
 * is answered by the year or all-time cells when it takes in every quarter
 * of them that has facts, and by the base tables otherwise.
 */
async function cellsAnswering(
  em: SqlEntityManager,
  question: { indicator: OutcomeIndicator; byPeriod: boolean; grain: Grain; filter: FactFilter | null | undefined; counted: boolean },
): Promise<{ grain: RollupGrain; time: { sql: string; bindings: unknown[] } } | null> {
  const { indicator, byPeriod, grain, filter, counted } = question;
  const none = { sql: "", bindings: [] };
  // Cells hold quarters: a month, or a day inside a quarter, is for the base tables (records carry days).
  if (byPeriod && grain === Grain.MONTH) return null;
  if (indicator.basis === IndicatorBasis.RECORDS && !wholeQuarters(filter)) return null;
  const quarterCells = { grain: RollupGrain.QUARTER, time: cellQuarters(filter) };
  if (!counted || (byPeriod && grain === Grain.QUARTER)) return quarterCells;
  const timed = [filter?.from, filter?.to, filter?.quarters, filter?.quarterFrom, filter?.quarterTo].some((value) => value !== null && value !== undefined);
  if (!timed) return { grain: byPeriod ? RollupGrain.YEAR : RollupGrain.ALL, time: none };

  // Which of the quarters with facts the filter takes in, by the same SQL the cells would be read with.
  const chosen = cellQuarters(filter);
  const periods = (await em.execute(
    `select r.period, max(case when 1 = 1${chosen.sql} then 1 else 0 end) as chosen from indicator_rollup r where r.indicator_id = ? and r.grain = ? group by r.period`,
    [...chosen.bindings, indicator.id, RollupGrain.QUARTER],
  )) as { period: string; chosen: number }[];
  const taken = periods.filter((row) => Number(row.chosen) === 1).map((row) => row.period);
  const yearOf = (period: string) => period.slice(0, 4);
  const wholeYears = [...new Set(taken.map(yearOf))].filter((year) =>
    periods.every((row) => yearOf(row.period) !== year || row.period === "" || Number(row.chosen) === 1),
  );
  const years = (list: string[]) => ({
    sql: list.length === 0 ? " and 1 = 0" : ` and r.period in (${list.map(() => "?").join(", ")})`,
    bindings: list,
  });
  if (byPeriod) {
    // By year: each year the filter touches must be taken whole.
    return wholeYears.length === new Set(taken.map(yearOf)).size ? { grain: RollupGrain.YEAR, time: years(wholeYears) } : null;
  }
  if (taken.length <= 1) return quarterCells;
  // Undated facts (period "") never fall in a filter's dates, so the all-time cells answer only when there are none.
  if (taken.length === periods.length) return { grain: RollupGrain.ALL, time: none };
  if (wholeYears.length === 1 && taken.every((period) => yearOf(period) === wholeYears[0])) return { grain: RollupGrain.YEAR, time: years(wholeYears) };
  return null;
}

/** Whether the filter's days are whole quarters: the first day of one, the last day of one. */
function wholeQuarters(filter: FactFilter | null | undefined): boolean {
  const from = filter?.from;
  const to = filter?.to;
  return (!from || from === firstDayOf(quarterOfDay(from))) && (!to || to === lastDayOf(quarterOfDay(to)));
}
