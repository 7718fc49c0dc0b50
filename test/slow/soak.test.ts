import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bench } from "../bench-cli";

const dir = mkdtempSync(join(tmpdir(), "kooperacja-soak-"));

/**
 * The bench's soak for a minute and a second: long enough for a minute's heap
 * floor, which is what its growth verdict compares. `npm run test:slow`; CI runs it.
 */
describe("npm run bench, soaking a minute", () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(
    "keeps the gateway under load for a minute without errors, sampling its memory every 2 s and taking the minute's heap floor",
    { timeout: 240_000 },
    async () => {
      const results = join(dir, "results");
      const run = await bench(
        "--scale",
        "tiny",
        "--soak-seconds",
        "61",
        "--rounds",
        "1",
        "--round-ms",
        "100",
        "--data",
        join(dir, "data"),
        "--results",
        results,
      );
      expect(run.code, run.output).toBe(0);
      expect(run.output).toMatch(/soak: 61 s at 8 connections, \d+ requests .* 0 errors\)/);
      expect(run.output).toMatch(/gateway heap floor per minute: \d+(\.\d)? MB; x1\.00/);
      const [file] = readdirSync(results);
      const json = JSON.parse(readFileSync(join(results, file!), "utf8"));
      expect(json.soak.samples.length).toBeGreaterThan(20);
      expect(json.soak.floorsMb).toHaveLength(1);
      expect(json.soak.errors).toBe(0);
    },
  );
});
