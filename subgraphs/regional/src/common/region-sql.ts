import { PARTNERSHIPS, type PartnershipKey, type RegionFilter } from "@kooperacja/contract";

/**
 * A region filter as SQL conditions on a column holding a site's TERYT code
 * (codes nest by prefix, as whereRegion reads them), for statements written
 * by hand; null when the filter leaves this shard out altogether.
 */
export function regionConditions(
  column: string,
  partnership: PartnershipKey,
  filter: RegionFilter | null | undefined,
): { where: string[]; bindings: unknown[] } | null {
  if (filter?.partnerships && !filter.partnerships.includes(partnership)) return null;
  if (filter?.macroregions && !filter.macroregions.includes(PARTNERSHIPS[partnership].macroregion)) return null;
  const where: string[] = [];
  const bindings: unknown[] = [];
  for (const codes of [filter?.voivodeships, filter?.teryt]) {
    if (!codes) continue;
    if (codes.length === 0) return null;
    where.push(`(${codes.map(() => `${column} like ?`).join(" or ")})`);
    bindings.push(...codes.map((code) => `${code}%`));
  }
  return { where, bindings };
}

/** `column in (…)` for a list given in a filter; null for an empty list, which matches nothing. */
export function among(column: string, values: readonly unknown[]): { sql: string; bindings: unknown[] } | null {
  return values.length === 0 ? null : { sql: `${column} in (${values.map(() => "?").join(", ")})`, bindings: [...values] };
}
