import { PARTNERSHIPS, type PartnershipKey, type RegionFilter } from "@kooperacja/contract";

/** Conditions for a statement written by hand, and their bound values. */
export interface Conditions {
  where: string[];
  bindings: unknown[];
}

/**
 * The filter's voivodeships and TERYT codes as conditions on a column
 * holding a site's TERYT code: codes nest by prefix (a gmina's code starts
 * with its powiat's, which starts with its voivodeship's), as whereRegion
 * reads them for the query builder. An empty list matches nothing.
 */
export function terytConditions(column: string, filter: RegionFilter | null | undefined): Conditions {
  const where: string[] = [];
  const bindings: unknown[] = [];
  for (const codes of [filter?.voivodeships, filter?.teryt]) {
    if (!codes) continue;
    where.push(codes.length === 0 ? "1 = 0" : `(${codes.map(() => `${column} like ?`).join(" or ")})`);
    bindings.push(...codes.map((code) => `${code}%`));
  }
  return { where, bindings };
}

/** The whole region filter on such a column; null when its partnerships or macroregions leave this shard out. */
export function regionConditions(column: string, partnership: PartnershipKey, filter: RegionFilter | null | undefined): Conditions | null {
  if (filter?.partnerships && !filter.partnerships.includes(partnership)) return null;
  if (filter?.macroregions && !filter.macroregions.includes(PARTNERSHIPS[partnership].macroregion)) return null;
  return terytConditions(column, filter);
}

/** `column in (…)` for a list a filter gives; an empty list matches nothing. */
export function among(column: string, values: readonly unknown[]): { sql: string; bindings: unknown[] } {
  return { sql: values.length === 0 ? "1 = 0" : `${column} in (${values.map(() => "?").join(", ")})`, bindings: [...values] };
}
