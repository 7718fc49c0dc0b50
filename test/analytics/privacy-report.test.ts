import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { benchScript } from "../bench-cli";

const dir = mkdtempSync(join(tmpdir(), "kooperacja-privacy-report-"));

const report = (...args: string[]) => benchScript("bench/privacy-run.ts", ...args);

const SURFACES = [
  "compare",
  "indicatorSummary",
  "siteRanking",
  "coverage (rows, no figures)",
  "export (comparison.csv)",
  "dashboard (persisted queries)",
  "book snapshot",
];

// The report's figures depend on the data; this keeps `npm run privacy-report` working end to end, at the tiny scale.
describe("npm run privacy-report", () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("prints, for the demo data and a synthetic set, every surface's withheld share and changes, and writes them as JSON", { timeout: 240_000 }, async () => {
    const results = join(dir, "results");
    const run = await report("--scale", "tiny", "--data", join(dir, "data"), "--results", results);
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain("Demo data (the seed of npm start):");
    expect(run.output).toContain("Synthetic tiny data set");
    expect(run.output).toMatch(/two protected counts {2}1 families apart: their difference is exact {3}0\.0 % of the time/);
    for (const surface of SURFACES) expect(run.output).toContain(surface);
    const files = readdirSync(results);
    expect(files).toHaveLength(1);
    const json = JSON.parse(readFileSync(join(results, files[0]!), "utf8"));
    for (const set of ["demo", "tiny"]) {
      expect(Object.keys(json.results[set]).sort()).toEqual([...SURFACES].sort());
      for (const surface of SURFACES.filter((name) => !name.startsWith("coverage"))) {
        const figures = json.results[set][surface];
        expect(figures.cells, `${set} ${surface}`).toBeGreaterThan(0);
        // Protected, not exact: figures are moved, by a few units at most for counts, and some cells are withheld.
        expect(figures.meanAbsoluteChange, `${set} ${surface}`).toBeGreaterThan(0);
        expect(figures.suppressedShare, `${set} ${surface}`).toBeGreaterThan(0);
      }
    }
    // Subtracting two protected counts one family apart never gives the family.
    expect(json.method.differences[0]).toMatchObject({ familiesApart: 1, estimateExact: 0 });
  });

  it("refuses an unknown scale with exit code 2, saying which", async () => {
    const run = await report("--scale", "galactic");
    expect(run.code).toBe(2);
    expect(run.output).toContain("--scale is one of tiny, small, medium, national");
  });
});
