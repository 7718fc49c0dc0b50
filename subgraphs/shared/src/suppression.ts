/** Which fields of an aggregate group take part in small-cell suppression. */
export interface SuppressionSpec {
  /** The number of families a group is computed from (null when its values are not about families). */
  countField: string;
  /** Set to true on a suppressed group. */
  flagField: string;
  /** Fields nulled in a suppressed group: every figure, the family count included. */
  valueFields: readonly string[];
  /** Each key field's dimension; key fields of one dimension (an ID and its name) vary together. */
  dimensions: ReadonlyMap<string, string>;
  /** Fields that split the groups into separate tables (the indicator of a comparison): lines never cross them. */
  partition?: readonly string[];
}

type Group = Record<string, unknown>;

/**
 * Small-cell suppression of one table of groups, in place.
 *
 * Primary: a group computed from fewer than `threshold` families is
 * suppressed unless the caller may see it whole (`exempt`, the owner of
 * every partnership in it). Complementary: the totals of a table can be asked
 * for (group by fewer dimensions, or by none), so a line of the table that
 * holds exactly one suppressed group would give it away as total minus the
 * rest; in each such line the next smallest group is suppressed too, until
 * no line holds exactly one. A line is the groups that agree on every
 * dimension but one, and the whole table is a line of its own.
 */
export function suppressSmallCells<T extends object>(groups: T[], spec: SuppressionSpec, threshold: number, exempt: (group: T) => boolean): T[] {
  if (spec.partition && spec.partition.length > 0) {
    const tables = new Map<string, T[]>();
    for (const group of groups) {
      const key = JSON.stringify(spec.partition.map((field) => (group as Group)[field] ?? null));
      tables.set(key, [...(tables.get(key) ?? []), group]);
    }
    const whole = { ...spec, partition: [] };
    for (const table of tables.values()) suppressSmallCells(table, whole, threshold, exempt);
    return groups;
  }
  const subject = (group: T) => typeof (group as Group)[spec.countField] === "number";
  const families = (group: T) => (group as Group)[spec.countField] as number;
  const suppressed = new Set<T>(groups.filter((group) => subject(group) && !exempt(group) && families(group) < threshold));
  if (suppressed.size > 0) {
    const lines = linesOf(groups.filter(subject), spec.dimensions);
    for (let changed = true; changed; ) {
      changed = false;
      for (const line of lines) {
        if (line.filter((group) => suppressed.has(group)).length !== 1) continue;
        const next = line.filter((group) => !suppressed.has(group)).sort((a, b) => families(a) - families(b))[0];
        if (!next) continue;
        suppressed.add(next);
        changed = true;
      }
    }
  }
  for (const group of groups) {
    const hidden = suppressed.has(group);
    (group as Group)[spec.flagField] = hidden;
    if (hidden) for (const field of spec.valueFields) (group as Group)[field] = null;
  }
  return groups;
}

function linesOf<T extends object>(groups: T[], dimensions: ReadonlyMap<string, string>): T[][] {
  const lines: T[][] = [groups];
  for (const dimension of new Set(dimensions.values())) {
    const others = [...dimensions].filter(([, of]) => of !== dimension).map(([field]) => field);
    const byLine = new Map<string, T[]>();
    for (const group of groups) {
      const key = JSON.stringify(others.map((field) => (group as Group)[field] ?? null));
      byLine.set(key, [...(byLine.get(key) ?? []), group]);
    }
    lines.push(...[...byLine.values()].filter((line) => line.length > 1));
  }
  return lines;
}
