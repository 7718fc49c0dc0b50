import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bench, benchScript } from "../bench-cli";

const dir = mkdtempSync(join(tmpdir(), "kooperacja-bench-"));

// The benchmark's own figures are machine-dependent; this keeps `npm run bench` working end to end, at the tiny scale,
// with a soak of seconds (the minute-long soak is in test/slow, run by `npm run test:slow`).
describe("npm run bench", () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("prints every comparison and ratio, the statement counts and the soak, and writes them as JSON", { timeout: 240_000 }, async () => {
    const results = join(dir, "results");
    const run = await bench("--scale", "tiny", "--soak-seconds", "4", "--rounds", "1", "--round-ms", "100", "--data", join(dir, "data"), "--results", results);
    expect(run.code, run.output).toBe(0);
    for (const label of [
      "gateway, 3 regions / slowest region direct",
      "floor on",
      "hub / hand-written SQL (3 regions)",
      "hub gateway / region direct",
      "hub gateway / plain @apollo/gateway",
      "hub / hand-written SQL (liderzy)",
      "dashboard, public view",
      "dashboard, view with a token",
      "analysts' question 5",
      "hub / DuckDB: CONTRACT_GOALS_MET by voivodeship",
      "20 000-row import / same without the rollups' refresh",
    ]) {
      expect(run.output).toContain(label);
    }
    expect(run.output).toMatch(/CPU ms per request/);
    expect(run.output).toMatch(/soak: 4 s at 8 connections, \d+ requests .* 0 errors\)/);
    const files = readdirSync(results);
    expect(files).toHaveLength(1);
    const json = JSON.parse(readFileSync(join(results, files[0]!), "utf8"));
    expect(Object.keys(json.figures)).toEqual([
      "cross-region connection page",
      "cross-region aggregate",
      "single-region connection page (liderzy)",
      "single-region aggregate (liderzy)",
    ]);
    for (const byTarget of Object.values(json.figures) as Record<string, { median: number; requests: number }>[]) {
      for (const figures of Object.values(byTarget)) expect(figures.median).toBeGreaterThan(0);
    }
    // The same nested queries on the same tiny set: the statement counts must agree.
    for (const count of json.statements) expect(count.small.statements).toBe(count.national.statements);
    expect(json.soak.samples.length).toBeGreaterThanOrEqual(2);
    // What users wait for: both dashboard views, five questions, two aggregates, each answered; DuckDB over the same rows.
    expect(json.waits.waits).toHaveLength(9);
    for (const wait of json.waits.waits) expect(wait.median, wait.name).toBeGreaterThan(0);
    expect(json.waits.duckdb.rows).toBeGreaterThan(1000);
    // The rollups agree with the base tables after the bench's import and after one killed mid-write.
    expect(json.writes.rows).toBeGreaterThan(0);
    expect(json.writes.checkAfterImport.differences).toBe(0);
    expect(json.writes.killed.checkAfterRestart.differences).toBe(0);
    expect([0, json.writes.rows]).toContain(json.writes.killed.rowsLeft);
  });

  it("refuses unknown options' values with exit code 2, saying which", async () => {
    const run = await bench("--scale", "galactic", "--database", "oracle");
    expect(run.code).toBe(2);
    expect(run.output).toContain("--database is sqlite or postgresql");
    expect(run.output).toContain("--scale is one of tiny, small, medium, national");
  });
});

describe("npm run bench:sqlite-binding", () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("compares the two SQLite bindings on one region's page, aggregate and nested read, and writes the figures as JSON", { timeout: 240_000 }, async () => {
    const results = join(dir, "binding-results");
    const run = await benchScript(
      "bench/sqlite-binding-run.ts",
      ...[
        "--scale",
        "tiny",
        "--rounds",
        "1",
        "--round-ms",
        "100",
        "--load-seconds",
        "1",
        "--connections",
        "2",
        "--data",
        join(dir, "data"),
        "--results",
        results,
      ],
    );
    expect(run.code, run.output).toBe(0);
    for (const name of ["page", "aggregate", "nested"]) expect(run.output).toMatch(new RegExp(`${name} +median [\\d.]+ → [\\d.]+ ms`));
    const json = JSON.parse(readFileSync(join(results, readdirSync(results)[0]!), "utf8"));
    for (const name of ["page", "aggregate", "nested"]) {
      for (const binding of ["sqlite3", "better-sqlite3"]) {
        expect(json.latency[name][binding].median, `${name} on ${binding}`).toBeGreaterThan(0);
        expect(json.latency[name][binding].cpuMsPerRequest[binding]).toBeGreaterThan(0);
        expect(json.throughput[name][binding].rps).toBeGreaterThan(0);
      }
    }
  });
});
