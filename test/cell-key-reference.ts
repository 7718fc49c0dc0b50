import { createHash } from "node:crypto";

/**
 * The cell key method as docs/privacy.md specifies it, written here from
 * that text and not from the hub's code, so tests can hold the hub's
 * protected figures to the published method: computed from plain SQL facts
 * and the record keys in the databases.
 */

const MODULUS = 2 ** 31;

/** A cell key: the sum of the records' keys, modulo 2^31. */
export function cellKeyOf(keys: Iterable<number>): number {
  let sum = 0;
  for (const key of keys) sum = (sum + key) % MODULUS;
  return sum;
}

/** The noise a cell key fixes: the first 4 bytes of SHA-256("<draw>:<cell key>") as a fraction u of 2^32, then 2·(2u − 1). */
export function noiseOf(cellKey: number, draw: "figure" | "gate"): number {
  const u = createHash("sha256").update(`${draw}:${cellKey}`).digest().readUInt32BE(0) / 2 ** 32;
  return 2 * (2 * u - 1);
}

const toThree = (value: number) => Math.max(0, 3 * Math.round(value / 3));

export interface ExactCell {
  n: number;
  sum: number;
  largest: number;
  /** Keys of the values (or records) counted in n. */
  recordKeys: number[];
  /** Distinct families behind the figure; null when not about families. */
  families: number | null;
  /**
   * Keys behind the family count: the records' own for counts of families and values measured
   * per family (they are about the families themselves), the distinct families' for a site's reports.
   */
  familyKeys: number[];
  aggregation: "SUM" | "MEAN";
}

export interface PublishedCell {
  n: number | null;
  sum: number | null;
  mean: number | null;
  value: number | null;
  families: number | null;
  suppressed: boolean;
  protection: "EXACT" | "PERTURBED" | "SUPPRESSED";
}

/** What the method publishes for a cell to a caller who does not own it (threshold: the minimum cell size, 5 by default). */
export function published(cell: ExactCell, threshold = 5): PublishedCell {
  const mean = (n: number | null, sum: number | null) => (n && sum !== null ? sum / n : null);
  if (cell.families === null) {
    const m = mean(cell.n, cell.sum);
    return { n: cell.n, sum: cell.sum, mean: m, value: cell.aggregation === "MEAN" ? m : cell.sum, families: null, suppressed: false, protection: "EXACT" };
  }
  const families = cell.families;
  const familyKey = cellKeyOf(cell.familyKeys);
  if (families + noiseOf(familyKey, "gate") < threshold + 1.5) {
    return { n: null, sum: null, mean: null, value: null, families: null, suppressed: true, protection: "SUPPRESSED" };
  }
  const noise = noiseOf(cellKeyOf(cell.recordKeys), "figure");
  const n = toThree(cell.n + noise);
  const sum = toThree(cell.sum + noise * Math.max(1, 0.2 * Math.abs(cell.largest)));
  const m = mean(n, sum);
  return {
    n,
    sum,
    mean: m,
    value: cell.aggregation === "MEAN" ? m : sum,
    families: toThree(families + noiseOf(familyKey, "figure")),
    suppressed: false,
    protection: "PERTURBED",
  };
}
