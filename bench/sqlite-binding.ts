import "reflect-metadata";
import { authConfig, freePort, Role, signLocalToken } from "@kooperacja/service-kit";
import type { ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { compare, load, percentile, type Figures, type Target } from "./load";
import { dataSet, startProcess } from "./stack";

/**
 * `npm run bench:sqlite-binding`: one region's national shard read through node-sqlite3 and through better-sqlite3
 * (SQLITE_BINDING), side by side in one run, on the same file: a 50-row page and a summary aggregate, one request at
 * a time (latency and CPU per request) and under concurrent load (throughput, where better-sqlite3's statements run on
 * the event loop and node-sqlite3's on libuv's thread pool). Decision 0021 has the figures.
 */
export interface BindingBenchOptions {
  scale: string;
  rounds: number;
  roundMs: number;
  /** Seconds of concurrent load per binding and query, per round. */
  loadSeconds: number;
  connections: number;
  dataDir: string;
  resultsDir: string;
}

const REGION = "liderzy";
const BINDINGS = ["sqlite3", "better-sqlite3"] as const;
const QUERIES = {
  page: `{ supportedFamilies(first: 50, orderBy: { field: STARTED_ON }, filter: { socialContract: true }) {
    totalCount edges { cursor node { id code startedOn cooperationLevel } } pageInfo { hasNextPage endCursor } } }`,
  aggregate: `{ indicatorSummary(indicator: "CONTRACT_GOALS_MET", groupBy: [PARTNERSHIP, PERIOD], filter: { periodFrom: "2019-Q1" }) {
    groups { partnership period count sum min max average families } } }`,
  // A page of families with their site, unit and values: the nested read path (DataLoaders, about a thousand rows).
  nested: `{ supportedFamilies(first: 100) { edges { node { code site { name unit { name } } indicatorValues { period value indicator { code } } } } } }`,
};

export async function runBindingBench(options: BindingBenchOptions): Promise<void> {
  const started = performance.now();
  const token = await signLocalToken(authConfig({}), { subject: "bench", role: Role.REGIONAL_OWNER, partnerships: [REGION] });
  const data = await dataSet(options.scale, options.dataDir);
  const children: ChildProcess[] = [];
  try {
    const urls = {} as Record<(typeof BINDINGS)[number], string>;
    // One after the other: the first applies any pending migration to the shared file, the second finds it done.
    for (const binding of BINDINGS) {
      const port = await freePort();
      children.push(
        await startProcess("subgraphs/regional/src/main.ts", {
          PARTNERSHIP: REGION,
          [`${REGION.toUpperCase()}_PORT`]: String(port),
          [`${REGION.toUpperCase()}_DATABASE_URL`]: data.databases[REGION],
          SQLITE_BINDING: binding,
          SEED_DEMO: "false",
          RATE_LIMIT_PER_MINUTE: "1000000000",
        }),
      );
      urls[binding] = `http://127.0.0.1:${port}/`;
    }
    const latency: Record<string, Record<string, Figures>> = {};
    const throughput: Record<string, Record<string, { rps: number; p95: number }>> = {};
    for (const [name, query] of Object.entries(QUERIES)) {
      const targets: Target[] = BINDINGS.map((binding) => ({ name: binding, url: urls[binding], query }));
      console.log(`Measuring ${name}: one request at a time, ${options.rounds} interleaved rounds...`);
      latency[name] = await compare(targets, token, { rounds: options.rounds, roundMs: options.roundMs, cpuOf: urls });
      console.log(`Measuring ${name}: ${options.connections} connections, ${options.loadSeconds} s per binding and round...`);
      const runs = Object.fromEntries(BINDINGS.map((binding) => [binding, { times: [] as number[], seconds: 0 }]));
      for (let round = 0; round < options.rounds; round++) {
        for (const target of round % 2 === 0 ? targets : [...targets].reverse()) {
          const run = await load(target, token, { connections: options.connections, seconds: options.loadSeconds });
          if (run.errors > 0) throw new Error(`${target.name}: ${run.errors} failed requests under load`);
          runs[target.name]!.times.push(...run.times);
          runs[target.name]!.seconds += run.seconds;
        }
      }
      throughput[name] = Object.fromEntries(
        Object.entries(runs).map(([binding, run]) => [
          binding,
          {
            rps: run.times.length / run.seconds,
            p95: percentile(
              [...run.times].sort((a, b) => a - b),
              95,
            ),
          },
        ]),
      );
    }
    report({ options, latency, throughput, seconds: (performance.now() - started) / 1000 });
  } finally {
    children.forEach((child) => child.kill("SIGTERM"));
  }
}

function report(result: {
  options: BindingBenchOptions;
  latency: Record<string, Record<string, Figures>>;
  throughput: Record<string, Record<string, { rps: number; p95: number }>>;
  seconds: number;
}): void {
  mkdirSync(result.options.resultsDir, { recursive: true });
  const file = join(result.options.resultsDir, `sqlite-binding-${result.options.scale}-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, JSON.stringify({ ...result, cores: cpus().length, node: process.version }, null, 2) + "\n");
  const lines = [
    `SQLite binding, ${REGION}'s ${result.options.scale} shard, ${cpus().length} cores (better-sqlite3 / sqlite3 below 1 means better-sqlite3 is faster):`,
  ];
  const cpu = (figures: Figures, binding: string) => figures.cpuMsPerRequest?.[binding] ?? NaN;
  for (const name of Object.keys(result.latency)) {
    const [one, other] = BINDINGS.map((binding) => result.latency[name]![binding]!);
    const [loadOne, loadOther] = BINDINGS.map((binding) => result.throughput[name]![binding]!);
    lines.push(
      `  ${name.padEnd(9)} median ${one!.median.toFixed(1)} → ${other!.median.toFixed(1)} ms (${(other!.median / one!.median).toFixed(2)}), ` +
        `CPU ${cpu(one!, "sqlite3").toFixed(1)} → ${cpu(other!, "better-sqlite3").toFixed(1)} ms/request (${(cpu(other!, "better-sqlite3") / cpu(one!, "sqlite3")).toFixed(2)}), ` +
        `${result.options.connections} connections ${loadOne!.rps.toFixed(1)} → ${loadOther!.rps.toFixed(1)} req/s (${(loadOther!.rps / loadOne!.rps).toFixed(2)}×), p95 ${loadOne!.p95.toFixed(0)} → ${loadOther!.p95.toFixed(0)} ms`,
    );
  }
  console.log(lines.join("\n"));
  console.log(`Took ${result.seconds.toFixed(0)} s; results in ${file}`);
}
