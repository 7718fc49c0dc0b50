import { PARTNERSHIP_KEYS, type PartnershipKey } from "@kooperacja/contract";
import { freePort } from "@kooperacja/service-kit";
import { type TemporaryPostgres } from "@kooperacja/database";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

export const ROOT = resolve(__dirname, "..");
export type Service = PartnershipKey | "book";
const SERVICES: Service[] = [...PARTNERSHIP_KEYS, "book"];

const outputs = new WeakMap<ChildProcess, () => string>();

/** What a process started by startProcess has printed so far. */
export function outputOf(child: ChildProcess): string {
  return outputs.get(child)?.() ?? "";
}

/** Starts a TypeScript entry point as its own process; resolves when it prints `ready at`. */
export function startProcess(script: string, env: Record<string, string>, nodeArgs: string[] = []): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...nodeArgs, "-r", "@swc-node/register", script], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: "warn", ...env } });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  outputs.set(child, () => output);
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

/** Runs a command to its end, its output passed through; fails on a non-zero exit. */
export function runToEnd(script: string, args: string[], env: Record<string, string>): Promise<void> {
  const child = spawn(process.execPath, ["-r", "@swc-node/register", script, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "inherit", "inherit"],
  });
  return new Promise((done, failed) =>
    child.once("exit", (code) => (code === 0 ? done() : failed(new Error(`${script} ${args.join(" ")} exited with ${code}`)))),
  );
}

export interface DataSet {
  scale: string;
  dialect: "sqlite" | "postgresql";
  databases: Record<Service, string>;
}

/**
 * The synthetic national data set at a scale, seeded by `npm run
 * seed:synthetic`. On SQLite it is kept under `cacheDir` (bench/.data) and reused by later
 * runs (seeding the national scale takes about a minute and a half); with
 * a PostgreSQL server (the run's temporary one) it is written anew on it each run.
 */
export async function dataSet(scale: string, cacheDir: string, postgres?: TemporaryPostgres): Promise<DataSet> {
  const seed = "1";
  if (postgres) {
    const databases = {} as Record<Service, string>;
    for (const service of SERVICES) databases[service] = await postgres.createDatabase(`bench_${scale}_${service}`);
    await runToEnd("subgraphs/regional/src/seed-cli.ts", ["--scale", scale, "--seed", seed], databaseEnv(databases));
    return { scale, dialect: "postgresql", databases };
  }
  const dir = join(cacheDir, `sqlite-${scale}-seed${seed}`);
  const databases = Object.fromEntries(SERVICES.map((service) => [service, join(dir, `${service}.sqlite`)])) as Record<Service, string>;
  const marker = join(dir, "seeded.json");
  if (!existsSync(marker) || JSON.parse(readFileSync(marker, "utf8")).scale !== scale) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    await runToEnd("subgraphs/regional/src/seed-cli.ts", ["--scale", scale, "--seed", seed], databaseEnv(databases));
    writeFileSync(marker, JSON.stringify({ scale, seed, at: new Date().toISOString() }) + "\n");
  } else {
    console.log(`Reusing the ${scale} data set in ${dir} (delete the folder to seed it anew).`);
  }
  return { scale, dialect: "sqlite", databases };
}

export function databaseEnv(databases: Record<Service, string>): Record<string, string> {
  return Object.fromEntries(SERVICES.map((service) => [`${service.toUpperCase()}_DATABASE_URL`, databases[service]]));
}

export interface Stack {
  urls: Record<Service | "gateway", string>;
  /** The gateway's process, for its memory. */
  children: ChildProcess[];
  stop(): void;
}

/** The hub as deployed: every region, the book and the gateway in a process of its own, on free ports. */
export async function startStack(data: DataSet, gatewayEnv: Record<string, string> = {}, gatewayNodeArgs: string[] = []): Promise<Stack> {
  const children: ChildProcess[] = [];
  const stop = () => children.forEach((child) => child.kill("SIGTERM"));
  try {
    const urls = {} as Record<Service | "gateway", string>;
    // SEED_DEMO=false: the stack serves the synthetic national set alone, as a production shard would.
    const env = { ...databaseEnv(data.databases), SEED_DEMO: "false" };
    await Promise.all(
      PARTNERSHIP_KEYS.map(async (key) => {
        const port = await freePort();
        children.push(await startProcess("subgraphs/regional/src/main.ts", { ...env, PARTNERSHIP: key, [`${key.toUpperCase()}_PORT`]: String(port) }));
        urls[key] = `http://127.0.0.1:${port}/`;
      }),
    );
    const bookPort = await freePort();
    // The gateway's port first: the book asks the gateway for the figures of its evidence.
    const gatewayPort = await freePort();
    children.push(await startProcess("subgraphs/book/src/main.ts", { ...env, BOOK_PORT: String(bookPort), HUB_URL: `http://127.0.0.1:${gatewayPort}/` }));
    urls.book = `http://127.0.0.1:${bookPort}/`;
    children.push(
      await startProcess(
        "gateway/src/gateway-main.ts",
        {
          GATEWAY_PORT: String(gatewayPort),
          // The benchmark is one identity sending thousands of requests a minute.
          RATE_LIMIT_PER_MINUTE: "1000000000",
          BOOK_URL: urls.book,
          ...Object.fromEntries(PARTNERSHIP_KEYS.map((key) => [`${key.toUpperCase()}_URL`, urls[key]])),
          ...gatewayEnv,
        },
        gatewayNodeArgs,
      ),
    );
    urls.gateway = `http://127.0.0.1:${gatewayPort}/`;
    return { urls, children, stop };
  } catch (error) {
    stop();
    throw error;
  }
}
