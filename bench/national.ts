import "reflect-metadata";
import { PARTNERSHIP_KEYS, type PartnershipKey } from "@kooperacja/contract";
import { authConfig, freePort, Role, signLocalToken } from "@kooperacja/service-kit";
import { startTemporaryPostgres } from "@kooperacja/database";
import type { ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { cannon, compare, metric, probe, type Figures, type Target } from "./load";
import { measureRollupWrites, type RollupWrites } from "./rollup-writes";
import { dataSet, startProcess, startStack, type DataSet, type Stack } from "./stack";
import { analystQuestions, dashboardViews, duckdbReference, measureWaits, REFERENCE_AGGREGATES, withBookRecommendation, type Wait } from "./user-views";

/**
 * `npm run bench`: the hub at national size, every figure measured side by
 * side in one run. See docs/scaling.md, "The benchmark", for what each ratio means.
 */
export interface BenchOptions {
  scale: string;
  dialect: "sqlite" | "postgresql";
  soakSeconds: number;
  rounds: number;
  roundMs: number;
  /** Where seeded SQLite data sets are kept between runs. */
  dataDir: string;
  /** Where the JSON result goes. */
  resultsDir: string;
}

const ONE: PartnershipKey = "liderzy";
const DUCKDB_VERSION = (JSON.parse(readFileSync(require.resolve("@duckdb/node-api/package.json"), "utf8")) as { version: string }).version;
const page = (filter = "") => `{
  supportedFamilies(first: 50, orderBy: { field: STARTED_ON }, filter: { socialContract: true${filter} }) {
    totalCount edges { cursor node { id code startedOn cooperationLevel } } pageInfo { hasNextPage endCursor }
  }
}`;
const aggregate = (filter = "") => `{
  indicatorSummary(indicator: "CONTRACT_GOALS_MET", groupBy: [PARTNERSHIP, PERIOD], filter: { periodFrom: "2019-Q1"${filter} }) {
    groups { partnership period count sum min max average families }
  }
}`;
const oneRegion = `, partnerships: ["${ONE}"]`;

/** Nested queries whose SQL statement count must not depend on how many rows they return. */
const NESTED: Record<string, string> = {
  "sites → unit → parent, families → values → indicator": `{
    pilotSites(first: 20) { edges { node { name unit { name parent { name } }
      families { code indicatorValues { period value indicator { code } } }
      indicatorValues { period value } } } }
  }`,
  "families → site → unit, values → indicator": `{
    supportedFamilies(first: 100) { edges { node { code site { name unit { name } } indicatorValues { period value indicator { code } } } } }
  }`,
};

interface Ratio {
  label: string;
  value: number;
  target?: number;
}

export async function runNationalBench(options: BenchOptions): Promise<void> {
  const started = performance.now();
  // The owner of every partnership: it reads the family rows and unsuppressed aggregates the queries measure.
  const token = await signLocalToken(authConfig({}), { subject: "bench", role: Role.REGIONAL_OWNER, partnerships: [...PARTNERSHIP_KEYS] });
  const cleanups: (() => void)[] = [];
  try {
    console.log(`Preparing the ${options.scale} data set on ${options.dialect}...`);
    // On PostgreSQL one durable throw-away server holds both data sets for this run.
    const postgres = options.dialect === "postgresql" ? await startTemporaryPostgres({ durable: true }) : undefined;
    if (postgres) cleanups.push(() => postgres.stop());
    const national = await dataSet(options.scale, options.dataDir, postgres);
    const small = options.scale === "tiny" ? national : await dataSet("tiny", options.dataDir, postgres);
    console.log("Starting the hub (each region, the book and the gateway in its own process), a plain @apollo/gateway and the hand-written SQL server...");
    const hub = await startStack(national);
    cleanups.push(hub.stop);
    const { plainUrl, sqlUrl, children } = await startExtras(hub, national);
    cleanups.push(() => children.forEach((child) => child.kill("SIGTERM")));

    const figures: Record<string, Record<string, Figures>> = {};
    const ratios: Record<string, Ratio[]> = {};
    // CPU per request of every hub process, read from /metrics around each target's runs: what bounds a fan-out on few cores.
    const cpuOf = { gateway: hub.urls.gateway, ...Object.fromEntries(PARTNERSHIP_KEYS.map((key) => [key, hub.urls[key]])) };
    const measure = async (name: string, targets: Target[]) => {
      console.log(`Measuring: ${name} (${targets.length} targets, ${options.rounds} interleaved rounds)...`);
      figures[name] = await compare(targets, token, { rounds: options.rounds, roundMs: options.roundMs, cpuOf });
      return (target: string) => figures[name]![target]!.median;
    };

    const direct = (query: string): Target[] => PARTNERSHIP_KEYS.map((key) => ({ name: `${key} direct`, url: hub.urls[key], query }));
    let m = await measure("cross-region connection page", [{ name: "gateway, 3 regions", url: hub.urls.gateway, query: page() }, ...direct(page())]);
    ratios["cross-region connection page"] = fanoutRatios(m, figures["cross-region connection page"]!);

    m = await measure("cross-region aggregate", [
      { name: "gateway, 3 regions", url: hub.urls.gateway, query: aggregate() },
      ...direct(aggregate()),
      { name: "hand-written SQL, 3 regions", url: sqlUrl },
    ]);
    ratios["cross-region aggregate"] = [
      ...fanoutRatios(m, figures["cross-region aggregate"]!),
      { label: "hub / hand-written SQL (3 regions)", value: m("gateway, 3 regions") / m("hand-written SQL, 3 regions"), target: 1.5 },
    ];

    const single = (query: string): Target[] => [
      { name: "hub gateway", url: hub.urls.gateway, query },
      { name: `${ONE} direct`, url: hub.urls[ONE], query },
      { name: "plain @apollo/gateway", url: plainUrl, query },
    ];
    m = await measure(`single-region connection page (${ONE})`, single(page(oneRegion)));
    ratios[`single-region connection page (${ONE})`] = gatewayRatios(m);
    m = await measure(`single-region aggregate (${ONE})`, [
      ...single(aggregate(oneRegion)),
      { name: `hand-written SQL, ${ONE}`, url: `${sqlUrl}?partnerships=${ONE}` },
    ]);
    ratios[`single-region aggregate (${ONE})`] = [
      ...gatewayRatios(m),
      { label: `hub / hand-written SQL (${ONE})`, value: m("hub gateway") / m(`hand-written SQL, ${ONE}`), target: 1.5 },
    ];

    console.log("Measuring what users wait for: the dashboard's views, the analysts' questions, national aggregates, and DuckDB on the same rows...");
    const waits = await userWaits(hub, national, options, token);
    for (const reference of REFERENCE_AGGREGATES) {
      const hubMs = waits.waits.find((wait) => wait.name === `aggregate: ${reference.name}`)!.median;
      const duckdbMs = waits.duckdb?.medians[reference.name];
      if (duckdbMs !== undefined) (ratios["what users wait for"] ??= []).push({ label: `hub / DuckDB: ${reference.name}`, value: hubMs / duckdbMs, target: 1 });
    }
    const pageCpu = figures["cross-region connection page"]![`${ONE} direct`]!.cpuMsPerRequest?.[ONE];
    if (pageCpu !== undefined) (ratios["what users wait for"] ??= []).push({ label: `CPU ms of ${ONE} per 50-row page`, value: pageCpu, target: 5 });

    console.log("Writes: a 20 000-row import with the rollups, and the rollup check after it and after a killed import (on a copy)...");
    const writes = await measureRollupWrites(national, options.dataDir, token);
    if (writes)
      (ratios["what users wait for"] ??= []).push({ label: "20 000-row import / same without the rollups' refresh", value: writes.ratio, target: 1.3 });

    console.log(`Counting SQL statements of nested queries on the ${small.scale} and the ${national.scale} data sets...`);
    const statements = await statementCounts(hub, small, token);

    console.log(`Soak: the gateway under sustained load for ${options.soakSeconds} s, its memory sampled every 2 s...`);
    const soak = await soakGateway(hub, token, options.soakSeconds);

    report({ options, figures, ratios, waits, writes, statements, soak, seconds: (performance.now() - started) / 1000 });
  } finally {
    for (const cleanup of cleanups.reverse()) cleanup();
  }
}

interface UserWaits {
  waits: Wait[];
  duckdb: (Awaited<ReturnType<typeof duckdbReference>> & { version: string }) | null;
}

/** The dashboard's two views, the five analyst questions and the reference aggregates through the gateway; DuckDB beside them. */
async function userWaits(hub: Stack, data: DataSet, options: BenchOptions, ownerToken: string): Promise<UserWaits> {
  const tokenOf = (role: Role) => signLocalToken(authConfig({}), { subject: "bench", role, partnerships: [] });
  const [dashboard, analyst] = await Promise.all([tokenOf(Role.DASHBOARD), tokenOf(Role.NATIONAL_ANALYST)]);
  const views = dashboardViews();
  const questions = await Promise.all(analystQuestions().map((question) => withBookRecommendation(hub.urls.gateway, analyst, question)));
  const waits = await measureWaits(
    [
      { name: "dashboard, public view", token: null, requests: views.public },
      { name: "dashboard, view with a token", token: dashboard, requests: views.token, target: 300 },
      ...questions.map((question) => ({ name: `analysts' ${question.name}`, token: analyst, requests: [{ query: question.query }], target: 100 })),
      ...REFERENCE_AGGREGATES.map((reference) => ({
        name: `aggregate: ${reference.name}`,
        token: ownerToken,
        requests: [{ query: reference.query }],
        target: 50,
      })),
    ],
    hub.urls.gateway,
    { rounds: options.rounds, times: 5 },
  );
  const duckdb = await duckdbReference(data, 10);
  return { waits, duckdb: duckdb && { ...duckdb, version: DUCKDB_VERSION } };
}

/** A region on its own is the floor a cross-region query is held to: its cost should be the slowest region's, not the sum. */
function fanoutRatios(m: (target: string) => number, figures: Record<string, Figures>): Ratio[] {
  const regions = PARTNERSHIP_KEYS.map((key) => m(`${key} direct`));
  const slowest = Math.max(...regions);
  // The CPU every process spends on one cross-region request, spread over every core: no schedule beats it.
  const cpu = Object.values(figures["gateway, 3 regions"]!.cpuMsPerRequest ?? {}).reduce((a, b) => a + b, 0);
  return [
    { label: "gateway, 3 regions / slowest region direct", value: m("gateway, 3 regions") / slowest, target: 1.15 },
    { label: "gateway, 3 regions / sum of regions direct", value: m("gateway, 3 regions") / regions.reduce((a, b) => a + b, 0) },
    { label: `floor on ${cpus().length} cores: max(slowest, CPU / cores) / slowest`, value: Math.max(slowest, cpu / cpus().length) / slowest },
  ];
}

function gatewayRatios(m: (target: string) => number): Ratio[] {
  return [
    { label: "hub gateway / region direct", value: m("hub gateway") / m(`${ONE} direct`), target: 1.3 },
    { label: "plain @apollo/gateway / region direct", value: m("plain @apollo/gateway") / m(`${ONE} direct`) },
    { label: "hub gateway / plain @apollo/gateway", value: m("hub gateway") / m("plain @apollo/gateway") },
  ];
}

/** The plain gateway (regional contract → one region) and the hand-written SQL server, each its own process. */
async function startExtras(hub: Stack, data: DataSet): Promise<{ plainUrl: string; sqlUrl: string; children: ChildProcess[] }> {
  const plainPort = await freePort();
  const plain = await startProcess("bench/plain-gateway.ts", { PORT: String(plainPort), REGION_URL: hub.urls[ONE], BOOK_URL: hub.urls.book });
  const sqlPort = await freePort();
  const sql = await startProcess("bench/sql-baseline.ts", { PORT: String(sqlPort), SHARD_DATABASES: JSON.stringify(data.databases) });
  return { plainUrl: `http://127.0.0.1:${plainPort}/`, sqlUrl: `http://127.0.0.1:${sqlPort}/`, children: [plain, sql] };
}

interface StatementCount {
  query: string;
  small: { statements: number; bytes: number };
  national: { statements: number; bytes: number };
}

async function statementCounts(hub: Stack, small: DataSet, token: string): Promise<StatementCount[]> {
  const smallHub = await startStack(small);
  try {
    const count = async (url: string, query: string) => {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "x-hub-debug": "sql" },
        body: JSON.stringify({ query }),
      });
      const text = await response.text();
      const body = JSON.parse(text) as { errors?: unknown; extensions?: { sqlStatements?: number } };
      if (body.errors) throw new Error(`${query}: ${JSON.stringify(body.errors)}`);
      return { statements: body.extensions!.sqlStatements!, bytes: text.length };
    };
    const counts: StatementCount[] = [];
    for (const [name, query] of Object.entries(NESTED))
      counts.push({ query: name, small: await count(smallHub.urls.gateway, query), national: await count(hub.urls.gateway, query) });
    return counts;
  } finally {
    smallHub.stop();
  }
}

interface Soak {
  seconds: number;
  connections: number;
  requests: number;
  rps: number;
  errors: number;
  p95: number;
  samples: { at: number; heapMb: number; rssMb: number }[];
  /**
   * The heap's floor (lowest sample) in each minute after the first: used heap saws up and down with every
   * collection, and its floor is what survives them. A leak raises the floor minute after minute.
   */
  floorsMb: number[];
  /** Least-squares slope of the floors, MB per minute. */
  slopeMbPerMinute: number;
  /** Last floor / first floor. */
  growth: number;
}

async function soakGateway(hub: Stack, token: string, seconds: number): Promise<Soak> {
  const first = (await (
    await fetch(hub.urls.gateway, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: page() }),
    })
  ).json()) as {
    data: { supportedFamilies: { pageInfo: { endCursor: string }; edges: { node: { id: string } }[] } };
  };
  const { endCursor } = first.data.supportedFamilies.pageInfo;
  const familyId = first.data.supportedFamilies.edges[0]!.node.id;
  const mix = [
    page(),
    `{ supportedFamilies(first: 50, after: "${endCursor}", orderBy: { field: STARTED_ON }, filter: { socialContract: true }) { edges { node { code } } pageInfo { endCursor } } }`,
    page(oneRegion),
    `{ node(id: "${familyId}") { id ... on SupportedFamily { code site { name unit { name parent { name } } } } } }`,
    `{ pilotSites(first: 5) { edges { node { name unit { name } } } } }`,
    `{ indicatorSummary(indicator: "BODY_MEETINGS_HELD", groupBy: [VOIVODESHIP], filter: { periodFrom: "2026-Q1" }) { groups { voivodeship count sum } } }`,
  ];
  for (const query of mix) await probe({ name: "soak query", url: hub.urls.gateway, query }, token);

  const samples: Soak["samples"] = [];
  const begin = performance.now();
  const sample = async () => {
    const [heap, rss] = await Promise.all([metric(hub.urls.gateway, "nodejs_heap_size_used_bytes"), metric(hub.urls.gateway, "process_resident_memory_bytes")]);
    samples.push({ at: (performance.now() - begin) / 1000, heapMb: heap / 2 ** 20, rssMb: rss / 2 ** 20 });
  };
  const timer = setInterval(() => void sample(), 2000);
  const connections = 8;
  const times: number[] = [];
  const instance = cannon({
    url: hub.urls.gateway,
    connections,
    duration: seconds,
    requests: mix.map((query) => ({
      method: "POST" as const,
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query }),
    })),
  });
  instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => times.push(responseTime));
  const result = await instance;
  clearInterval(timer);
  await sample();

  // Minute windows counted back from the end, the first minute (warm-up) left out.
  const floors: { at: number; mb: number }[] = [];
  for (let end = seconds; end - 60 >= 60 || (floors.length === 0 && end - 60 >= 0); end -= 60) {
    const window = samples.filter((s) => s.at >= end - 60 && s.at < end);
    if (window.length > 0) floors.unshift({ at: end - 30, mb: Math.min(...window.map((s) => s.heapMb)) });
  }
  const meanAt = floors.reduce((a, f) => a + f.at, 0) / floors.length;
  const meanMb = floors.reduce((a, f) => a + f.mb, 0) / floors.length;
  const slope =
    floors.length < 2 ? 0 : floors.reduce((a, f) => a + (f.at - meanAt) * (f.mb - meanMb), 0) / floors.reduce((a, f) => a + (f.at - meanAt) ** 2, 0);
  times.sort((a, b) => a - b);
  return {
    seconds,
    connections,
    requests: result.requests.total,
    rps: result.requests.average,
    errors: result.errors + result.timeouts + result.non2xx,
    p95: times[Math.ceil(0.95 * times.length) - 1] ?? NaN,
    samples,
    floorsMb: floors.map((f) => Math.round(f.mb * 10) / 10),
    slopeMbPerMinute: slope * 60,
    growth: floors.length > 0 ? floors.at(-1)!.mb / floors[0]!.mb : NaN,
  };
}

function report(run: {
  options: BenchOptions;
  figures: Record<string, Record<string, Figures>>;
  ratios: Record<string, Ratio[]>;
  waits: UserWaits;
  writes: RollupWrites | null;
  statements: StatementCount[];
  soak: Soak;
  seconds: number;
}): void {
  const { options, figures, ratios, statements, soak, waits, writes } = run;
  const line = (cells: string[], widths: number[]) => cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ");
  const widths = [38, 30, 10, 10, 8, 6];
  console.log(
    `\nKooperacja Hub benchmark: ${options.scale} data set on ${options.dialect}; ${cpus().length} cores; Node ${process.version}; one request at a time, ${options.rounds} interleaved rounds\n`,
  );
  console.log(line(["comparison", "target", "median ms", "p95 ms", "req/s", "n"], widths));
  for (const [name, byTarget] of Object.entries(figures)) {
    for (const [target, f] of Object.entries(byTarget))
      console.log(line([name, target, f.median.toFixed(2), f.p95.toFixed(2), f.rps.toFixed(1), String(f.requests)], widths));
  }
  console.log(`\nCPU ms per request in each hub process (what a fan-out costs on ${cpus().length} cores)`);
  for (const [name, byTarget] of Object.entries(figures)) {
    for (const [target, f] of Object.entries(byTarget)) {
      if (!f.cpuMsPerRequest || !(target.includes("gateway") || target.includes("direct"))) continue;
      const parts = Object.entries(f.cpuMsPerRequest).map(([service, ms]) => `${service} ${ms.toFixed(1)}`);
      const total = Object.values(f.cpuMsPerRequest).reduce((a, b) => a + b, 0);
      console.log(`  ${name.padEnd(40)} ${target.padEnd(30)} ${parts.join(", ")}; total ${total.toFixed(1)}`);
    }
  }
  console.log("\nwhat users wait for (each timed whole: its requests sent at once, until the last answer)");
  for (const wait of waits.waits) {
    const verdict = wait.target === undefined ? "" : `  target <= ${wait.target} ms: ${wait.median <= wait.target ? "met" : "NOT met"}`;
    console.log(
      `  ${wait.name.padEnd(76)} ${String(wait.requests).padStart(2)} req  median ${wait.median.toFixed(1).padStart(7)} ms  p95 ${wait.p95.toFixed(1).padStart(7)} ms${verdict}`,
    );
  }
  if (waits.duckdb) {
    console.log(
      `  DuckDB ${waits.duckdb.version}, in process, ${waits.duckdb.rows.toLocaleString("en")} indicator values loaded in ${waits.duckdb.loadSeconds.toFixed(1)} s:`,
    );
    for (const [name, ms] of Object.entries(waits.duckdb.medians)) console.log(`    ${name.padEnd(70)} median ${ms.toFixed(1).padStart(7)} ms`);
  }
  if (writes) {
    console.log(
      `\nwrites: ${writes.rows} values imported in ${writes.importSeconds.toFixed(2)} s, ${writes.refreshSeconds.toFixed(2)} s of it the rollups' refresh (x${writes.ratio.toFixed(2)}); ` +
        `rollup check ${writes.checkAfterImport.differences} differences in ${writes.checkAfterImport.cells} cells; ` +
        `killed ${writes.killed.afterMs.toFixed(0)} ms into writing: ${writes.killed.rowsLeft} rows left, check after restart ${writes.killed.checkAfterRestart.differences} differences in ${writes.killed.checkAfterRestart.cells} cells`,
    );
  }
  console.log("\nratios (of medians)");
  for (const [name, list] of Object.entries(ratios)) {
    for (const ratio of list) {
      const verdict = ratio.target === undefined ? "" : `  target <= ${ratio.target}: ${ratio.value <= ratio.target ? "met" : "NOT met"}`;
      console.log(`  ${name.padEnd(40)} ${ratio.label.padEnd(46)} ${ratio.value.toFixed(2)}${verdict}`);
    }
  }
  console.log("\nSQL statements per request (nested queries; must be equal at both sizes)");
  for (const count of statements) {
    const equal = count.small.statements === count.national.statements;
    console.log(
      `  ${count.query.padEnd(56)} tiny ${String(count.small.statements).padStart(3)} (${(count.small.bytes / 1024).toFixed(0)} KiB)   ${run.options.scale} ${String(count.national.statements).padStart(3)} (${(count.national.bytes / 1024).toFixed(0)} KiB)   ${equal ? "equal" : "NOT equal"}`,
    );
  }
  // No growth trend: the last minute's floor within 10 % of the first's.
  const flat = soak.growth <= 1.1;
  console.log(
    `\nsoak: ${soak.seconds} s at ${soak.connections} connections, ${soak.requests} requests (${soak.rps.toFixed(0)} req/s, p95 ${soak.p95.toFixed(0)} ms, ${soak.errors} errors)\n` +
      `  gateway heap floor per minute: ${soak.floorsMb.join(", ")} MB; x${soak.growth.toFixed(2)}, trend ${soak.slopeMbPerMinute.toFixed(2)} MB/min; ` +
      `rss ${soak.samples[0]?.rssMb.toFixed(0)} → ${soak.samples.at(-1)?.rssMb.toFixed(0)} MB: ${flat ? "no growth trend" : "GROWING"}`,
  );
  mkdirSync(options.resultsDir, { recursive: true });
  const file = join(options.resultsDir, `${options.scale}-${options.dialect}-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, JSON.stringify({ benchmark: "national", ...run, cores: cpus().length, node: process.version }, null, 2) + "\n");
  console.log(`\nWhole run ${(run.seconds / 60).toFixed(1)} min. Wrote ${file}`);
}
