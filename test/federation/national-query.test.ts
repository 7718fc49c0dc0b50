import { Role } from "@kooperacja/service-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as, graphql, startTestHub, type GraphQLResult, type TestHub } from "../helpers";

/** A national analyst reads draft recommendations too; the access rules themselves are tested in access.test.ts. */
let owner: Record<string, string>;

const NATIONAL_QUERY = /* GraphQL */ `
  query National {
    partnerships {
      id
      key
      name
      macroregion
      targetMunicipalityKinds
      startsOn
      endsOn
      totalValue {
        amount
        grosze
        formatted
      }
      euCofinancing {
        amount
        formatted
      }
      euSharePercent
      members {
        role
        institution {
          shortName
          kind
        }
      }
      pilotSites {
        name
        unit {
          teryt
          municipalityKind
        }
      }
      voivodeships {
        teryt
        name
      }
      recommendations {
        title
        status
        demo
        evidence {
          note
          target {
            __typename
            ... on PilotSite {
              id
              name
              partnership {
                key
              }
            }
            ... on IndicatorValue {
              id
              period
              value
              site {
                name
              }
              indicator {
                code
              }
              provenance {
                synthetic
              }
            }
            ... on CooperationBody {
              id
              name
              partnership {
                key
              }
            }
            ... on Partnership {
              id
              key
            }
          }
        }
      }
    }
    pilotSites(first: 100) {
      totalCount
      edges {
        node {
          name
          partnership {
            key
          }
          provenance {
            kind
            source {
              code
            }
          }
        }
      }
    }
  }
`;

describe("one national query through the gateway", () => {
  let hub: TestHub;
  let result: GraphQLResult;

  beforeAll(async () => {
    owner = await as(Role.NATIONAL_ANALYST);
    hub = await startTestHub();
    result = await graphql(hub.gateway.url, NATIONAL_QUERY, undefined, owner);
  });
  afterAll(() => hub?.close());

  const partnership = (key: string) => result.data.partnerships.find((p: { key: string }) => p.key === key);

  it("answers without errors", () => {
    expect(result.status).toBe(200);
    expect(result.errors).toBeUndefined();
  });

  it("returns all three partnerships, in macroregion order, with their public figures", () => {
    expect(result.data.partnerships.map((p: { key: string; macroregion: string }) => [p.key, p.macroregion])).toEqual([
      ["liderzy", "I"],
      ["kooperacja", "II"],
      ["kooperacje3d", "III"],
    ]);
    expect(partnership("kooperacje3d")).toMatchObject({
      totalValue: { amount: "9966995.50", grosze: "996699550", formatted: "9 966 995,50 zł" },
      euCofinancing: { amount: "8400183.80", formatted: "8 400 183,80 zł" },
      euSharePercent: "84.28",
      targetMunicipalityKinds: ["URBAN", "URBAN_RURAL"],
    });
    expect(partnership("kooperacja")).toMatchObject({
      totalValue: { amount: "11977479.39", formatted: "11 977 479,39 zł" },
      euCofinancing: { amount: "10094619.62" },
      targetMunicipalityKinds: ["URBAN_RURAL"],
    });
    // No source page states the value of Liderzy kooperacji: the hub says so rather than guessing.
    expect(partnership("liderzy")).toMatchObject({ totalValue: null, euSharePercent: null, targetMunicipalityKinds: ["RURAL"] });
    for (const p of result.data.partnerships) expect([p.startsOn, p.endsOn]).toEqual(["2018-04-01", "2021-03-31"]);
  });

  it("returns the voivodeships of each macroregion", () => {
    const voivodeships = (key: string) =>
      partnership(key)
        .voivodeships.map((v: { teryt: string }) => v.teryt)
        .sort();
    expect(voivodeships("liderzy")).toEqual(["06", "14", "18", "20", "26"]);
    expect(voivodeships("kooperacja")).toEqual(["04", "08", "22", "28", "30", "32"]);
    expect(voivodeships("kooperacje3d")).toEqual(["10", "12", "16", "24"]);
  });

  it("returns each partnership's partner institutions with their roles", () => {
    const names = (key: string) => partnership(key).members.map((m: { institution: { shortName: string } }) => m.institution.shortName);
    expect(names("kooperacje3d")).toEqual(expect.arrayContaining(["ROPS Katowice", "RCPS Łódź", "ROPS Kraków", "ROPS Opole", "PCPR Radomsko"]));
    expect(names("kooperacja")).toEqual(
      expect.arrayContaining(["ROPS Olsztyn", "ROPS Zielona Góra", "ROPS Poznań", "ROPS Toruń", "ROPS Szczecin", "ROPS Gdańsk", "UMK Toruń"]),
    );
    expect(names("liderzy")).toContain("ROPS Białystok");
    expect(partnership("kooperacja").members).toContainEqual({ role: "ACADEMIC_PARTNER", institution: { shortName: "UMK Toruń", kind: "UNIVERSITY" } });
  });

  it("returns pilot sites of all three regions, each from its source page", () => {
    const nodes = result.data.pilotSites.edges.map((edge: { node: any }) => edge.node);
    expect(result.data.pilotSites.totalCount).toBe(6);
    const sites = nodes.map((s: { name: string; partnership: { key: string } }) => [s.name, s.partnership.key]);
    expect(sites).toEqual(
      expect.arrayContaining([
        ["Gmina Wysokie Mazowieckie", "liderzy"],
        ["Gmina Kobylin-Borzymy", "liderzy"],
        ["Powiat ostródzki", "kooperacja"],
        ["Gmina Miasto Radomsko", "kooperacje3d"],
        ["Powiat radomszczański", "kooperacje3d"],
      ]),
    );
    const radomsko = nodes.find((s: { name: string }) => s.name === "Gmina Miasto Radomsko");
    expect(radomsko.provenance).toEqual({ kind: "SOURCE_PAGE", source: { code: "004" } });
    expect(partnership("liderzy").pilotSites).toContainEqual({ name: "Gmina Kobylin-Borzymy", unit: { teryt: "2013052", municipalityKind: "RURAL" } });
  });

  it("attaches book recommendations to partnerships", () => {
    const titles = (key: string) => partnership(key).recommendations.map((r: { title: string }) => r.title);
    expect(titles("kooperacje3d")).toContain("Formalise a cross-sector partnership team in each town");
    expect(titles("liderzy")).toContain("Start from an individualised cross-sector diagnosis");
    for (const p of result.data.partnerships) {
      for (const r of p.recommendations) expect(r).toMatchObject({ status: "DRAFT", demo: true });
    }
  });

  it("resolves a recommendation's evidence to regional records on different shards", () => {
    const national = partnership("kooperacje3d").recommendations.find((r: { title: string }) => r.title.startsWith("Report cooperation body meetings"));
    const targets = national.evidence.map((e: { target: any }) => e.target);
    const sitesOfValues = targets.filter((t: any) => t.__typename === "IndicatorValue").map((t: any) => t.site.name);
    // The book lists them interleaved across regions; the gateway splits them by shard and restores the order.
    expect(targets.map((t: any) => t.__typename)).toEqual(["IndicatorValue", "IndicatorValue", "Partnership", "IndicatorValue"]);
    expect(sitesOfValues).toEqual(["Gmina Miasto Radomsko", "Gmina Wysokie Mazowieckie", "Powiat ostródzki"]);
    for (const target of targets.filter((t: any) => t.__typename === "IndicatorValue")) {
      expect(target).toMatchObject({ period: "2019-Q4", indicator: { code: "BODY_MEETINGS_HELD" }, provenance: { synthetic: true } });
    }
    expect(targets).toContainEqual(expect.objectContaining({ __typename: "Partnership", key: "kooperacje3d" }));

    const team = partnership("kooperacje3d").recommendations[0].evidence.map((e: { target: any }) => e.target);
    expect(team).toContainEqual(expect.objectContaining({ __typename: "CooperationBody", name: "Partnerski Zespół Kooperacyjny w Gminie Miasto Radomsko" }));
  });
});
