import { describe, expect, it } from "vitest";
import {
  addKeys,
  cellNoise,
  CELL_KEY_METHOD,
  FigureProtection,
  KEY_MODULUS,
  protectCount,
  protectGroup,
  protectionOf,
  protectSum,
  publishable,
  RecordKeys,
  ShardMerge,
  type ProtectionSpec,
  type ShardRule,
} from "../src";

/** Cell keys spread over their whole range, the same every run. */
const KEYS = Array.from({ length: 20_000 }, (_, index) => (index * 2_654_435_761) % KEY_MODULUS);
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

describe("record keys", () => {
  it("are fixed by the secret, the table and the ID, and differ between secrets", () => {
    const keys = new RecordKeys("a-secret-of-at-least-thirty-two-characters");
    expect(keys.of("supported_family", "LK-2013102-0001")).toBe(keys.of("supported_family", "LK-2013102-0001"));
    expect(keys.of("supported_family", "LK-2013102-0001")).not.toBe(keys.of("indicator_value", "LK-2013102-0001"));
    expect(keys.of("supported_family", "LK-2013102-0001")).not.toBe(
      new RecordKeys("another-secret-of-thirty-two-characters").of("supported_family", "LK-2013102-0001"),
    );
  });

  it("lie below 2^31 and add up modulo 2^31, as a cell key must", () => {
    const keys = new RecordKeys("a-secret-of-at-least-thirty-two-characters");
    for (let n = 0; n < 1000; n++) {
      const key = keys.of("indicator_value", String(n));
      expect(Number.isInteger(key) && key >= 0 && key < KEY_MODULUS).toBe(true);
    }
    expect(addKeys(KEY_MODULUS - 1, 2)).toBe(1);
  });
});

describe("cell noise", () => {
  it("stays within the maximum, both ways, centred on zero", () => {
    const noises = KEYS.map((key) => cellNoise(key));
    expect(Math.max(...noises)).toBeLessThanOrEqual(CELL_KEY_METHOD.maxNoise);
    expect(Math.min(...noises)).toBeGreaterThanOrEqual(-CELL_KEY_METHOD.maxNoise);
    expect(Math.max(...noises)).toBeGreaterThan(1.9);
    expect(Math.min(...noises)).toBeLessThan(-1.9);
    expect(Math.abs(mean(noises))).toBeLessThan(0.05);
  });

  it("is the same for the same cell key, and unrelated for the figure and the size check", () => {
    expect(cellNoise(123_456)).toBe(cellNoise(123_456));
    const figure = KEYS.map((key) => cellNoise(key));
    const gate = KEYS.map((key) => cellNoise(key, "gate"));
    const covariance = mean(figure.map((value, index) => value * gate[index]!));
    expect(Math.abs(covariance)).toBeLessThan(0.05);
  });

  it("of neighbouring cell keys is unrelated: a record with a small key still changes the noise", () => {
    const moved = KEYS.filter((key) => Math.abs(cellNoise(key) - cellNoise(addKeys(key, 1))) > 0.5).length;
    expect(moved / KEYS.length).toBeGreaterThan(0.6);
  });
});

describe("protected counts", () => {
  it("are multiples of 3, at most 3 from the count, never negative", () => {
    for (const count of [0, 1, 2, 5, 6, 7, 19, 100, 12_345]) {
      for (const key of KEYS.slice(0, 2000)) {
        const shown = protectCount(count, key);
        expect(shown % 3).toBe(0);
        expect(Math.abs(shown - count)).toBeLessThanOrEqual(3);
        expect(shown).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it("are nearly unbiased over many cells", () => {
    for (const count of [9, 10, 11, 500]) {
      expect(Math.abs(mean(KEYS.map((key) => protectCount(count, key))) - count)).toBeLessThan(0.2);
    }
  });

  it("move a count that is a multiple of 3 too, for some cells", () => {
    const shown = new Set(KEYS.slice(0, 500).map((key) => protectCount(9, key)));
    expect(shown).toEqual(new Set([6, 9, 12]));
  });

  it("never show a difference of one or two families: any difference of protected counts is a multiple of 3", () => {
    for (const [index, key] of KEYS.slice(0, 1000).entries()) {
      const other = KEYS[KEYS.length - 1 - index]!;
      const difference = protectCount(40, addKeys(key, other)) - protectCount(39, key);
      expect(Number.isInteger(difference / 3)).toBe(true);
    }
  });
});

describe("protected sums", () => {
  it("of ones come out as the count of the same records does", () => {
    for (const key of KEYS.slice(0, 2000)) expect(protectSum(17, 1, key)).toBe(protectCount(17, key));
  });

  it("move by up to the count noise times a fifth of the largest value, rounded to 3", () => {
    const changes = KEYS.slice(0, 5000).map((key) => protectSum(5000, 100, key) - 5000);
    expect(Math.max(...changes.map(Math.abs))).toBeLessThanOrEqual(2 * 0.2 * 100 + 1.5);
    expect(Math.max(...changes)).toBeGreaterThan(30);
    for (const change of changes) expect((5000 + change) % 3).toBe(0);
  });
});

describe("the minimum cell size", () => {
  it("never publishes fewer than the threshold, always publishes threshold + 4 or more, and decides between by the key", () => {
    const shareShown = (families: number) => KEYS.filter((key) => publishable(families, key, 5)).length / KEYS.length;
    for (const families of [0, 1, 2, 3, 4]) expect(shareShown(families)).toBe(0);
    for (const families of [9, 10, 50]) expect(shareShown(families)).toBe(1);
    // Between, a noise uniform over [-2, 2] decides: 5 + noise ≥ 6.5 one time in eight, 8 + noise ≥ 6.5 seven in eight.
    expect(shareShown(5)).toBeCloseTo(0.125, 1);
    expect(shareShown(7)).toBeCloseTo(0.625, 1);
    expect(shareShown(8)).toBeCloseTo(0.875, 1);
  });
});

const SPEC: ProtectionSpec = {
  families: { field: "families", key: "familyKey" },
  counts: [
    { field: "n", key: "recordKey" },
    { field: "families", key: "familyKey" },
  ],
  sums: [{ field: "sum", key: "recordKey", largest: "max" }],
  withheld: ["min", "max"],
  derived: ["mean"],
  keys: ["recordKey", "familyKey"],
  flag: "suppressed",
  protection: "protection",
};

describe("protecting a group", () => {
  const group = (families: number | null) => ({ n: 40, sum: 2000, min: 5, max: 95, mean: 50, families, recordKey: 777, familyKey: 4242 });

  it("leaves the owner's figures exact, and those not about families", () => {
    for (const [families, exact] of [
      [30, true],
      [null, false],
    ] as const) {
      const shown: Record<string, unknown> = group(families);
      protectGroup(shown, SPEC, { exact, threshold: 5 });
      expect(shown).toMatchObject({
        n: 40,
        sum: 2000,
        min: 5,
        max: 95,
        families,
        suppressed: false,
        protection: FigureProtection.EXACT,
        recordKey: null,
        familyKey: null,
      });
    }
  });

  it("perturbs the counts and the sum of anyone else's, and withholds the extremes and the keys", () => {
    const shown: Record<string, unknown> = group(30);
    protectGroup(shown, SPEC, { exact: false, threshold: 5 });
    expect(shown).toMatchObject({
      n: protectCount(40, 777),
      sum: protectSum(2000, 95, 777),
      families: protectCount(30, 4242),
      min: null,
      max: null,
      recordKey: null,
      familyKey: null,
    });
    expect(shown).toMatchObject({ suppressed: false, protection: FigureProtection.PERTURBED });
  });

  it("suppresses a group below the minimum size: every figure null", () => {
    const shown: Record<string, unknown> = group(3);
    protectGroup(shown, SPEC, { exact: false, threshold: 5 });
    expect(shown).toMatchObject({
      n: null,
      sum: null,
      min: null,
      max: null,
      mean: null,
      families: null,
      suppressed: true,
      protection: FigureProtection.SUPPRESSED,
    });
  });
});

describe("the protection a type's @shard rules declare", () => {
  it("is read from the rules: counts and sums with their keys, withheld extremes, derived figures, flags", () => {
    const rules = new Map<string, ShardRule>([
      ["partnership", { merge: ShardMerge.KEY, by: "PARTNERSHIP" }],
      ["n", { merge: ShardMerge.SUM, protect: "COUNT recordKey" }],
      ["sum", { merge: ShardMerge.SUM, protect: "SUM recordKey max" }],
      ["min", { merge: ShardMerge.MIN, protect: "WITHHOLD" }],
      ["max", { merge: ShardMerge.MAX, protect: "WITHHOLD" }],
      ["mean", { merge: ShardMerge.RATIO, by: "sum/n" }],
      ["families", { merge: ShardMerge.SUM, protect: "COUNT familyKey" }],
      ["suppressed", { merge: ShardMerge.SUPPRESS, by: "families" }],
      ["protection", { merge: ShardMerge.PROTECTION }],
      ["recordKey", { merge: ShardMerge.KEYSUM }],
      ["familyKey", { merge: ShardMerge.KEYSUM }],
    ]);
    expect(protectionOf(rules)).toEqual(SPEC);
    rules.delete("suppressed");
    expect(protectionOf(rules)).toBeUndefined();
  });
});
