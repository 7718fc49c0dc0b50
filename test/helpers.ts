import { gatewayConfig, startGateway } from "@kooperacja/gateway";
import { startHub, type Hub } from "@kooperacja/hub";
import { PARTNERSHIP_KEYS, type PartnershipKey } from "@kooperacja/contract";
import { authConfig, signLocalToken, type Role } from "@kooperacja/service-kit";
import { type Dialect } from "@kooperacja/database";
export { freePort } from "@kooperacja/service-kit";
import type { DestinationStream } from "pino";
import { spawn, type ChildProcess } from "node:child_process";
import { generateKeyPairSync, randomBytes, type KeyObject } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer as createHttpServer } from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { inject } from "vitest";
import { run } from "./databases";

// Tests take a free port from here too.

export interface GraphQLResult<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
  extensions?: Record<string, any>;
}

/** POSTs a GraphQL request and returns the parsed body with the HTTP status. */
export async function graphql<T = any>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLResult<T>> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as object) };
}

/**
 * Sends a GraphQL multipart request (the file upload convention) with one
 * file as variable `file`, as the import CLI and a browser form do.
 */
export async function upload<T = any>(
  url: string,
  query: string,
  content: string | Buffer,
  filename: string,
  headers: Record<string, string> = {},
  variables: Record<string, unknown> = {},
): Promise<GraphQLResult<T>> {
  const form = new FormData();
  form.set("operations", JSON.stringify({ query, variables: { ...variables, file: null } }));
  form.set("map", JSON.stringify({ 0: ["variables.file"] }));
  form.set("0", new Blob([content]), filename);
  const response = await fetch(url, { method: "POST", body: form, headers: { "apollo-require-preflight": "true", ...headers } });
  return { status: response.status, ...((await response.json()) as object) };
}

/** A token signed with the local development secret, as `npm run token` makes it. */
export function tokenFor(role: Role, partnerships: PartnershipKey[] = [], expiresIn: string | number = "1h"): Promise<string> {
  return signLocalToken(authConfig({}), { subject: `test-${role}-${partnerships.join("-")}`, role, partnerships, expiresIn });
}

/** The Authorization header of a token for this role. */
export async function as(role: Role, partnerships: PartnershipKey[] = []): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await tokenFor(role, partnerships)}` };
}

/** Fresh service keys for a production start, as an operator makes them (`openssl genpkey -algorithm ed25519`); each deployment would get only its own. */
export function productionKeys(): Record<"GATEWAY_PRIVATE_KEY" | "GATEWAY_PUBLIC_KEY" | "BOOK_PRIVATE_KEY" | "BOOK_PUBLIC_KEY", string> {
  const pem = (key: KeyObject) => key.export({ type: key.type === "private" ? "pkcs8" : "spki", format: "pem" }) as string;
  const gateway = generateKeyPairSync("ed25519");
  const book = generateKeyPairSync("ed25519");
  return {
    GATEWAY_PRIVATE_KEY: pem(gateway.privateKey),
    GATEWAY_PUBLIC_KEY: pem(gateway.publicKey),
    BOOK_PRIVATE_KEY: pem(book.privateKey),
    BOOK_PUBLIC_KEY: pem(book.publicKey),
  };
}

/** The database the tests of this project run on: the PostgreSQL project sets HUB_TEST_DATABASE (vitest.config.mts). */
export const TEST_DIALECT: Dialect = process.env.HUB_TEST_DATABASE === "postgresql" ? "postgresql" : "sqlite";

export type ServiceName = PartnershipKey | "book";
const SERVICES: ServiceName[] = [...PARTNERSHIP_KEYS, "book"];

/**
 * Fresh, empty databases by name: SQLite files in `dataDir`, or new
 * databases on the suite's PostgreSQL server. `drop` removes them.
 */
export async function freshDatabases<N extends string>(dataDir: string, names: readonly N[]): Promise<{ urls: Record<N, string>; drop(): Promise<void> }> {
  if (TEST_DIALECT === "sqlite") {
    return { urls: Object.fromEntries(names.map((name) => [name, join(dataDir, `${name}.sqlite`)])) as Record<N, string>, drop: async () => {} };
  }
  const base = inject("postgresBaseUrl");
  const prefix = `t_${randomBytes(6).toString("hex")}`;
  const database = (name: string) => `${prefix}_${name.replace(/\W/g, "_")}`;
  const admin = (sql: string) => run(`${base}/postgres`, [[sql, []]]);
  for (const name of names) await admin(`create database "${database(name)}"`);
  return {
    urls: Object.fromEntries(names.map((name) => [name, `${base}/${database(name)}`])) as Record<N, string>,
    drop: async () => {
      for (const name of names) await admin(`drop database if exists "${database(name)}" with (force)`);
    },
  };
}

/** The environment that points every service at these databases. */
export function databaseEnv(urls: Record<ServiceName, string>): Record<string, string> {
  return Object.fromEntries(SERVICES.map((service) => [`${service.toUpperCase()}_DATABASE_URL`, urls[service]]));
}

export interface TestHub extends Hub {
  dataDir: string;
  /** Where a service's database is: a SQLite file or a PostgreSQL URL (test/databases.ts reads both). */
  databaseUrl(service: ServiceName): string;
  /** Stops the hub and removes its databases. */
  close(): Promise<void>;
}

/**
 * The whole hub as `npm start` runs it, on free ports with fresh databases
 * of the project's dialect (SQLite files in a temporary directory, or
 * PostgreSQL databases on the suite's server).
 */
export async function startTestHub(env: Record<string, string> = {}, logTo?: DestinationStream): Promise<TestHub> {
  const dataDir = mkdtempSync(join(tmpdir(), "kooperacja-test-"));
  const databases = await freshDatabases(dataDir, SERVICES);
  const urls = { ...databases.urls };
  for (const service of SERVICES) urls[service] = env[`${service.toUpperCase()}_DATABASE_URL`] ?? urls[service];
  let hub: Hub;
  try {
    hub = await startHub(
      {
        DATA_DIR: dataDir,
        LIDERZY_PORT: "0",
        KOOPERACJA_PORT: "0",
        KOOPERACJE3D_PORT: "0",
        BOOK_PORT: "0",
        GATEWAY_PORT: "0",
        LOG_LEVEL: "silent",
        ...databaseEnv(urls),
        ...env,
      },
      logTo,
    );
  } catch (error) {
    await databases.drop();
    throw error;
  }
  return {
    ...hub,
    dataDir,
    databaseUrl: (service) => urls[service],
    close: async () => {
      await hub.stop();
      await databases.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A region running as its own process, as in production; `output` is what it printed so far. */
export interface RegionProcess {
  child: ChildProcess;
  output(): string;
}

/** One region as its own process, the way it runs in production, on a fixed port and database (a SQLite file or a PostgreSQL URL). */
export async function startRegionProcess(partnership: string, port: number, databaseUrl: string, env: Record<string, string> = {}): Promise<RegionProcess> {
  const child = spawn(process.execPath, ["-r", "@swc-node/register", "subgraphs/regional/src/main.ts"], {
    cwd: resolve(__dirname, ".."),
    env: {
      ...process.env,
      PARTNERSHIP: partnership,
      [`${partnership.toUpperCase()}_PORT`]: String(port),
      [`${partnership.toUpperCase()}_DATABASE_URL`]: databaseUrl,
      ...env,
    },
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  await new Promise<void>((ready, failed) => {
    const poll = setInterval(() => {
      if (output.includes("ready at")) {
        clearInterval(poll);
        ready();
      }
    }, 50);
    child.once("exit", (code) => {
      clearInterval(poll);
      failed(new Error(`region ${partnership} exited with ${code}:\n${output}`));
    });
  });
  return { child, output: () => output };
}

/** Kills a process outright (SIGKILL): no shutdown code runs, as in a crash. */
export function killProcess(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once("exit", () => done());
    child.kill("SIGKILL");
  });
}

export interface ShardProxy {
  url: string;
  /** Requests forwarded since the last reset. */
  requests: number;
  /** Response bodies forwarded since the last reset. */
  bodies: string[];
  /** The gateway's assertions that passed through, as a region's operator could capture them. */
  assertions: string[];
  /**
   * Holds every GraphQL request back until `release()` (or the proxy closes): a shard slower than
   * any timeout, however busy the machine, so a test need not race a delay against a real clock.
   */
  hold: boolean;
  /** Requests being held back now. */
  readonly held: number;
  /** Lets the held requests through (and stops holding new ones). */
  release(): void;
  /** Changes the shard's response body on its way back (a region that fails part of an answer). */
  rewrite: ((body: string) => string) | null;
  reset(): void;
  close(): Promise<void>;
}

/**
 * An HTTP proxy in front of one shard, between the gateway and the shard:
 * it counts the requests and keeps the responses that really crossed the
 * network, and can hold requests back to make the shard slow.
 */
export async function shardProxy(targetUrl: string): Promise<ShardProxy> {
  const state: ShardProxy = {
    url: "",
    requests: 0,
    bodies: [],
    assertions: [],
    hold: false,
    get held() {
      return waiting.length;
    },
    release: () => {
      state.hold = false;
      waiting.splice(0).forEach((resume) => resume());
    },
    rewrite: null,
    reset: () => {
      state.requests = 0;
      state.bodies = [];
      state.assertions = [];
    },
    // The gateway's pool keeps its connections open for 30 s; a proxy that stops cuts them, as a stopped shard would.
    close: () =>
      new Promise((resolve) => {
        state.release();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  const waiting: (() => void)[] = [];
  const server = createHttpServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    // Health probes pass through uncounted: the counts are of GraphQL fetches.
    const probe = (req.url ?? "/").startsWith("/health");
    if (!probe) state.requests += 1;
    if (typeof req.headers["x-hub-assertion"] === "string") state.assertions.push(req.headers["x-hub-assertion"]);
    if (state.hold && !probe) await new Promise<void>((resume) => waiting.push(resume));
    try {
      const forwarded = Object.fromEntries(
        ["content-type", "x-hub-assertion", "x-request-id", "authorization"].flatMap((name) =>
          typeof req.headers[name] === "string" ? [[name, req.headers[name] as string]] : [],
        ),
      );
      const body = Buffer.concat(chunks);
      // The path too (the gateway's readiness probe asks /health/ready), so the proxy stands for the shard whole.
      const upstream = await fetch(new URL(req.url ?? "/", targetUrl), {
        method: req.method,
        headers: forwarded,
        body: req.method === "GET" || req.method === "HEAD" ? undefined : body,
      });
      const text = await upstream.text();
      const answer = state.rewrite && !probe ? state.rewrite(text) : text;
      if (!probe) state.bodies.push(answer);
      res.writeHead(upstream.status, { "content-type": upstream.headers.get("content-type") ?? "application/json" });
      res.end(answer);
    } catch {
      // The shard is down: close the connection the way a dead server would.
      res.destroy();
    }
  });
  server.keepAliveTimeout = 1;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const address = server.address();
  state.url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/`;
  return state;
}

export interface ProxiedGateway {
  url: string;
  proxies: Record<"liderzy" | "kooperacja" | "kooperacje3d", ShardProxy>;
  close(): Promise<void>;
}

/** A second gateway over the hub's regions, with a counting proxy in front of each region; it signs with the hub's gateway key (DATA_DIR/keys). */
export async function proxiedGateway(hub: Hub & { dataDir?: string }, env: Record<string, string> = {}): Promise<ProxiedGateway> {
  const proxies = {
    liderzy: await shardProxy(hub.regions.liderzy.url),
    kooperacja: await shardProxy(hub.regions.kooperacja.url),
    kooperacje3d: await shardProxy(hub.regions.kooperacje3d.url),
  };
  const gateway = await startGateway({
    ...gatewayConfig({ GATEWAY_PORT: "0", LOG_LEVEL: "silent", ...(hub.dataDir ? { DATA_DIR: hub.dataDir } : {}), ...env }),
    shardUrls: { liderzy: proxies.liderzy.url, kooperacja: proxies.kooperacja.url, kooperacje3d: proxies.kooperacje3d.url },
    bookUrl: hub.book.url,
  });
  return {
    url: gateway.url,
    proxies,
    close: async () => {
      await gateway.stop();
      for (const proxy of Object.values(proxies)) await proxy.close();
    },
  };
}
