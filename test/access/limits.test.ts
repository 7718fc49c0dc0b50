import { PARTNERSHIP_KEYS } from "@kooperacja/contract";
import { Role } from "@kooperacja/service-kit";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { as, graphql, proxiedGateway, startTestHub, type ProxiedGateway, type TestHub } from "../helpers";

const nest = (depth: number): string => (depth === 0 ? "key" : `pilotSites { partnership { ${nest(depth - 1)} } }`);

/** Requests that break a limit, with the limit each must name. */
const OVER_LIMIT: [string, string, string][] = [
  ["over-deep", `{ partnerships { ${nest(6)} } }`, "depth"],
  ["over-costly", `{ supportActivities(first: 500) { edges { node { site { families { indicatorValues { indicator { name } } } } } } } }`, "cost"],
  ["alias-bombed", `{ ${Array.from({ length: 40 }, (_, n) => `a${n}: partnerships { key }`).join(" ")} }`, "aliases"],
  ["a page over the maximum", `{ pilotSites(first: 501) { totalCount } }`, "pageSize"],
  ["a page over the maximum in a variable", `query($n: Int) { pilotSites(first: $n) { totalCount } }`, "pageSize"],
];

describe("query limits at the gateway", () => {
  let hub: TestHub;
  let gateway: ProxiedGateway;
  const shardRequests = () => PARTNERSHIP_KEYS.reduce((sum, key) => sum + gateway.proxies[key].requests, 0);

  beforeAll(async () => {
    hub = await startTestHub();
    gateway = await proxiedGateway(hub);
  });
  afterAll(async () => {
    await gateway?.close();
    await hub?.close();
  });
  beforeEach(() => {
    for (const proxy of Object.values(gateway.proxies)) proxy.reset();
  });

  it.each(OVER_LIMIT)("refuses an %s request with LIMIT_EXCEEDED before calling any subgraph", async (_name, query, limit) => {
    const result = await graphql(gateway.url, query, { n: 1000 }, await as(Role.NATIONAL_ANALYST));
    expect(result.status).toBe(400);
    expect(result.errors?.map((error) => [error.extensions?.code, error.extensions?.limit])).toEqual([["LIMIT_EXCEEDED", limit]]);
    expect(result.data).toBeUndefined();
    expect(shardRequests()).toBe(0);
  });

  it("judges a repeated document by its variables each time: refused again, and accepted with a page in bounds", async () => {
    const query = `query($n: Int) { pilotSites(first: $n) { totalCount } }`;
    const analyst = await as(Role.NATIONAL_ANALYST);
    for (const n of [1000, 5, 1000, 5]) {
      const result = await graphql(gateway.url, query, { n }, analyst);
      if (n > 500)
        expect(
          result.errors?.map((error) => error.extensions?.limit),
          `first: ${n}`,
        ).toEqual(["pageSize"]);
      else expect(result.errors, `first: ${n}`).toBeUndefined();
    }
  });

  it("accepts the same shapes within the limits", async () => {
    for (const query of [
      `{ partnerships { ${nest(3)} } }`,
      `{ supportActivities(first: 5) { edges { node { site { name } } } } }`,
      `{ a: partnerships { key } b: partnerships { key } }`,
    ]) {
      const result = await graphql(gateway.url, query, {}, await as(Role.NATIONAL_ANALYST));
      expect(result.errors, query).toBeUndefined();
    }
    expect(shardRequests()).toBeGreaterThan(0);
  });

  it("refuses an oversized body with 413 before any GraphQL work", async () => {
    const query = `{ partnerships { key } } # ${"x".repeat(200_000)}`;
    const result = await graphql(gateway.url, query);
    expect(result.status).toBe(413);
    expect(result.errors?.map((error) => [error.extensions?.code, error.extensions?.limit])).toEqual([["LIMIT_EXCEEDED", "bodySize"]]);
    expect(shardRequests()).toBe(0);
  });

  it("refuses a document of too many tokens at parsing", async () => {
    const result = await graphql(gateway.url, `{ partnerships { ${"key ".repeat(6000)} } }`);
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions?.code).toBe("GRAPHQL_PARSE_FAILED");
    expect(result.errors?.[0]?.message).toMatch(/more (than|that) 5000 tokens/);
    expect(shardRequests()).toBe(0);
  });

  it("accepts a few batched operations and refuses more than the maximum", async () => {
    const post = (operations: object[]) =>
      fetch(gateway.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(operations) });
    const two = await post([{ query: "{ partnerships { key } }" }, { query: "{ indicators { code } }" }]);
    expect(two.status).toBe(200);
    expect(((await two.json()) as unknown[]).length).toBe(2);
    shardRequests();
    for (const proxy of Object.values(gateway.proxies)) proxy.reset();
    const six = await post(Array.from({ length: 6 }, () => ({ query: "{ partnerships { key } }" })));
    expect(six.status).toBe(400);
    expect(((await six.json()) as any).errors[0].extensions).toMatchObject({ code: "LIMIT_EXCEEDED", limit: "batch" });
    expect(shardRequests()).toBe(0);
  });

  it("keeps CSRF prevention on: a simple cross-site request is refused", async () => {
    const response = await fetch(`${gateway.url}?query=${encodeURIComponent("{ partnerships { key } }")}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF/);
  });

  it("stays responsive after all of that", async () => {
    const result = await graphql(
      gateway.url,
      `
        {
          partnerships {
            key
          }
        }
      `,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.partnerships).toHaveLength(3);
  });
});

describe("rate limiting per identity", () => {
  let hub: TestHub;
  let gateway: ProxiedGateway;
  beforeAll(async () => {
    hub = await startTestHub();
    gateway = await proxiedGateway(hub, { RATE_LIMIT_PER_MINUTE: "5" });
  });
  afterAll(async () => {
    await gateway?.close();
    await hub?.close();
  });

  it("answers 429 RATE_LIMITED past the limit, to that identity only", async () => {
    const dashboard = await as(Role.DASHBOARD);
    for (let n = 0; n < 5; n++)
      expect(
        (
          await graphql(
            gateway.url,
            `
              {
                partnerships {
                  key
                }
              }
            `,
            {},
            dashboard,
          )
        ).status,
      ).toBe(200);
    const limited = await graphql(
      gateway.url,
      `
        {
          partnerships {
            key
          }
        }
      `,
      {},
      dashboard,
    );
    expect(limited.status).toBe(429);
    expect(limited.errors?.[0]?.extensions).toMatchObject({ code: "RATE_LIMITED", limit: "rate" });
    // Another identity has its own budget.
    expect(
      (
        await graphql(
          gateway.url,
          `
            {
              partnerships {
                key
              }
            }
          `,
          {},
          await as(Role.NATIONAL_ANALYST),
        )
      ).status,
    ).toBe(200);
  });
});

describe("introspection", () => {
  let hub: TestHub;
  let closed: ProxiedGateway;
  beforeAll(async () => {
    hub = await startTestHub();
    closed = await proxiedGateway(hub, { INTROSPECTION: "false" });
  });
  afterAll(async () => {
    await closed?.close();
    await hub?.close();
  });

  it("is on locally and off when configured so (the production default)", async () => {
    const query = `{ __schema { queryType { name } } }`;
    expect((await graphql(hub.gateway.url, query)).data.__schema.queryType.name).toBe("Query");
    const refused = await graphql(closed.url, query);
    expect(refused.data).toBeUndefined();
    expect(refused.errors?.[0]?.message).toMatch(/introspection/i);
  });
});
