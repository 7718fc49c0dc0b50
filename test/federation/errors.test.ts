import { encodeBookId, encodeGlobalId } from "@kooperacja/contract";
import { Role } from "@kooperacja/service-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as, graphql, startTestHub, type TestHub } from "../helpers";

describe("bad input gets a clear error and the hub stays up", () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(() => hub?.close());

  const code = (result: { errors?: { extensions?: Record<string, any> }[] }) => result.errors?.map((error) => error.extensions?.code);

  it("answers a malformed ID with BAD_USER_INPUT", async () => {
    for (const id of ["garbage", "", "a2Vr", encodeGlobalId("kooperacje3d", "PilotSite", "1012011") + "x"]) {
      const result = await graphql(
        hub.gateway.url,
        `
          query ($id: ID!) {
            pilotSite(id: $id) {
              name
            }
          }
        `,
        { id },
      );
      expect(result.status).toBe(200);
      expect(result.data).toEqual({ pilotSite: null });
      expect(code(result), id).toEqual(["BAD_USER_INPUT"]);
    }
  });

  it("answers an ID of another type with BAD_USER_INPUT", async () => {
    const result = await graphql(
      hub.gateway.url,
      `
        query ($id: ID!) {
          pilotSite(id: $id) {
            name
          }
        }
      `,
      {
        id: encodeGlobalId("kooperacje3d", "Institution", "pcpr-radomsko"),
      },
    );
    expect(code(result)).toEqual(["BAD_USER_INPUT"]);
  });

  it("answers an unknown ID with NOT_FOUND, naming the region it was routed to", async () => {
    const result = await graphql(
      hub.gateway.url,
      `
        query ($id: ID!) {
          pilotSite(id: $id) {
            name
          }
        }
      `,
      {
        id: encodeGlobalId("liderzy", "PilotSite", "9999999"),
      },
    );
    expect(result.data).toEqual({ pilotSite: null });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "NOT_FOUND", partnership: "liderzy", macroregion: "I" });
  });

  it("routes lookups by ID to their own region and answers list fields from all regions in the same request", async () => {
    const result = await graphql(
      hub.gateway.url,
      `
        query ($a: ID!, $b: ID!) {
          a: pilotSite(id: $a) {
            name
            partnership {
              key
            }
          }
          b: institution(id: $b) {
            shortName
          }
          sites: pilotSites {
            totalCount
          }
        }
      `,
      { a: encodeGlobalId("kooperacje3d", "PilotSite", "1012011"), b: encodeGlobalId("kooperacja", "Institution", "umk-torun") },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.a).toEqual({ name: "Gmina Miasto Radomsko", partnership: { key: "kooperacje3d" } });
    expect(result.data.b).toEqual({ shortName: "UMK Toruń" });
    expect(result.data.sites.totalCount).toBe(6);
  });

  it("refuses a foreign ID on a regional subgraph reached directly", async () => {
    const result = await graphql(
      hub.regions.liderzy.url,
      `
        query ($id: ID!) {
          pilotSite(id: $id) {
            name
          }
        }
      `,
      {
        id: encodeGlobalId("kooperacje3d", "PilotSite", "1012011"),
      },
    );
    expect(code(result)).toEqual(["NOT_FOUND"]);
  });

  it("answers invalid documents and variables with the standard codes", async () => {
    expect(
      code(
        await graphql(
          hub.gateway.url,
          `
            {
              nope
            }
          `,
        ),
      ),
    ).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
    expect(code(await graphql(hub.gateway.url, `{ partnerships { `))).toEqual(["GRAPHQL_PARSE_FAILED"]);
    expect(
      code(
        await graphql(
          hub.gateway.url,
          `
            query ($id: ID!) {
              pilotSite(id: $id) {
                name
              }
            }
          `,
          { id: { not: "an id" } },
        ),
      ),
    ).toEqual(["BAD_USER_INPUT"]);
    expect(
      code(
        await graphql(
          hub.gateway.url,
          `
            {
              recommendation(id: "nonsense") {
                title
              }
            }
          `,
        ),
      ),
    ).toEqual(["BAD_USER_INPUT"]);
  });

  it("still serves after all of that", async () => {
    const result = await graphql(
      hub.gateway.url,
      `
        {
          partnerships {
            key
          }
        }
      `,
    );
    expect(result.data.partnerships).toHaveLength(3);
  });
});

describe("a region that is down", () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
    await hub.regions.kooperacja.stop();
  });
  afterAll(() => hub?.close());

  it("costs only its own rows, with an error that names it", async () => {
    const result = await graphql(
      hub.gateway.url,
      `
        {
          pilotSites(orderBy: { field: TERYT }) {
            edges {
              node {
                name
                partnership {
                  key
                }
              }
            }
          }
        }
      `,
    );
    expect(result.data.pilotSites.edges.map((e: any) => e.node.partnership.key)).toEqual(["kooperacje3d", "kooperacje3d", "liderzy", "liderzy", "liderzy"]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "SHARD_UNAVAILABLE", partnership: "kooperacja", macroregion: "II" });
    expect(result.errors?.[0]?.path).toEqual(["pilotSites"]);
    expect(result.extensions?.missingRegions).toEqual(["kooperacja"]);
  });

  it("refuses an invalid book input with BAD_USER_INPUT naming the field, and writes nothing", async () => {
    const analyst = await as(Role.NATIONAL_ANALYST);
    const count = async () =>
      (
        await graphql(
          hub.gateway.url,
          `
            {
              recommendations {
                id
              }
            }
          `,
          {},
          analyst,
        )
      ).data.recommendations.length;
    const before = await count();
    const create = `mutation($input: NewRecommendation!) { createRecommendation(input: $input) { id } }`;
    const chapterId = encodeBookId("BookChapter", "ch4");
    const short = await graphql(hub.gateway.url, create, { input: { chapterId, title: "ab", text: "Long enough text for a recommendation." } }, analyst);
    expect(short.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([["BAD_USER_INPUT", "title"]]);
    const noChapter = await graphql(
      hub.gateway.url,
      create,
      { input: { chapterId: encodeBookId("BookChapter", "nope"), title: "A title", text: "Long enough text for a recommendation." } },
      analyst,
    );
    expect(noChapter.errors?.map((e) => [e.extensions?.code, e.extensions?.field])).toEqual([["NOT_FOUND", "chapterId"]]);
    expect(await count()).toBe(before);
  });
});
