import { PARTNERSHIP_KEYS, type PartnershipKey } from "@kooperacja/contract";
import { Role } from "@kooperacja/service-kit";
import { columns, query, tables } from "../databases";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as, graphql, startTestHub, type TestHub } from "../helpers";

/** The owner of every partnership reads every row; the access rules themselves are tested in access.test.ts. */
let owner: Record<string, string>;

describe("each region keeps its own data", () => {
  let hub: TestHub;
  beforeAll(async () => {
    owner = await as(Role.REGIONAL_OWNER, [...PARTNERSHIP_KEYS]);
    hub = await startTestHub();
  });
  afterAll(() => hub?.close());

  it("holds only its own partnership's rows in every table of its database", async () => {
    for (const key of PARTNERSHIP_KEYS) {
      const file = hub.databaseUrl(key);
      const names = await tables(file);
      expect(names.length).toBeGreaterThan(10);
      const owned = await query(file, "select count(*) as n from partnership");
      expect(owned).toEqual([{ n: 1 }]);
      for (const name of names) {
        const owners = await query(file, `select distinct partnership from "${String(name)}"`);
        expect(
          owners.filter((row) => row.partnership !== key),
          `${key}: table ${String(name)}`,
        ).toEqual([]);
      }
    }
    const sites = async (key: PartnershipKey) => (await query(hub.databaseUrl(key), "select name from pilot_site order by name")).map((row) => row.name);
    expect(await sites("liderzy")).toEqual(["Gmina Kobylin-Borzymy", "Gmina Wysokie Mazowieckie", "Powiat wysokomazowiecki"]);
    expect(await sites("kooperacja")).toEqual(["Powiat ostródzki"]);
    expect(await sites("kooperacje3d")).toEqual(["Gmina Miasto Radomsko", "Powiat radomszczański"]);
  });

  it("counts each partnership's sites and bodies as its tables hold them, and gives each site its unit's TERYT code", async () => {
    const result = await graphql(
      hub.gateway.url,
      "{ partnerships { key pilotSiteCount cooperationBodyCount pilotSites { teryt unit { teryt } } cooperationBodies { id } } }",
    );
    expect(result.errors, JSON.stringify(result)).toBeUndefined();
    for (const partnership of result.data.partnerships as any[]) {
      const file = hub.databaseUrl(partnership.key);
      const count = async (table: string) => Number((await query<{ n: number }>(file, `select count(*) as n from ${table} where archived_at is null`))[0]!.n);
      expect([partnership.pilotSiteCount, partnership.cooperationBodyCount], partnership.key).toEqual([
        await count("pilot_site"),
        await count("cooperation_body"),
      ]);
      expect(partnership.pilotSites).toHaveLength(partnership.pilotSiteCount);
      expect(partnership.cooperationBodies).toHaveLength(partnership.cooperationBodyCount);
      for (const site of partnership.pilotSites) expect(site.teryt).toBe(site.unit.teryt);
    }
  });

  it("stores no column that could hold a family's name or PESEL", async () => {
    expect(await columns(hub.databaseUrl("kooperacje3d"), "supported_family")).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/name|pesel|address/i)]),
    );
  });

  it("keeps both conflicting lead-partner claims of Kooperacja, each with its source", async () => {
    const result = await graphql(
      hub.gateway.url,
      `
        {
          partnerships {
            key
            leadPartner {
              disputed
              claims {
                quote
                institution {
                  shortName
                }
                provenance {
                  kind
                  source {
                    code
                    fileName
                    publisher
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
    const byKey = Object.fromEntries(result.data.partnerships.map((p: any) => [p.key, p.leadPartner]));
    expect(byKey.kooperacja.disputed).toBe(true);
    expect(byKey.kooperacja.claims.map((c: any) => [c.institution.shortName, c.provenance.source.code, c.provenance.source.fileName])).toEqual([
      ["ROPS Szczecin", "000", "000_13c2998b6788e823.txt"],
      ["ROPS Toruń", "002", "002_34c6039c66b9a543.txt"],
    ]);
    expect(byKey.kooperacja.claims[0].provenance.source.publisher).toContain("PCPR Ostróda");
    expect(byKey.kooperacja.claims[1].provenance.source.publisher).toContain("ROPS Zielona Góra");
    expect(byKey.kooperacje3d).toMatchObject({ disputed: false, claims: [{ institution: { shortName: "ROPS Katowice" } }] });
  });

  it("flags every synthetic record as synthetic and every public fact with its source", async () => {
    const result = await graphql(
      hub.gateway.url,
      `
        {
          supportedFamilies(first: 500) {
            edges {
              node {
                code
                provenance {
                  kind
                  synthetic
                }
              }
            }
          }
          supportActivities(first: 500) {
            edges {
              node {
                provenance {
                  kind
                  synthetic
                }
              }
            }
          }
          indicatorValues(first: 500) {
            edges {
              node {
                provenance {
                  synthetic
                }
              }
            }
          }
          institutions(first: 500) {
            edges {
              node {
                shortName
                provenance {
                  kind
                  source {
                    code
                  }
                }
              }
            }
          }
          territorialUnits {
            teryt
            provenance {
              kind
              note
            }
          }
        }
      `,
      undefined,
      owner,
    );
    expect(result.errors).toBeUndefined();
    const nodes = (connection: { edges: { node: any }[] }) => connection.edges.map((edge) => edge.node);
    const [supportedFamilies, supportActivities, indicatorValues, institutions] = [
      result.data.supportedFamilies,
      result.data.supportActivities,
      result.data.indicatorValues,
      result.data.institutions,
    ].map(nodes) as [any[], any[], any[], any[]];
    const { territorialUnits } = result.data;
    expect(supportedFamilies.length).toBeGreaterThan(20);
    for (const row of [...supportedFamilies, ...supportActivities]) expect(row.provenance).toEqual({ kind: "SYNTHETIC_DEMO", synthetic: true });
    for (const row of indicatorValues) expect(row.provenance.synthetic).toBe(true);
    for (const row of institutions) expect(row.provenance.kind).toBe("SOURCE_PAGE");
    expect(institutions.find((i: any) => i.shortName === "PCPR Radomsko").provenance.source.code).toBe("004");
    // A deadline the page gives without a year ("27 kwietnia br.") is not stored as a dated page fact.
    const partnerships = await graphql(
      hub.gateway.url,
      `
        {
          partnerships {
            key
            targetDescription
          }
        }
      `,
    );
    const kooperacja = partnerships.data.partnerships.find((partnership: { key: string }) => partnership.key === "kooperacja");
    expect(kooperacja.targetDescription).toContain('"do dnia 27 kwietnia br."');
    expect(kooperacja.targetDescription).not.toContain("27 April 2018");
    // Macroregion II is inferred, with its reasoning; the facts of page 002 cite page 002 field by field.
    const notes = await graphql(
      hub.gateway.url,
      `
        {
          partnerships {
            key
            macroregion
            provenance {
              kind
              source {
                code
              }
              fields {
                field
                kind
                note
                sources {
                  code
                }
              }
            }
          }
        }
      `,
    );
    const noted = notes.data.partnerships.find((partnership: { key: string }) => partnership.key === "kooperacja");
    expect(noted).toMatchObject({ macroregion: "II", provenance: { kind: "SOURCE_PAGE", source: { code: "000" } } });
    const claim = (field: string) => noted.provenance.fields.find((candidate: { field: string }) => candidate.field === field);
    expect(claim("macroregion")).toEqual({
      field: "macroregion",
      kind: "INFERRED",
      note: expect.stringMatching(/II follows by elimination/),
      sources: [{ code: "001" }, { code: "003" }, { code: "004" }],
    });
    expect(claim("selectionCriteria")).toMatchObject({ kind: "SOURCE_PAGE", sources: [{ code: "002" }] });
    expect(claim("targetDescription")).toMatchObject({ kind: "SOURCE_PAGE", sources: [{ code: "000" }, { code: "002" }] });
    expect(claim("euSharePercent")).toMatchObject({ kind: "DERIVED", note: expect.stringContaining("euCofinancing ÷ totalValue") });
    // The agreement page 004 names ("Porozumienie o współpracy") behind PCPR Radomsko's joining, cited to that page.
    const radomsko = await graphql(
      hub.gateway.url,
      `
        {
          pilotSites(filter: { teryt: ["1012011"] }) {
            edges {
              node {
                name
                agreement
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
      `,
    );
    expect(radomsko.data.pilotSites.edges.map((edge: { node: unknown }) => edge.node)).toEqual([
      {
        name: "Gmina Miasto Radomsko",
        agreement: expect.stringMatching(/^Porozumienie o współpracy .*declared joining the team of Gmina Miasto Radomsko on 2019-10-09\.$/),
        provenance: { kind: "SOURCE_PAGE", source: { code: "004" } },
      },
    ]);
    for (const row of territorialUnits) expect(row.provenance).toMatchObject({ kind: "REFERENCE_DATA", note: expect.stringContaining("TERYT") });
    // Family codes are pseudonymous and carry the region's prefix.
    expect(supportedFamilies.map((f: any) => f.code.split("-")[0])).toEqual(expect.arrayContaining(["LK", "KES", "K3D"]));
  });

  it("drops a field's page claim when its owner changes the field, keeping the page's value in the history", async () => {
    const read = `{ cooperationBodies { id version name site { id } kind meetingFormat provenance { fields { field kind } } } }`;
    const body = (await graphql(hub.gateway.url, read, undefined, owner)).data.cooperationBodies.find(
      (node: { name: string }) => node.name === "Powiatowa Grupa Decydentów – powiat ostródzki",
    );
    expect(body.provenance.fields).toEqual([{ field: "meetingFormat", kind: "INFERRED" }]);
    const updated = await graphql(
      hub.gateway.url,
      `
        mutation ($id: ID!, $version: Int!, $site: ID) {
          updateCooperationBody(
            id: $id
            version: $version
            input: {
              key: "grupa-decydentow-ostrodzki"
              kind: COUNTY_DECISION_MAKERS_GROUP
              name: "Powiatowa Grupa Decydentów – powiat ostródzki"
              site: $site
              meetingFormat: "Quarterly, half a day."
            }
          ) {
            meetingFormat
            provenance {
              kind
              fields {
                field
              }
              history {
                before
              }
            }
          }
        }
      `,
      { id: body.id, version: body.version, site: body.site.id },
      owner,
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data.updateCooperationBody).toMatchObject({ meetingFormat: "Quarterly, half a day.", provenance: { kind: "SOURCE_PAGE", fields: [] } });
    expect(updated.data.updateCooperationBody.provenance.history.at(-1).before.meetingFormat).toBe("1-day meetings.");
  });
});

describe("a production first start (SEED_DEMO=false)", () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ SEED_DEMO: "false" });
  });
  afterAll(() => hub?.close());

  it("seeds each region's public facts and no synthetic demo record, and the book no demo chapter", async () => {
    for (const key of PARTNERSHIP_KEYS) {
      const url = hub.databaseUrl(key);
      expect((await query<{ n: number }>(url, "select count(*) as n from partnership"))[0]!.n, key).toBe(1);
      expect((await query<{ n: number }>(url, "select count(*) as n from pilot_site"))[0]!.n, key).toBeGreaterThan(0);
      for (const table of ["supported_family", "support_activity", "indicator_value", "body_meeting"]) {
        expect((await query<{ n: number }>(url, `select count(*) as n from ${table}`))[0]!.n, `${key} ${table}`).toBe(0);
      }
      expect((await query<{ n: number }>(url, "select count(*) as n from pilot_site where provenance_kind = 'SYNTHETIC_DEMO'"))[0]!.n).toBe(0);
    }
    expect((await query<{ n: number }>(hub.databaseUrl("book"), "select count(*) as n from book_chapter"))[0]!.n).toBe(0);
    const result = await graphql(hub.gateway.url, "{ partnerships { key } bookChapters { id } }", undefined, owner);
    expect(result.errors).toBeUndefined();
    expect(result.data.partnerships).toHaveLength(3);
    expect(result.data.bookChapters).toEqual([]);
  });
});
