import { createHash, createHmac } from "node:crypto";
import { ShardMerge, ShardProtect, type ShardRule } from "./sharding";

/**
 * Statistical disclosure control of the figures about families: the cell key
 * method of national statistics offices' table builders (ABS TableBuilder;
 * ONS and Eurostat census tables), as docs/privacy.md sets it out.
 *
 * Every family and every indicator value carries a permanent, secret record
 * key. A group's cell key is the sum of its records' keys modulo 2^31: a
 * partial that adds up across regions like a count, so the gateway protects
 * after merging. The noise of a figure is a fixed function of its cell key,
 * so the same set of records always gets the same figure (asking again, or
 * another way, averages nothing out), and two sets that differ by one family
 * get unrelated noise (subtracting them does not cancel it).
 */

/** Record keys, and so cell keys, are whole numbers below this. */
export const KEY_MODULUS = 2 ** 31;

/** The method's public parameters: knowing them does not help without the record keys. */
export const CELL_KEY_METHOD = {
  /** A count moves by a noise of at most this much (either way), fixed by its cell key... */
  maxNoise: 2,
  /** ...and is then rounded to a multiple of this: protected counts and sums are multiples of 3. */
  base: 3,
  /** A sum's noise is the count noise times the larger of 1 and this share of the group's largest value. */
  magnitudeShare: 0.2,
} as const;

/** How a figure reached the reader. */
export const FigureProtection = {
  /** As computed: the caller owns every region in the group, or the figure is not about families. */
  EXACT: "EXACT",
  /** Protected by the cell key method: counts and sums moved by a little noise and rounded to multiples of 3. */
  PERTURBED: "PERTURBED",
  /** Computed from too few families to publish: every figure is null. */
  SUPPRESSED: "SUPPRESSED",
} as const;
export type FigureProtection = (typeof FigureProtection)[keyof typeof FigureProtection];

/** Record keys of one service: a keyed hash of the record's table and ID, so keys are fixed, secret and need no randomness. */
export class RecordKeys {
  constructor(private readonly secret: string) {}

  of(table: string, id: string): number {
    return createHmac("sha256", this.secret).update(`${table}\n${id}`).digest().readUInt32BE(0) % KEY_MODULUS;
  }
}

/** Cell keys of two parts of one group (two regions' partials): the keys of all their records. */
export function addKeys(a: number, b: number): number {
  return (a + b) % KEY_MODULUS;
}

/** The draws a cell key fixes: the noise of its figures, and the noise of its minimum-size check, independent of each other. */
type Draw = "figure" | "gate";

/** A noise in [-maxNoise, +maxNoise], fixed by the cell key: uniform, and unrelated for any two different keys. */
export function cellNoise(cellKey: number, draw: Draw = "figure"): number {
  const uniform = createHash("sha256").update(`${draw}:${cellKey}`).digest().readUInt32BE(0) / 2 ** 32;
  return CELL_KEY_METHOD.maxNoise * (2 * uniform - 1);
}

function roundToBase(value: number): number {
  const { base } = CELL_KEY_METHOD;
  return Math.max(0, base * Math.round(value / base));
}

/** A count as published: moved by its cell key's noise, rounded to a multiple of 3, never negative. */
export function protectCount(count: number, cellKey: number): number {
  return roundToBase(count + cellNoise(cellKey));
}

/**
 * A sum as published: the count noise of the same records, scaled by the
 * group's largest value (so one large value is hidden as well as a
 * family among many), rounded to a multiple of 3. A sum of ones is its
 * count, and comes out as the count does.
 */
export function protectSum(sum: number, largest: number, cellKey: number): number {
  return roundToBase(sum + cellNoise(cellKey) * Math.max(1, CELL_KEY_METHOD.magnitudeShare * Math.abs(largest)));
}

/**
 * The minimum cell size, on a noisy count: a group is published when its
 * families plus a second noise of its family key reach threshold + 1.5, so
 * a group of fewer than `threshold` families never is, one of threshold + 4
 * or more always is, and the check itself gives no exact count away.
 */
export function publishable(families: number, familyKey: number, threshold: number): boolean {
  return families + cellNoise(familyKey, "gate") >= threshold + CELL_KEY_METHOD.maxNoise - 0.5;
}

/** Which fields of an aggregate group the method reads and writes. */
export interface ProtectionSpec {
  /** The distinct families behind the group and the field of their cell key; a group whose count is null is not about families, and stays exact. */
  families: { field: string; key: string };
  /** Counts, each with the field of the cell key of what it counts. */
  counts: readonly { field: string; key: string }[];
  /** Sums, with the cell key of their records and the field holding the group's largest value. */
  sums: readonly { field: string; key: string; largest: string }[];
  /** Figures a protected group never shows: a smallest or largest value is one family's own. */
  withheld: readonly string[];
  /** Every other figure (means, headline values), nulled in a suppressed group; the caller derives them from the protected partials. */
  derived: readonly string[];
  /** Cell keys, nulled once used: never shown to anyone. */
  keys: readonly string[];
  /** The boolean set on a suppressed group. */
  flag: string;
  /** The field saying how the group's figures were protected (FigureProtection). */
  protection: string;
}

type Group = Record<string, unknown>;

/**
 * Protects one group's figures in place. `exact` groups (the caller owns
 * every region in it) keep their figures; a group not about families has
 * nothing to protect. Any other group is suppressed below the minimum
 * size, and otherwise gets its counts and sums perturbed and its extremes
 * withheld. Derived figures are the caller's to compute afterwards, from
 * the protected partials.
 */
export function protectGroup(group: Group, spec: ProtectionSpec, options: { exact: boolean; threshold: number }): void {
  const families = group[spec.families.field];
  const aboutFamilies = typeof families === "number";
  if (options.exact || !aboutFamilies) {
    group[spec.flag] = false;
    group[spec.protection] = FigureProtection.EXACT;
  } else if (!publishable(families, Number(group[spec.families.key]), options.threshold)) {
    for (const field of [...spec.counts.map((count) => count.field), ...spec.sums.map((sum) => sum.field), ...spec.withheld, ...spec.derived])
      group[field] = null;
    group[spec.flag] = true;
    group[spec.protection] = FigureProtection.SUPPRESSED;
  } else {
    const perturbed: Group = {};
    for (const count of spec.counts)
      if (typeof group[count.field] === "number") perturbed[count.field] = protectCount(group[count.field] as number, Number(group[count.key]));
    for (const sum of spec.sums) {
      if (typeof group[sum.field] === "number")
        perturbed[sum.field] = protectSum(group[sum.field] as number, Number(group[sum.largest] ?? 0), Number(group[sum.key]));
    }
    Object.assign(group, perturbed);
    for (const field of spec.withheld) group[field] = null;
    group[spec.flag] = false;
    group[spec.protection] = FigureProtection.PERTURBED;
  }
  for (const key of spec.keys) group[key] = null;
}

/**
 * The protection a type's `@shard` rules declare for its groups (undefined
 * when it has no SUPPRESS flag): the gateway reads it from the supergraph,
 * and a shard answering directly from its own constants, which a test holds
 * to the same rules.
 */
export function protectionOf(rules: ReadonlyMap<string, ShardRule>): ProtectionSpec | undefined {
  const fields = [...rules];
  const named = (merge: string) => fields.find(([, rule]) => rule.merge === merge)?.[0];
  const protecting = (kind: string) =>
    fields.flatMap(([field, rule]) => (rule.protect?.split(" ")[0] === kind ? [{ field, args: rule.protect.split(" ").slice(1) }] : []));
  const flag = named(ShardMerge.SUPPRESS);
  const protection = named(ShardMerge.PROTECTION);
  const familiesField = flag ? rules.get(flag)?.by : undefined;
  const familiesKey = protecting(ShardProtect.COUNT).find((count) => count.field === familiesField)?.args[0];
  if (!flag || !protection || !familiesField || !familiesKey) return undefined;
  return {
    families: { field: familiesField, key: familiesKey },
    counts: protecting(ShardProtect.COUNT).map(({ field, args }) => ({ field, key: args[0]! })),
    sums: protecting(ShardProtect.SUM).map(({ field, args }) => ({ field, key: args[0]!, largest: args[1]! })),
    withheld: protecting(ShardProtect.WITHHOLD).map(({ field }) => field),
    derived: fields.filter(([, rule]) => rule.merge === ShardMerge.RATIO || rule.merge === ShardMerge.CHOOSE).map(([field]) => field),
    keys: fields.filter(([, rule]) => rule.merge === ShardMerge.KEYSUM).map(([field]) => field),
    flag,
    protection,
  };
}
