import { authConfig, Role, TokenVerifier } from "@kooperacja/service-kit";
import { SignJWT } from "jose";
import { generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql, productionKeys, startTestHub, type TestHub } from "../helpers";

/** What a production hub must not give away, tried the way issue 19 found it. */

const SECRET = "a-secret-of-the-deployment-0123456789-abcdefghij";
const METRICS_TOKEN = "metrics-scraper-token-0123456789-abcdefghij";

describe("a production hub leaks nothing", () => {
  let hub: TestHub;
  const lines: Record<string, any>[] = [];
  const users = generateKeyPairSync("ed25519");
  const keys = productionKeys();
  const env = {
    NODE_ENV: "production",
    AUTH_PUBLIC_KEY: users.publicKey.export({ type: "spki", format: "pem" }) as string,
    AUTH_ALGORITHMS: "EdDSA",
    CURSOR_SECRET: SECRET,
    RECORD_KEY_SECRET: SECRET,
    METRICS_TOKEN,
    LOG_LEVEL: "info",
    ...keys,
  };
  const token = (role: Role) =>
    new SignJWT({ role })
      .setProtectedHeader({ alg: "EdDSA" })
      .setIssuer("kooperacja-hub")
      .setAudience("kooperacja-hub")
      .setSubject("ops")
      .setIssuedAt()
      .setExpirationTime("1h")
      .sign(users.privateKey);

  beforeAll(async () => {
    hub = await startTestHub(env, { write: (line: string) => lines.push(JSON.parse(line)) });
  }, 60_000);
  afterAll(() => hub?.close());

  it("suggests no field names when introspection is off, at the gateway or a region", async () => {
    for (const url of [hub.gateway.url, hub.regions.liderzy.url]) {
      const result = await graphql(
        url,
        `
          {
            supportedFamilie {
              totalCount
            }
          }
        `,
      );
      expect(result.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
      expect(JSON.stringify(result)).not.toMatch(/Did you mean|supportedFamilies/);
    }
  });

  it("has regions and the book answer for their caller alone (no-store), a failed token as well", async () => {
    for (const url of [hub.regions.kooperacja.url, hub.book.url]) {
      for (const headers of [{}, { authorization: "Bearer not-a-token" }] as Record<string, string>[]) {
        const response = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json", ...headers },
          body: JSON.stringify({ query: "{ __typename }" }),
        });
        expect(response.headers.get("cache-control"), `${url} ${JSON.stringify(headers)}`).toBe("no-store");
      }
    }
  });

  it("keeps /metrics and the health details behind the metrics token", async () => {
    for (const url of [hub.gateway.url, hub.regions.kooperacja.url, hub.book.url]) {
      const open = await fetch(new URL("metrics", url));
      expect(open.status).toBe(401);
      expect(await open.text()).not.toMatch(/hub_graphql_requests_total/);
      expect((await fetch(new URL("metrics", url), { headers: { authorization: "Bearer not-the-token" } })).status).toBe(401);
      const scraped = await fetch(new URL("metrics", url), { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      expect(scraped.status).toBe(200);
      expect(await scraped.text()).toMatch(/hub_graphql_requests_total/);
    }
    // A probe learns ready or not; an operator with the token learns why.
    const probe = await fetch(new URL("health/ready", hub.gateway.url));
    expect(probe.status).toBe(200);
    expect(await probe.json()).toEqual({ status: "ready" });
    const detailed = (await (
      await fetch(new URL("health/ready", hub.gateway.url), { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
    ).json()) as Record<string, unknown>;
    expect(detailed).toMatchObject({ status: "ready", shards: { liderzy: { state: "ready" } } });
    // A region says who it is (a gateway checks that before trusting the URL), and nothing about why it would fail.
    const region = (await (await fetch(new URL("health/ready", hub.regions.liderzy.url))).json()) as Record<string, unknown>;
    expect(Object.keys(region).sort()).toEqual(["service", "status"]);
    expect(region).toMatchObject({ status: "ready", service: { service: "region", partnership: "liderzy" } });
  });

  it("gives a subgraph's SDL only to the gateway", async () => {
    const direct = await graphql(
      hub.regions.kooperacja.url,
      `
        {
          _service {
            sdl
          }
        }
      `,
    );
    expect(direct.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(JSON.stringify(direct)).not.toMatch(/@link|type Query/);
    const asAdmin = await graphql(
      hub.book.url,
      `
        {
          _service {
            sdl
          }
        }
      `,
      {},
      { authorization: `Bearer ${await token(Role.ADMIN)}` },
    );
    expect(asAdmin.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const gateway = new TokenVerifier(authConfig({ ...env }, "gateway"));
    const assertion = await gateway.assert({ subject: null, role: Role.PUBLIC, partnerships: [] }, { audience: "kooperacja", requestId: "sdl" });
    const viaGateway = await graphql(
      hub.regions.kooperacja.url,
      `
        {
          _service {
            sdl
          }
        }
      `,
      {},
      { "x-hub-assertion": assertion },
    );
    expect(viaGateway.data?._service.sdl).toMatch(/type Query/);
  });

  it("refuses variables nested 10 000 deep with 400, and no stack overflow reaches the client", async () => {
    const deep = '{"a":'.repeat(10_000) + "1" + "}".repeat(10_000);
    const body = `{"query":"query($f: PilotSiteFilter) { pilotSites(filter: $f) { totalCount } }","variables":{"f":${deep}}}`;
    for (const url of [hub.gateway.url, hub.regions.liderzy.url]) {
      const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });
      const text = await response.text();
      expect(response.status).toBe(400);
      expect(JSON.parse(text).errors[0].extensions.code).toBe("BAD_REQUEST");
      expect(text).not.toMatch(/call stack/i);
    }
    expect(
      (
        await graphql(
          hub.gateway.url,
          `
            {
              partnerships {
                key
              }
            }
          `,
        )
      ).data.partnerships,
    ).toHaveLength(3);
  });

  it("masks an unexpected error (an entity of a type no subgraph resolves), and logs its detail under the request id", async () => {
    const response = await fetch(hub.regions.liderzy.url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "entities-probe-1" },
      body: JSON.stringify({ query: `query($r: [_Any!]!) { _entities(representations: $r) { __typename } }`, variables: { r: [{ __typename: "Source" }] } }),
    });
    const result = (await response.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
    expect(result.errors[0]).toMatchObject({ message: "Internal server error.", extensions: { code: "INTERNAL_SERVER_ERROR", requestId: "entities-probe-1" } });
    expect(JSON.stringify(result)).not.toMatch(/Runtime Object type|_Entity/);
    const logged = lines.find((line) => line.msg === "unexpected error" && line.requestId === "entities-probe-1");
    expect(logged?.err?.message ?? logged?.detail).toMatch(/Source/);
  });
});
