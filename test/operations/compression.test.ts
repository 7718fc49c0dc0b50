import { Role } from "@kooperacja/service-kit";
import { request } from "node:http";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as, startTestHub, type TestHub } from "../helpers";

/** A POST with the raw response bytes, undecoded, and the response headers. */
function rawPost(url: string, body: string, headers: Record<string, string>): Promise<{ headers: Record<string, unknown>; bytes: Buffer }> {
  return new Promise((done, failed) => {
    const call = request(url, { method: "POST", headers: { "content-type": "application/json", ...headers } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => done({ headers: response.headers, bytes: Buffer.concat(chunks) }));
    });
    call.on("error", failed);
    call.end(body);
  });
}

describe("response compression at the gateway", () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ SEED_SCALE: "10" });
  });
  afterAll(() => hub?.close());

  const body = JSON.stringify({
    query: "{ supportedFamilies(first: 200) { edges { node { code startedOn cooperationLevel indicatorValues { period value } } } } }",
  });

  it("gzips a response for a client that accepts it, to the same JSON, and sends plain JSON to one that does not", async () => {
    const owner = await as(Role.REGIONAL_OWNER, ["liderzy", "kooperacja", "kooperacje3d"]);
    const plain = await rawPost(hub.gateway.url, body, owner);
    const zipped = await rawPost(hub.gateway.url, body, { ...owner, "accept-encoding": "gzip" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    const json = JSON.parse(plain.bytes.toString("utf8"));
    expect(json.errors).toBeUndefined();
    expect(json.data.supportedFamilies.edges.length).toBe(200);
    expect(JSON.parse(gunzipSync(zipped.bytes).toString("utf8"))).toEqual(json);
    expect(zipped.bytes.length).toBeLessThan(plain.bytes.length / 4);
  });
});
