import "reflect-metadata";
import { authConfig, freePort, PARTNERSHIP_KEYS, PARTNERSHIPS, Role, signLocalToken, type PartnershipKey } from "@kooperacja/shared";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join, resolve } from "node:path";

/**
 * `npm run bench -- fanout`: a cross-region connection page and an aggregate,
 * through the gateway (all three regions) and against each region directly,
 * measured side by side in one run. Every service runs in its own process,
 * as deployed. Prints medians, p95 and the ratio gateway / slowest region.
 *
 * Options (env): BENCH_SCALE (synthetic families per site, default 2500),
 * BENCH_ROUNDS (requests per target, default 150).
 */

const ROOT = resolve(__dirname, "..");
const SCALE = Number(process.env.BENCH_SCALE ?? 2500);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 150);
const WARMUP = 20;
const TARGET_RATIO = 1.15;

/** The two queries, with a filter slot: `{}` for all regions, or one partnership to measure the gateway's own cost. */
const QUERIES: Record<string, (filter: string) => string> = {
  "connection page": (filter) => `{
    supportedFamilies(first: 50, orderBy: { field: STARTED_ON }, filter: { socialContract: true${filter} }) {
      totalCount edges { cursor node { id code startedOn cooperationLevel } } pageInfo { hasNextPage endCursor }
    }
  }`,
  aggregate: (filter) => `{
    indicatorSummary(indicator: "CONTRACT_GOALS_MET", groupBy: [PARTNERSHIP, PERIOD], filter: { periodFrom: "2019-Q1"${filter} }) {
      groups { partnership period count sum min max average }
    }
  }`,
};
const ONE_REGION: PartnershipKey = "liderzy";

function startProcess(script: string, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["-r", "@swc-node/register", script], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: "warn", ...env } });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  return new Promise((ready, failed) => {
    const poll = setInterval(() => {
      if (output.includes("ready at")) {
        clearInterval(poll);
        ready(child);
      }
    }, 50);
    child.once("exit", (code) => {
      clearInterval(poll);
      failed(new Error(`${script} exited with ${code}:\n${output}`));
    });
  });
}

/** The owner of every partnership: it reads the family rows and unsuppressed aggregates the queries measure. */
const TOKEN = signLocalToken(authConfig({}), { subject: "bench", role: Role.REGIONAL_OWNER, partnerships: [...PARTNERSHIP_KEYS] });

async function post(url: string, query: string): Promise<number> {
  const headers = { "content-type": "application/json", authorization: `Bearer ${await TOKEN}` };
  const started = performance.now();
  const response = await fetch(url, { method: "POST", headers, body: JSON.stringify({ query }) });
  const body = (await response.json()) as { errors?: unknown[] };
  const elapsed = performance.now() - started;
  if (body.errors) throw new Error(`${url}: ${JSON.stringify(body.errors)}`);
  return elapsed;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function shuffle<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), "kooperacja-bench-"));
  const children: ChildProcess[] = [];
  try {
    console.log(`Seeding three regions at SEED_SCALE=${SCALE} (synthetic demo data) and starting each service in its own process...`);
    const urls = {} as Record<PartnershipKey | "gateway", string>;
    const env: Record<string, string> = { DATA_DIR: dataDir, SEED_SCALE: String(SCALE) };
    await Promise.all(
      PARTNERSHIP_KEYS.map(async (key) => {
        const port = await freePort();
        children.push(await startProcess("subgraphs/regional/src/main.ts", { ...env, PARTNERSHIP: key, [`${key.toUpperCase()}_PORT`]: String(port) }));
        urls[key] = `http://127.0.0.1:${port}/`;
      }),
    );
    const bookPort = await freePort();
    children.push(await startProcess("subgraphs/book/src/main.ts", { ...env, BOOK_PORT: String(bookPort) }));
    const gatewayPort = await freePort();
    children.push(
      await startProcess("gateway/src/gateway-main.ts", {
        GATEWAY_PORT: String(gatewayPort),
        // The benchmark is one identity sending thousands of requests a minute.
        RATE_LIMIT_PER_MINUTE: "1000000000",
        BOOK_URL: `http://127.0.0.1:${bookPort}/`,
        ...Object.fromEntries(PARTNERSHIP_KEYS.map((key) => [`${key.toUpperCase()}_URL`, urls[key]])),
      }),
    );
    urls.gateway = `http://127.0.0.1:${gatewayPort}/`;

    // Targets: the gateway over all regions, each region directly, and the gateway and the region for a
    // query pruned to one region (the gateway's own cost, with no fan-out).
    const one = `, partnerships: ["${ONE_REGION}"]`;
    const targets: { name: string; url: string; filter: string }[] = [
      { name: "gateway, all 3 regions", url: urls.gateway, filter: "" },
      ...PARTNERSHIP_KEYS.map((key) => ({ name: `${key} (${PARTNERSHIPS[key].macroregion}) direct`, url: urls[key], filter: "" })),
      { name: `gateway, ${ONE_REGION} only`, url: urls.gateway, filter: one },
      { name: `${ONE_REGION} direct, same filter`, url: urls[ONE_REGION], filter: one },
    ];
    const results: Record<string, Record<string, { median: number; p95: number; rps: number }>> = {};
    const ratios: Record<string, Record<string, number>> = {};
    for (const [name, query] of Object.entries(QUERIES)) {
      const samples = targets.map(() => [] as number[]);
      for (const target of targets) for (let i = 0; i < WARMUP; i++) await post(target.url, query(target.filter));
      // Interleaved, in a new random order each round, so drift in the machine hits every target alike.
      for (let round = 0; round < ROUNDS; round++) {
        for (const index of shuffle(targets.map((_, i) => i))) samples[index]!.push(await post(targets[index]!.url, query(targets[index]!.filter)));
      }
      results[name] = {};
      targets.forEach((target, index) => {
        const sorted = [...samples[index]!].sort((a, b) => a - b);
        results[name]![target.name] = { median: percentile(sorted, 50), p95: percentile(sorted, 95), rps: 1000 / (sorted.reduce((a, b) => a + b, 0) / sorted.length) };
      });
      const median = (index: number) => results[name]![targets[index]!.name]!.median;
      const regions = PARTNERSHIP_KEYS.map((_, i) => median(i + 1));
      ratios[name] = {
        "gateway all regions / slowest single region": median(0) / Math.max(...regions),
        "gateway all regions / sum of regions": median(0) / regions.reduce((a, b) => a + b, 0),
        "gateway one region / same region direct": median(4) / median(5),
      };
    }

    console.log(`\nfanout benchmark: ${ROUNDS} requests per target, one at a time, interleaved; SEED_SCALE=${SCALE}; ${cpus().length} cores\n`);
    console.log(["query".padEnd(16), "target".padEnd(30), "median ms".padStart(10), "p95 ms".padStart(10), "req/s".padStart(8)].join(" "));
    for (const [name, byTarget] of Object.entries(results)) {
      for (const [target, r] of Object.entries(byTarget)) {
        console.log([name.padEnd(16), target.padEnd(30), r.median.toFixed(2).padStart(10), r.p95.toFixed(2).padStart(10), r.rps.toFixed(0).padStart(8)].join(" "));
      }
    }
    console.log("");
    for (const [name, byRatio] of Object.entries(ratios)) {
      for (const [label, ratio] of Object.entries(byRatio)) {
        const verdict = label.includes("slowest") ? ` (target <= ${TARGET_RATIO}: ${ratio <= TARGET_RATIO ? "met" : "NOT met"})` : "";
        console.log(`${name.padEnd(16)} ${label.padEnd(44)} ${ratio.toFixed(2)}${verdict}`);
      }
    }
    mkdirSync(join(ROOT, "bench/results"), { recursive: true });
    const file = join(ROOT, "bench/results", `fanout-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
    writeFileSync(file, JSON.stringify({ benchmark: "fanout", scale: SCALE, rounds: ROUNDS, cores: cpus().length, node: process.version, results, ratios, targetRatio: TARGET_RATIO }, null, 2) + "\n");
    console.log(`\nWrote ${file}`);
  } finally {
    for (const child of children) child.kill("SIGTERM");
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
