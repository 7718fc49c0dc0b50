import type { PartnershipKey } from "@kooperacja/contract";
import type { SqlEntityManager } from "@mikro-orm/knex";
import { RollupGrain } from "../analytics/indicator-rollup.entity";
import { IndicatorBasis } from "../common/enums";
import { among, regionConditions } from "../common/region-sql";
import type { IndicatorValueFilter } from "./indicator-value-filter";

/**
 * How many live indicator values of this shard match the filter, from the
 * rollups' cells: a reported indicator's cell counts its live values at a
 * site in a quarter, a year or all time (analytics/rollups.ts), and every
 * filter field of the values connection is a key of the cells. The coarsest
 * cells that answer exactly are read (all time; whole years; the quarters of
 * a year taken in part), a few thousand sums where counting the values reads
 * an index entry per value (1.4 million for Liderzy's national set).
 */
export async function countIndicatorValues(
  em: SqlEntityManager,
  partnership: PartnershipKey,
  filter: IndicatorValueFilter | null | undefined,
): Promise<number> {
  const region = regionConditions("r.site_id", partnership, filter);
  if (!region) return 0;
  // The reported indicators by code: an index probe each (a subquery here made SQLite scan the cells).
  const reported = (await em.execute("select id from outcome_indicator where basis = ? order by id", [IndicatorBasis.REPORTED])) as { id: string }[];
  const codes = filter?.indicators ? reported.map((row) => row.id).filter((code) => filter.indicators!.includes(code)) : reported.map((row) => row.id);
  if (codes.length === 0) return 0;
  const indicators = among("r.indicator_id", codes);
  const sum = async (grain: RollupGrain, period: { sql: string; bindings: unknown[] }) => {
    const where = ["r.grain = ?", indicators.sql, ...region.where, ...(period.sql ? [period.sql] : [])];
    const bindings = [grain, ...indicators.bindings, ...region.bindings, ...period.bindings];
    const [row] = (await em.execute(`select coalesce(sum(r.n), 0) as n from indicator_rollup r where ${where.join(" and ")}`, bindings)) as { n: number }[];
    return Number(row?.n ?? 0);
  };
  const from = filter?.periodFrom ?? null;
  const to = filter?.periodTo ?? null;
  if (filter?.periods) {
    const periods = among(
      "r.period",
      filter.periods.filter((period) => (!from || period >= from) && (!to || period <= to)),
    );
    return sum(RollupGrain.QUARTER, { sql: periods.sql, bindings: periods.bindings });
  }
  if (!from && !to) return sum(RollupGrain.ALL, { sql: "", bindings: [] });
  if (from && to && from > to) return 0;
  const quarters = (first: string, last: string) => sum(RollupGrain.QUARTER, { sql: "r.period >= ? and r.period <= ?", bindings: [first, last] });
  const year = (period: string) => Number(period.slice(0, 4));
  // Whole years between the range's ends; the quarters of a year it takes only in part.
  let firstYear = from ? year(from) : null;
  let lastYear = to ? year(to) : null;
  let total = 0;
  if (from && firstYear === lastYear && !(from.endsWith("Q1") && to!.endsWith("Q4"))) return quarters(from, to!);
  if (from && !from.endsWith("Q1")) {
    total += await quarters(from, `${firstYear}-Q4`);
    firstYear = firstYear! + 1;
  }
  if (to && !to.endsWith("Q4")) {
    total += await quarters(`${lastYear}-Q1`, to);
    lastYear = lastYear! - 1;
  }
  if (firstYear === null || lastYear === null || firstYear <= lastYear) {
    const bounds = [
      ["r.period <> ?", ""],
      ...(firstYear !== null ? [["r.period >= ?", String(firstYear)]] : []),
      ...(lastYear !== null ? [["r.period <= ?", String(lastYear)]] : []),
    ];
    total += await sum(RollupGrain.YEAR, { sql: bounds.map(([sql]) => sql).join(" and "), bindings: bounds.map(([, value]) => value) });
  }
  return total;
}
