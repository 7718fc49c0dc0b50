import { describe, expect, it } from "vitest";
import { spokenList } from "../src/map/spoken";

describe("what the map's live region reads out", () => {
  const more = (count: number) => `and ${count} more`;

  it("is the whole list when it is short", () => {
    expect(spokenList(["a: 1", "b: 2"], 10, more)).toBe("a: 1; b: 2");
    expect(
      spokenList(
        Array.from({ length: 10 }, (_, i) => `s${i}`),
        10,
        more,
      ),
    ).toBe("s0; s1; s2; s3; s4; s5; s6; s7; s8; s9");
  });

  it("is the first ten and a count of the rest at national size", () => {
    const sites = Array.from({ length: 153 }, (_, i) => `site ${i}: ≈ ${i} †`);
    const spoken = spokenList(sites, 10, more);
    expect(spoken.split("; ")).toHaveLength(11);
    expect(spoken.endsWith("site 9: ≈ 9 †; and 143 more")).toBe(true);
  });
});
