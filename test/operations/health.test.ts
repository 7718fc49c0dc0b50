import { gatewayConfig, startGateway } from "@kooperacja/gateway";
import { openRegionalDatabase } from "@kooperacja/regional";
import { PARTNERSHIP_KEYS } from "@kooperacja/contract";
import { Role, type RunningService } from "@kooperacja/service-kit";
import { startTemporaryPostgres, type TemporaryPostgres } from "@kooperacja/database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as, freshDatabases, graphql, startTestHub, TEST_DIALECT, type TestHub } from "../helpers";

const CROSS_REGION = `query HealthCrossRegion { pilotSites(first: 5) { totalCount } }`;

async function json(url: string): Promise<{ status: number; body: Record<string, any> }> {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

/** The value of one Prometheus sample, 0 when absent. */
function sample(metrics: string, name: string, labels: Record<string, string>): number {
  const line = metrics
    .split("\n")
    .find((candidate) => candidate.startsWith(`${name}{`) && Object.entries(labels).every(([key, value]) => candidate.includes(`${key}="${value}"`)));
  return line ? Number(line.slice(line.lastIndexOf(" ") + 1)) : 0;
}

describe("operations endpoints", () => {
  let hub: TestHub;
  const lines: Record<string, any>[] = [];

  beforeAll(async () => {
    hub = await startTestHub({ LOG_LEVEL: "info" }, { write: (line: string) => lines.push(JSON.parse(line)) });
  });
  afterAll(() => hub?.close());

  it("answers live and ready on every service, the database and its dialect named by each subgraph", async () => {
    for (const service of [...PARTNERSHIP_KEYS.map((key) => hub.regions[key]), hub.book]) {
      expect(await json(new URL("health/live", service.url).href)).toEqual({ status: 200, body: { status: "live" } });
      const ready = await json(new URL("health/ready", service.url).href);
      expect(ready, service.name).toMatchObject({ status: 200, body: { status: "ready", ready: true, database: { dialect: TEST_DIALECT, ready: true } } });
    }
    expect(await json(new URL("health/live", hub.gateway.url).href)).toEqual({ status: 200, body: { status: "live" } });
    const gateway = await json(new URL("health/ready", hub.gateway.url).href);
    expect(gateway).toEqual({
      status: 200,
      body: {
        status: "ready",
        ready: true,
        degraded: false,
        shards: {
          liderzy: { macroregion: "I", state: "ready" },
          kooperacja: { macroregion: "II", state: "ready" },
          kooperacje3d: { macroregion: "III", state: "ready" },
        },
        book: { state: "ready" },
      },
    });
  });

  it("counts requests per operation and calls per shard in Prometheus metrics", async () => {
    const before = await (await fetch(new URL("metrics", hub.gateway.url))).text();
    const result = await graphql(hub.gateway.url, CROSS_REGION);
    expect(result.errors).toBeUndefined();
    const response = await fetch(new URL("metrics", hub.gateway.url));
    expect(response.headers.get("content-type")).toContain("text/plain");
    const after = await response.text();
    expect(sample(after, "hub_graphql_requests_total", { service: "gateway", operation: "HealthCrossRegion", status: "200" })).toBe(
      sample(before, "hub_graphql_requests_total", { service: "gateway", operation: "HealthCrossRegion", status: "200" }) + 1,
    );
    expect(sample(after, "hub_graphql_request_duration_seconds_count", { operation: "HealthCrossRegion" })).toBeGreaterThanOrEqual(1);
    for (const shard of PARTNERSHIP_KEYS) {
      expect(sample(after, "hub_shard_requests_total", { shard, outcome: "ok" }), shard).toBe(
        sample(before, "hub_shard_requests_total", { shard, outcome: "ok" }) + 1,
      );
      expect(sample(after, "hub_shard_request_duration_seconds_count", { shard })).toBeGreaterThanOrEqual(1);
    }
    const region = await (await fetch(new URL("metrics", hub.regions.liderzy.url))).text();
    expect(sample(region, "hub_graphql_requests_total", { service: "regional:liderzy", status: "200" })).toBeGreaterThanOrEqual(1);
    expect(sample(region, "hub_db_pool_connections", { state: "max" })).toBeGreaterThanOrEqual(1);
    expect(region).toContain('hub_db_pool_connections{state="used"');
    expect(region).toContain("process_resident_memory_bytes");
  });

  it("bounds the operation names it labels metrics with", async () => {
    await graphql(hub.gateway.url, `query ${"X".repeat(150)} { partnerships { key } }`);
    const metrics = await (await fetch(new URL("metrics", hub.gateway.url))).text();
    expect(metrics).not.toContain("X".repeat(150));
    expect(sample(metrics, "hub_graphql_requests_total", { operation: "anonymous" })).toBeGreaterThanOrEqual(1);
  });

  it("follows one request id from the gateway into every subgraph it calls, in JSON log lines", async () => {
    const response = await fetch(hub.gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "health-trace-1" },
      body: JSON.stringify({ query: CROSS_REGION }),
    });
    expect(response.headers.get("x-request-id")).toBe("health-trace-1");
    await response.json();
    const traced = lines.filter((line) => line.requestId === "health-trace-1" && line.msg === "request");
    expect(new Set(traced.map((line) => line.service))).toEqual(new Set(["gateway", ...PARTNERSHIP_KEYS.map((key) => `regional:${key}`)]));
    for (const line of traced) expect(line).toMatchObject({ level: 30, method: "POST", status: 200, durationMs: expect.any(Number) });
    // Without one, the gateway makes an id and hands it on.
    const fresh = await fetch(hub.gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: CROSS_REGION }),
    });
    const id = fresh.headers.get("x-request-id")!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await fresh.json();
    expect(lines.filter((line) => line.requestId === id && line.msg === "request").length).toBe(4);
  });

  it("keeps the request id when the book asks the gateway for the figures of its evidence", async () => {
    const analyst = await as(Role.NATIONAL_ANALYST);
    // The seeded demo recommendation 4.1, whose saved comparison the book re-runs through the gateway.
    const recommendation = "Ym9vazpSZWNvbW1lbmRhdGlvbjpyNC0x";
    const result = await graphql(hub.gateway.url, `{ recommendation(id: "${recommendation}") { comparisons { live { value } } } }`, undefined, {
      ...analyst,
      "x-request-id": "book-trace-1",
    });
    expect(result.errors).toBeUndefined();
    expect(result.data.recommendation.comparisons[0].live.length).toBeGreaterThan(0);
    const traced = lines.filter((line) => line.requestId === "book-trace-1" && line.msg === "request");
    // The client's request and the book's own request to the gateway, the book, and the regions the comparison asked.
    expect(traced.filter((line) => line.service === "gateway")).toHaveLength(2);
    expect(new Set(traced.map((line) => line.service))).toEqual(new Set(["gateway", "book", ...PARTNERSHIP_KEYS.map((key) => `regional:${key}`)]));
  });

  it("is not ready when no region can answer, and counts the failed shard calls", async () => {
    const nowhere = "http://127.0.0.1:9/";
    const alone: RunningService = await startGateway({
      ...gatewayConfig({ GATEWAY_PORT: "0", LOG_LEVEL: "silent" }),
      shardUrls: { liderzy: nowhere, kooperacja: nowhere, kooperacje3d: nowhere },
      bookUrl: nowhere,
    });
    try {
      expect(await json(new URL("health/ready", alone.url).href)).toMatchObject({
        status: 503,
        body: { status: "not ready", ready: false, shards: { liderzy: { state: "unreachable" } } },
      });
      // Liveness is the process itself: still live.
      expect((await json(new URL("health/live", alone.url).href)).status).toBe(200);
      const result = await graphql(alone.url, CROSS_REGION);
      expect(result.errors?.map((error) => error.extensions?.code)).toContain("SHARD_UNAVAILABLE");
      const metrics = await (await fetch(new URL("metrics", alone.url))).text();
      for (const shard of PARTNERSHIP_KEYS) expect(sample(metrics, "hub_shard_requests_total", { shard, outcome: "unavailable" }), shard).toBe(1);
    } finally {
      await alone.stop();
    }
  });

  it("reports a database whose migrations are not all applied as not ready", async () => {
    const databases = await freshDatabases(hub.dataDir, ["unmigrated"]);
    // Opened without migrating, as a service never is: an empty database lacks every migration.
    const database = await openRegionalDatabase(databases.urls.unmigrated, { migrate: false });
    try {
      const state = await database.readiness();
      expect(state.ready).toBe(false);
      expect(state.reason).toMatch(/^\d+ migration\(s\) not applied: Migration\d+_Initial/);
      await database.orm.getMigrator().up();
      expect(await database.readiness()).toEqual({ ready: true });
    } finally {
      await database.close();
      await databases.drop();
    }
  });
});

// A database that stops is a server that stops: PostgreSQL (the suite's PostgreSQL project), on a server of this test's own.
describe.runIf(TEST_DIALECT === "postgresql")("readiness when a region's database stops", () => {
  let hub: TestHub;
  let server: TemporaryPostgres;

  beforeAll(async () => {
    server = await startTemporaryPostgres();
    hub = await startTestHub({ KOOPERACJA_DATABASE_URL: await server.createDatabase("kooperacja") });
  });
  afterAll(async () => {
    await hub?.close();
    server?.stop();
  });

  it("goes not ready with the reason, the gateway lists the region as not ready while serving the others, and both recover", async () => {
    expect((await json(new URL("health/ready", hub.regions.kooperacja.url).href)).status).toBe(200);
    server.pause();
    const region = await json(new URL("health/ready", hub.regions.kooperacja.url).href);
    expect(region).toMatchObject({ status: 503, body: { status: "not ready", ready: false, database: { dialect: "postgresql", ready: false } } });
    expect(region.body.reason).toMatch(/database unreachable/);
    // Liveness stays: restarting the process would not bring the database back.
    expect((await json(new URL("health/live", hub.regions.kooperacja.url).href)).status).toBe(200);
    const gateway = await json(new URL("health/ready", hub.gateway.url).href);
    expect(gateway).toMatchObject({
      status: 200,
      body: { ready: true, degraded: true, shards: { kooperacja: { state: "not ready" }, liderzy: { state: "ready" }, kooperacje3d: { state: "ready" } } },
    });
    // Reasons (addresses, driver messages) stay on the unpublished service.
    expect(JSON.stringify(gateway.body)).not.toContain("127.0.0.1");

    server.resume();
    expect((await json(new URL("health/ready", hub.regions.kooperacja.url).href)).status).toBe(200);
    expect(await json(new URL("health/ready", hub.gateway.url).href)).toMatchObject({ status: 200, body: { degraded: false } });
    const result = await graphql(hub.gateway.url, CROSS_REGION);
    expect(result.errors).toBeUndefined();
  });
});
