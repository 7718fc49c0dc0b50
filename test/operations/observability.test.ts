import { gatewayConfig, startGateway } from "@kooperacja/gateway";
import { PARTNERSHIP_KEYS } from "@kooperacja/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql, startTestHub, type TestHub } from "../helpers";

describe("the fan-out is observable", () => {
  let hub: TestHub;
  let gateway: { url: string; stop(): Promise<void> };
  const lines: Record<string, any>[] = [];

  beforeAll(async () => {
    hub = await startTestHub();
    gateway = await startGateway(
      {
        ...gatewayConfig({ GATEWAY_PORT: "0", LOG_LEVEL: "info", DATA_DIR: hub.dataDir }),
        shardUrls: { liderzy: hub.regions.liderzy.url, kooperacja: hub.regions.kooperacja.url, kooperacje3d: hub.regions.kooperacje3d.url },
        bookUrl: hub.book.url,
      },
      { write: (line: string) => lines.push(JSON.parse(line)) },
    );
  });
  afterAll(async () => {
    await gateway?.stop();
    await hub?.close();
  });

  it("logs every shard call with the request id, partnership, fields, duration and outcome", async () => {
    await graphql(
      gateway.url,
      `
        {
          pilotSites {
            totalCount
          }
          partnerships {
            key
          }
        }
      `,
      undefined,
      { "x-request-id": "trace-me-1" },
    );
    const calls = lines.filter((line) => line.msg === "shard call" && line.requestId === "trace-me-1");
    expect(calls.map((call) => call.partnership).sort()).toEqual([...PARTNERSHIP_KEYS].sort());
    for (const call of calls) {
      expect(call).toMatchObject({ outcome: "ok", fields: ["pilotSites", "partnerships"] });
      expect(call.durationMs).toBeGreaterThan(0);
    }
  });

  it("lists the shards called and their timings in the response when asked", async () => {
    const plain = await graphql(
      gateway.url,
      `
        {
          pilotSites(filter: { partnerships: ["liderzy"] }) {
            totalCount
          }
        }
      `,
    );
    expect(plain.extensions?.shards).toBeUndefined();
    const debug = await graphql(
      gateway.url,
      `
        {
          pilotSites(filter: { partnerships: ["liderzy"] }) {
            totalCount
          }
        }
      `,
      undefined,
      { "x-hub-debug": "shards,sql" },
    );
    expect(debug.extensions?.shards).toEqual([
      { partnership: "liderzy", fields: ["pilotSites"], durationMs: expect.any(Number), outcome: "ok", bytes: expect.any(Number) },
    ]);
    expect(debug.extensions?.sqlStatements).toBe(2);
  });
});
