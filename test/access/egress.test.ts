import diagnostics from "node:diagnostics_channel";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql, startTestHub, type TestHub } from "../helpers";

/** Every HTTP request this process starts (node:http and fetch), by host. */
const requested: string[] = [];
const onHttp = (message: unknown) => requested.push(String((message as { request: { host: string } }).request.host));
const onFetch = (message: unknown) => requested.push(new URL((message as { request: { origin: string } }).request.origin).hostname);

describe("egress", () => {
  let hub: TestHub;

  beforeAll(async () => {
    diagnostics.subscribe("http.client.request.start", onHttp);
    diagnostics.subscribe("undici:request:create", onFetch);
    hub = await startTestHub();
  });
  afterAll(async () => {
    await hub?.close();
    diagnostics.unsubscribe("http.client.request.start", onHttp);
    diagnostics.unsubscribe("undici:request:create", onFetch);
  });

  it("sends nothing off this machine: no usage telemetry, no cloud metadata probes, only its own services", async () => {
    const result = await graphql(hub.gateway.url, "{ partnerships { key } pilotSites(first: 2) { totalCount } }");
    expect(result.errors).toBeUndefined();
    // The dependencies' probes start at once, but answer late: give them time to show.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(requested.length).toBeGreaterThan(0);
    expect([...new Set(requested)].filter((host) => !["127.0.0.1", "localhost", "[::1]"].includes(host))).toEqual([]);
  });
});
