import { encodeGlobalId, PARTNERSHIP_KEYS } from "@kooperacja/contract";
import { Role } from "@kooperacja/service-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INDICATOR_CATALOGUE } from "@kooperacja/regional";
import { as, graphql, startTestHub, type TestHub } from "../helpers";

/** The owner of every partnership reads every row; the access rules themselves are tested in access.test.ts. */
let owner: Record<string, string>;

describe("the gateway shards the regional contract", () => {
  let hub: TestHub;
  beforeAll(async () => {
    owner = await as(Role.REGIONAL_OWNER, [...PARTNERSHIP_KEYS]);
    hub = await startTestHub();
  });
  afterAll(() => hub?.close());

  it("sends each lookup to its own region, with only the variables and fragments that region's part uses", async () => {
    const result = await graphql(
      hub.gateway.url,
      /* GraphQL */ `
        query Lookups($rural: ID!, $town: ID!, $body: CooperationBodyKind) {
          __typename
          rural: pilotSite(id: $rural) {
            ...Site
          }
          town: pilotSite(id: $town) {
            ...Site
          }
          bodies: cooperationBodies(kind: $body) {
            name
            partnership {
              key
            }
          }
        }
        fragment Site on PilotSite {
          name
          unit {
            teryt
            municipalityKind
          }
          partnership {
            key
          }
        }
      `,
      {
        rural: encodeGlobalId("liderzy", "PilotSite", "2013052"),
        town: encodeGlobalId("kooperacje3d", "PilotSite", "1012011"),
        body: "PARTNERSHIP_COOPERATION_TEAM",
      },
      owner,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      __typename: "Query",
      rural: { name: "Gmina Kobylin-Borzymy", unit: { teryt: "2013052", municipalityKind: "RURAL" }, partnership: { key: "liderzy" } },
      town: { name: "Gmina Miasto Radomsko", unit: { teryt: "1012011", municipalityKind: "URBAN" }, partnership: { key: "kooperacje3d" } },
      bodies: [{ name: "Partnerski Zespół Kooperacyjny w Gminie Miasto Radomsko", partnership: { key: "kooperacje3d" } }],
    });
  });

  it("concatenates lists in macroregion order", async () => {
    const result = await graphql(
      hub.gateway.url,
      `
        {
          partnerships {
            key
          }
          territorialUnits(level: VOIVODESHIP) {
            teryt
          }
        }
      `,
      undefined,
      owner,
    );
    expect(result.data.partnerships.map((p: { key: string }) => p.key)).toEqual(["liderzy", "kooperacja", "kooperacje3d"]);
    // Each region lists its own voivodeships by TERYT code; the regions follow in macroregion order.
    expect(result.data.territorialUnits.map((u: { teryt: string }) => u.teryt)).toEqual([
      "06",
      "14",
      "18",
      "20",
      "26",
      "04",
      "08",
      "22",
      "28",
      "30",
      "32",
      "10",
      "12",
      "16",
      "24",
    ]);
  });

  it("returns the indicator catalogue once, not once per region", async () => {
    const result = await graphql(
      hub.gateway.url,
      `
        {
          indicators {
            code
            unit
            level
          }
        }
      `,
      undefined,
      owner,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.indicators.map((i: { code: string }) => i.code)).toEqual(INDICATOR_CATALOGUE.map((entry) => entry.code).sort());
    // The key the gateway asks for to de-duplicate never reaches the client.
    expect(Object.keys(result.data.indicators[0])).toEqual(["code", "unit", "level"]);
  });

  it("filters indicator values in every region and merges them", async () => {
    const result = await graphql(
      hub.gateway.url,
      `
        {
          indicatorValues(filter: { indicators: ["FAMILIES_SUPPORTED"], periods: ["2020-Q2"] }) {
            edges {
              node {
                value
                indicator {
                  code
                }
                site {
                  partnership {
                    key
                  }
                }
              }
            }
          }
        }
      `,
      undefined,
      owner,
    );
    expect(result.errors).toBeUndefined();
    const rows = result.data.indicatorValues.edges.map((edge: { node: any }) => edge.node);
    expect(rows).toHaveLength(6);
    expect(new Set(rows.map((row: any) => row.site.partnership.key))).toEqual(new Set(["liderzy", "kooperacja", "kooperacje3d"]));
    for (const row of rows) expect(row.indicator.code).toBe("FAMILIES_SUPPORTED");
  });
});
