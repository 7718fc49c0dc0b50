import { gatewayConfig, startGateway } from "@kooperacja/gateway";
import { encodeGlobalId } from "@kooperacja/contract";
import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  freePort,
  freshDatabases,
  graphql,
  killProcess as kill,
  startRegionProcess,
  proxiedGateway,
  startTestHub,
  type GraphQLResult,
  type ProxiedGateway,
  type TestHub,
} from "../helpers";

const TRIALS = 5;

const CROSS_REGION = /* GraphQL */ `
  query ($kooperacjaSite: ID!) {
    partnerships {
      key
    }
    pilotSites(first: 50) {
      totalCount
      edges {
        node {
          name
          partnership {
            key
          }
        }
      }
    }
    site: pilotSite(id: $kooperacjaSite) {
      name
    }
  }
`;
const variables = { kooperacjaSite: encodeGlobalId("kooperacja", "PilotSite", "2815") };

function expectOthersWithError(result: GraphQLResult, code: string) {
  expect(result.status).toBe(200);
  expect(result.data.partnerships.map((p: any) => p.key)).toEqual(["liderzy", "kooperacje3d"]);
  expect(result.data.pilotSites.edges.map((e: any) => e.node.partnership.key).sort()).toEqual([
    "kooperacje3d",
    "kooperacje3d",
    "liderzy",
    "liderzy",
    "liderzy",
  ]);
  expect(result.data.site).toBeNull();
  const regionErrors = result.errors ?? [];
  expect(regionErrors.length).toBeGreaterThanOrEqual(3);
  for (const error of regionErrors) {
    expect(error.extensions).toMatchObject({ code, partnership: "kooperacja", macroregion: "II" });
    expect(error.message).toContain("Kooperacja – efektywna i skuteczna");
  }
  expect(regionErrors.map((error) => error.path?.[0]).sort()).toEqual(["partnerships", "pilotSites", "site"]);
  expect(result.extensions?.missingRegions).toEqual(["kooperacja"]);
}

function expectAllRegions(result: GraphQLResult) {
  expect(result.errors).toBeUndefined();
  expect(result.data.partnerships.map((p: any) => p.key)).toEqual(["liderzy", "kooperacja", "kooperacje3d"]);
  expect(result.data.pilotSites.totalCount).toBe(6);
  expect(result.data.site).toEqual({ name: "Powiat ostródzki" });
  expect(result.extensions?.missingRegions).toBeUndefined();
}

describe("a region whose process is killed", () => {
  let hub: TestHub;
  let gateway: { url: string; stop(): Promise<void> };
  let region: ChildProcess;
  let port: number;
  let dbPath: string;
  let processDatabase: Awaited<ReturnType<typeof freshDatabases<"kooperacja-process">>> | undefined;

  beforeAll(async () => {
    hub = await startTestHub();
    // The hub's own kooperacja stays idle; the gateway under test uses a separate process for it.
    port = await freePort();
    processDatabase = await freshDatabases(hub.dataDir, ["kooperacja-process"]);
    dbPath = processDatabase.urls["kooperacja-process"];
    region = (await startRegionProcess("kooperacja", port, dbPath, { DATA_DIR: hub.dataDir })).child;
    gateway = await startGateway({
      ...gatewayConfig({ GATEWAY_PORT: "0", LOG_LEVEL: "silent", DATA_DIR: hub.dataDir }),
      shardUrls: { liderzy: hub.regions.liderzy.url, kooperacja: `http://127.0.0.1:${port}/`, kooperacje3d: hub.regions.kooperacje3d.url },
      bookUrl: hub.book.url,
    });
  });
  afterAll(async () => {
    if (region.exitCode === null) await kill(region);
    await gateway?.stop();
    await processDatabase?.drop();
    await hub?.close();
  });

  it(`returns the other regions' data and an error naming the missing one, in each of ${TRIALS} trials, and recovers when it is back`, async () => {
    expectAllRegions(await graphql(gateway.url, CROSS_REGION, variables, { "x-hub-debug": "shards" }));
    for (let trial = 0; trial < TRIALS; trial++) {
      await kill(region);
      for (let attempt = 0; attempt < 3; attempt++) {
        expectOthersWithError(await graphql(gateway.url, CROSS_REGION, variables), "SHARD_UNAVAILABLE");
      }
      region = (await startRegionProcess("kooperacja", port, dbPath, { DATA_DIR: hub.dataDir })).child;
      // No gateway restart: the next request uses the region again.
      expectAllRegions(await graphql(gateway.url, CROSS_REGION, variables));
    }
  });
});

describe("a region that answers too slowly", () => {
  let hub: TestHub;
  let gateway: ProxiedGateway;

  // The slow region is held back until released, so it misses any timeout; the timeout leaves the others ample time on a busy machine.
  beforeAll(async () => {
    hub = await startTestHub();
    gateway = await proxiedGateway(hub, { SHARD_TIMEOUT_MS: "2000" });
  });
  afterAll(async () => {
    await gateway?.close();
    await hub?.close();
  });

  it(`returns the other regions' data and SHARD_TIMEOUT, in each of ${TRIALS} trials, and recovers when it is fast again`, async () => {
    for (let trial = 0; trial < TRIALS; trial++) {
      gateway.proxies.kooperacja.hold = true;
      expectOthersWithError(await graphql(gateway.url, CROSS_REGION, variables), "SHARD_TIMEOUT");
      // The answer did not wait for the slow region: its request is still held.
      expect(gateway.proxies.kooperacja.held).toBeGreaterThan(0);
      gateway.proxies.kooperacja.release();
      expectAllRegions(await graphql(gateway.url, CROSS_REGION, variables));
    }
  });

  it("bubbles nulls as the schema says when every region of a non-null field is missing", async () => {
    gateway.proxies.kooperacja.hold = true;
    try {
      const result = await graphql(
        gateway.url,
        `
          {
            pilotSites(filter: { partnerships: ["kooperacja"] }) {
              totalCount
            }
          }
        `,
      );
      // pilotSites is non-null and its only region timed out: data itself becomes null.
      expect(result.data).toBeNull();
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: "SHARD_TIMEOUT", partnership: "kooperacja" });
    } finally {
      gateway.proxies.kooperacja.release();
    }
  });
});
