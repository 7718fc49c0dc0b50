import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as, graphql, proxiedGateway, startTestHub, type ProxiedGateway, type TestHub } from "../helpers";
import { Role } from "@kooperacja/service-kit";

/**
 * Requests that pass the field-counting limits but cost the regions minutes:
 * aggregates are priced by what they make the regions compute, and list
 * inputs are bounded, before any region is asked.
 */

const INDICATORS = [
  "ACTIVITY_PARTICIPANTS",
  "BODY_MEETINGS_HELD",
  "BODY_MEETINGS_RECORDED",
  "CONTRACT_GOALS_MET",
  "COOPERATION_BODIES",
  "FAMILIES_ENROLLED",
  "FAMILIES_SUPPORTED",
  "FAMILIES_WITH_SOCIAL_CONTRACT",
  "INSTITUTIONS_INVOLVED",
  "SCHOOL_OF_COOPERATION_PARTICIPANTS",
  "SOCIAL_CONTRACTS_CONCLUDED",
  "WORKERS_COACHED",
];

/** One operation of `aliases` aliased comparisons over the twelve indicators. */
function aliasedComparisons(aliases: number, by = "[PARTNERSHIP]"): string {
  const fields = Array.from({ length: aliases }, (_, index) => `c${index}: compare(indicators: $indicators, by: ${by}) { rows { indicator n } }`);
  return `query Costly($indicators: [String!]!) { ${fields.join(" ")} }`;
}

describe("abuse: aggregates priced by their cost, list inputs bounded", () => {
  let hub: TestHub;
  let gateway: ProxiedGateway;
  let analyst: Record<string, string>;
  const regionRequests = () => Object.values(gateway.proxies).reduce((sum, proxy) => sum + proxy.requests, 0);
  const reset = () => Object.values(gateway.proxies).forEach((proxy) => proxy.reset());
  const batch = async (operations: { query: string; variables?: Record<string, unknown> }[]) => {
    const response = await fetch(gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...analyst },
      body: JSON.stringify(operations),
    });
    return {
      status: response.status,
      results: (await response.json()) as { data?: unknown; errors?: { message: string; extensions: Record<string, unknown> }[] }[],
    };
  };

  beforeAll(async () => {
    hub = await startTestHub();
    gateway = await proxiedGateway(hub);
    analyst = await as(Role.NATIONAL_ANALYST);
  }, 60_000);
  afterAll(async () => {
    await gateway?.close();
    await hub?.close();
  });

  it("refuses 5 batched operations of 30 aliased comparisons over 12 indicators before any region is called", async () => {
    reset();
    const { results } = await batch(Array.from({ length: 5 }, () => ({ query: aliasedComparisons(30), variables: { indicators: INDICATORS } })));
    expect(results).toHaveLength(5);
    for (const result of results) {
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: "LIMIT_EXCEEDED", limit: "cost" });
      expect(result.errors?.[0]?.message).toMatch(/estimated cost is [\d ]+, over the limit of 100 000/);
      expect(result.data ?? null).toBeNull();
    }
    expect(regionRequests()).toBe(0);
  });

  it("prices an aggregate by its indicators, groupings and regions: one wide comparison passes, three of them in one operation do not", async () => {
    reset();
    const one = await graphql(gateway.url, aliasedComparisons(1, "[PARTNERSHIP, SECTOR]"), { indicators: INDICATORS }, analyst);
    expect(one.errors).toBeUndefined();
    const three = await graphql(gateway.url, aliasedComparisons(3, "[PARTNERSHIP, SECTOR]"), { indicators: INDICATORS }, analyst);
    expect(three.errors?.[0]?.extensions).toMatchObject({ code: "LIMIT_EXCEEDED", limit: "cost" });
    // The same comparisons for one partnership reach one region, and cost a third.
    const pruned = await graphql(
      gateway.url,
      `
        query ($indicators: [String!]!) {
          a: compare(indicators: $indicators, by: [PARTNERSHIP, SECTOR], filter: { partnerships: ["liderzy"] }) {
            rows {
              n
            }
          }
          b: compare(indicators: $indicators, by: [PARTNERSHIP, SECTOR], filter: { partnerships: ["kooperacja"] }) {
            rows {
              n
            }
          }
        }
      `,
      { indicators: INDICATORS },
      analyst,
    );
    expect(pruned.errors).toBeUndefined();
  });

  it("holds a batch to one budget: five operations that each fit, together do not", async () => {
    reset();
    const { results } = await batch(
      Array.from({ length: 5 }, () => ({ query: aliasedComparisons(1, "[PARTNERSHIP, SECTOR]"), variables: { indicators: INDICATORS } })),
    );
    const refused = results.filter((result) => result.errors?.[0]?.extensions?.limit === "cost");
    expect(refused).toHaveLength(4);
    expect(results.filter((result) => result.errors === undefined)).toHaveLength(1);
  });

  it("prices the comparison a download asks for like the same query: the public cannot run a costly export from a URL", async () => {
    reset();
    const url = (indicators: string[], by: string) => new URL(`export/comparison.csv?indicators=${indicators.join(",")}&by=${by}&grain=YEAR`, gateway.url);
    const costly = await fetch(url(INDICATORS, "PARTNERSHIP,SECTOR,VOIVODESHIP,MUNICIPALITY_KIND"));
    expect(costly.status).toBe(400);
    expect(((await costly.json()) as any).errors[0].extensions).toMatchObject({ code: "LIMIT_EXCEEDED", limit: "cost" });
    const long = await fetch(
      url(
        Array.from({ length: 600 }, () => "WORKERS_COACHED"),
        "PARTNERSHIP",
      ),
    );
    expect(long.status).toBe(400);
    expect(((await long.json()) as any).errors[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", limit: "listLength" });
    expect(regionRequests()).toBe(0);
    // An ordinary download still runs.
    expect((await fetch(url(["WORKERS_COACHED", "BODY_MEETINGS_HELD"], "PARTNERSHIP"))).status).toBe(200);
  });

  it("refuses a filter of 5 000 TERYT codes with BAD_USER_INPUT before any region is called", async () => {
    reset();
    const teryt = Array.from({ length: 5_000 }, (_, index) => String(1_000_000 + index));
    const result = await graphql(
      gateway.url,
      `
        query ($teryt: [String!]) {
          pilotSites(filter: { teryt: $teryt }) {
            totalCount
          }
        }
      `,
      { teryt },
      analyst,
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", limit: "listLength" });
    expect(result.errors?.[0]?.message).toMatch(/at most 500 items; pilotSites\.filter\.teryt has 5000/);
    expect(regionRequests()).toBe(0);
    // Inline, the same.
    const inline = await graphql(
      gateway.url,
      `{ compare(indicators: [${Array.from({ length: 600 }, () => '"WORKERS_COACHED"').join(",")}]) { rows { n } } }`,
      {},
      analyst,
    );
    expect(inline.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(regionRequests()).toBe(0);
    // A region reached directly bounds its inputs too.
    const direct = await graphql(
      hub.regions.liderzy.url,
      `
        query ($teryt: [String!]) {
          pilotSites(filter: { teryt: $teryt }) {
            totalCount
          }
        }
      `,
      { teryt },
      analyst,
    );
    expect(direct.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});
