import { ShardMerge, type ShardRule } from "@kooperacja/contract";
import { describe, expect, it } from "vitest";
import { deriveOrigins, mergeGroups } from "../src/sharding/aggregate";

const RULES = new Map<string, ShardRule>([
  ["partnership", { merge: ShardMerge.KEY, by: "PARTNERSHIP" }],
  ["n", { merge: ShardMerge.SUM }],
  ["syntheticRecords", { merge: ShardMerge.SUM }],
  ["origin", { merge: ShardMerge.ORIGIN, by: "syntheticRecords/n" }],
]);

describe("a merged figure's origin", () => {
  it("is SYNTHETIC, OBSERVED or MIXED by the merged counts, not by any one region's", () => {
    const merged = mergeGroups(
      [
        { partnership: null, n: 4, syntheticRecords: 4 },
        { partnership: null, n: 3, syntheticRecords: 0 },
        { partnership: "a", n: 2, syntheticRecords: 2 },
        { partnership: "a", n: 5, syntheticRecords: 5 },
        { partnership: "b", n: 6, syntheticRecords: 0 },
        { partnership: "c", n: 1, syntheticRecords: 0 },
        { partnership: "c", n: 2, syntheticRecords: 1 },
      ],
      RULES,
    );
    expect(deriveOrigins(merged, RULES).map((group) => [group.partnership, group.n, group.origin])).toEqual([
      ["a", 7, "SYNTHETIC"],
      ["b", 6, "OBSERVED"],
      ["c", 3, "MIXED"],
      [null, 7, "MIXED"],
    ]);
  });
});
