import { maintainRollups } from "@kooperacja/regional";
import { encodeBookId, encodeGlobalId, PARTNERSHIP_KEYS, type PartnershipKey } from "@kooperacja/contract";
import { Role } from "@kooperacja/service-kit";
import { parse } from "csv-parse/sync";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { published, type ExactCell } from "../cell-key-reference";
import { query, run } from "../databases";
import { as, graphql, startTestHub, upload, type TestHub } from "../helpers";

/** A pilot site of each region, to hang the test's families on. */
const SITE: Record<PartnershipKey, string> = { liderzy: "2013102", kooperacja: "2815", kooperacje3d: "1012011" };

/** A record key for a row the test writes itself: fixed by its ID, so every run sees the same figures. */
const keyOf = (id: string) => createHash("sha256").update(id).digest().readUInt32BE(0) % 2 ** 31;

/**
 * Adds `count` families of one region with a CONTRACT_GOALS_MET value each
 * in `period`, a quarter the demo data does not use, so the test knows
 * exactly which families every group is computed from.
 */
async function addFamilies(hub: TestHub, partnership: PartnershipKey, period: string, count: number): Promise<void> {
  const statements: [string, unknown[]][] = [];
  for (let n = 1; n <= count; n++) {
    const id = `T-${partnership}-${period}-${n}`;
    statements.push(
      [
        `insert into supported_family (id, partnership, provenance_kind, code, site_id, cooperation_level, social_contract, started_on, record_key)
         values (?, ?, 'SYNTHETIC_DEMO', ?, ?, 'CLIENT', true, '2025-01-15', ?)`,
        [id, partnership, id, SITE[partnership], keyOf(id)],
      ],
      [
        `insert into indicator_value (id, partnership, provenance_kind, indicator_id, site_id, family_id, period, value, record_key)
         values (?, ?, 'SYNTHETIC_DEMO', 'CONTRACT_GOALS_MET', ?, ?, ?, ?, ?)`,
        [`CONTRACT_GOALS_MET:${id}`, partnership, SITE[partnership], id, period, 50 + n, keyOf(`CONTRACT_GOALS_MET:${id}`)],
      ],
    );
  }
  await run(hub.databaseUrl(partnership), statements);
  // Written behind the hub's back, as an operator's SQL would be: the rollups are rebuilt, as the operator would rebuild them.
  await maintainRollups(hub.databaseUrl(partnership), "rebuild");
}

const SUMMARY = `query($groupBy: [SummaryDimension!]!, $period: String!) {
  indicatorSummary(indicator: "CONTRACT_GOALS_MET", groupBy: $groupBy, filter: { periods: [$period] }) {
    groups { partnership count sum min max average families suppressed protection }
  }
}`;

describe("protection of the figures about families, across regions", () => {
  let hub: TestHub;
  const summary = async (headers: Record<string, string>, period: string, groupBy: string[] = ["PARTNERSHIP"], url = hub.gateway.url) => {
    const result = await graphql(url, SUMMARY, { groupBy, period }, headers);
    expect(result.errors).toBeUndefined();
    return result.data.indicatorSummary.groups as Record<string, any>[];
  };
  const byPartnership = (groups: Record<string, any>[]) => Object.fromEntries(groups.map((group) => [group.partnership, group]));
  const hidden = { count: null, sum: null, min: null, max: null, average: null, families: null, suppressed: true, protection: "SUPPRESSED" };
  /** The exact cell of a quarter's test values in these regions, read back with plain SQL, keys included. */
  const cellOf = async (period: string, partnerships: readonly PartnershipKey[]): Promise<ExactCell> => {
    const rows: { value: number; key: number; family: string }[] = [];
    for (const partnership of partnerships) {
      rows.push(
        ...(await query<{ value: number; key: number; family: string }>(
          hub.databaseUrl(partnership),
          `select v.value as value, v.record_key as key, v.family_id as family from indicator_value v
           where v.indicator_id = 'CONTRACT_GOALS_MET' and v.period = ? and v.archived_at is null`,
          [period],
        )),
      );
    }
    // Values measured per family are about the families themselves: their family count takes the values' keys.
    return {
      n: rows.length,
      sum: rows.reduce((total, row) => total + Number(row.value), 0),
      largest: Math.max(...rows.map((row) => Number(row.value))),
      recordKeys: rows.map((row) => Number(row.key)),
      families: new Set(rows.map((row) => row.family)).size,
      familyKeys: rows.map((row) => Number(row.key)),
      aggregation: "MEAN",
    };
  };

  beforeAll(async () => {
    hub = await startTestHub();
    await addFamilies(hub, "kooperacja", "2025-Q1", 3);
    await addFamilies(hub, "liderzy", "2025-Q2", 2);
    await addFamilies(hub, "kooperacje3d", "2025-Q2", 2);
    await addFamilies(hub, "liderzy", "2025-Q3", 4);
    await addFamilies(hub, "kooperacja", "2025-Q3", 6);
    await addFamilies(hub, "liderzy", "2025-Q4", 9);
    await addFamilies(hub, "kooperacja", "2025-Q4", 12);
    await addFamilies(hub, "kooperacje3d", "2025-Q4", 3);
  });
  afterAll(() => hub?.close());

  it("shows a group of 3 families to that region's owner exactly, and to nobody else at all", async () => {
    const [ownerView] = await summary(await as(Role.REGIONAL_OWNER, ["kooperacja"]), "2025-Q1");
    expect(ownerView).toMatchObject({
      partnership: "kooperacja",
      count: 3,
      sum: 51 + 52 + 53,
      min: 51,
      max: 53,
      families: 3,
      suppressed: false,
      protection: "EXACT",
    });
    for (const headers of [{}, await as(Role.DASHBOARD), await as(Role.NATIONAL_ANALYST), await as(Role.ADMIN), await as(Role.REGIONAL_OWNER, ["liderzy"])]) {
      const [group] = await summary(headers, "2025-Q1");
      expect(group).toMatchObject({ partnership: "kooperacja", ...hidden });
    }
  });

  it("protects after merging the regions: 2 + 2 families from two regions stay below the minimum; owning one of them is not enough", async () => {
    const [total] = await summary(await as(Role.NATIONAL_ANALYST), "2025-Q2", []);
    expect(total).toMatchObject({ partnership: null, ...hidden });
    const [oneOwner] = await summary(await as(Role.REGIONAL_OWNER, ["liderzy"]), "2025-Q2", []);
    expect(oneOwner).toMatchObject(hidden);
    const [bothOwner] = await summary(await as(Role.REGIONAL_OWNER, ["liderzy", "kooperacje3d"]), "2025-Q2", []);
    expect(bothOwner).toMatchObject({ count: 4, families: 4, suppressed: false, protection: "EXACT" });
  });

  it("protects a group merged from two regions by the keys of all its families together, as the method says", async () => {
    // 4 + 6 families: neither region's part alone would be published surely; together they are one cell.
    const [total] = await summary(await as(Role.NATIONAL_ANALYST), "2025-Q3", []);
    const expected = published(await cellOf("2025-Q3", ["liderzy", "kooperacja"]));
    expect(total).toMatchObject({
      count: expected.n,
      sum: expected.sum,
      average: expected.mean,
      families: expected.families,
      suppressed: expected.suppressed,
      protection: expected.protection,
    });
    expect(total!.min).toBeNull();
  });

  it("always publishes a group of 9 or more families, perturbed: multiples of 3 within 3 of the exact figures, extremes withheld", async () => {
    const analyst = await as(Role.NATIONAL_ANALYST);
    const groups = byPartnership(await summary(analyst, "2025-Q4"));
    for (const [partnership, families] of [
      ["liderzy", 9],
      ["kooperacja", 12],
    ] as const) {
      const group = groups[partnership];
      expect(group).toMatchObject({ suppressed: false, protection: "PERTURBED", min: null, max: null });
      for (const [figure, exact] of [
        [group.count, families],
        [group.families, families],
      ]) {
        expect(figure % 3).toBe(0);
        expect(Math.abs(figure - exact)).toBeLessThanOrEqual(3);
      }
      expect(group.average).toBeCloseTo(group.sum / group.count, 9);
    }
    // 3 families are never published, and no second group is hidden to cover them: the noise does that.
    expect(groups.kooperacje3d).toMatchObject(hidden);
    const [total] = await summary(analyst, "2025-Q4", []);
    expect(total).toMatchObject({ suppressed: false, protection: "PERTURBED" });
  });

  it("gives one set of families the same figures every time, whichever way it is asked", async () => {
    const analyst = await as(Role.NATIONAL_ANALYST);
    const [alone] = (await summary(analyst, "2025-Q4")).filter((group) => group.partnership === "kooperacja");
    const asked = [
      await summary(analyst, "2025-Q4"),
      await summary(analyst, "2025-Q4"),
      (
        await graphql(
          hub.gateway.url,
          SUMMARY.replace("periods: [$period]", 'periods: [$period], partnerships: ["kooperacja"]'),
          { groupBy: [], period: "2025-Q4" },
          analyst,
        )
      ).data.indicatorSummary.groups,
      (
        await graphql(
          hub.gateway.url,
          SUMMARY.replace("periods: [$period]", 'periods: [$period], macroregions: ["II"]'),
          { groupBy: [], period: "2025-Q4" },
          analyst,
        )
      ).data.indicatorSummary.groups,
    ];
    for (const groups of asked) {
      const group = groups.find((candidate: any) => candidate.partnership === "kooperacja" || candidate.partnership === null);
      expect({ ...group, partnership: "kooperacja" }).toEqual(alone);
    }
    const compare = await graphql(
      hub.gateway.url,
      `
        {
          compare(indicators: ["CONTRACT_GOALS_MET"], by: [PARTNERSHIP], filter: { from: "2025-10-01", to: "2025-12-31" }) {
            rows {
              partnership
              n
              sum
              mean
              families
              protection
            }
          }
        }
      `,
      {},
      analyst,
    );
    expect(compare.data.compare.rows.find((row: any) => row.partnership === "kooperacja")).toEqual({
      partnership: "kooperacja",
      n: alone!.count,
      sum: alone!.sum,
      mean: alone!.average,
      families: alone!.families,
      protection: alone!.protection,
    });
  });

  it("publishes one group's protected figure the same through every surface: compare, indicatorSummary, the export, the dashboard and a book snapshot", async () => {
    const analyst = await as(Role.NATIONAL_ANALYST);
    const byPartnership = (rows: Record<string, any>[]) =>
      Object.fromEntries(rows.map((row) => [row.partnership, { value: row.suppressed ? null : Number(row.value ?? row.sum), suppressed: row.suppressed }]));
    const compare = byPartnership(
      (
        await graphql(
          hub.gateway.url,
          `
            {
              compare(indicators: ["FAMILIES_ENROLLED"], by: [PARTNERSHIP]) {
                rows {
                  partnership
                  value
                  suppressed
                  protection
                }
              }
            }
          `,
        )
      ).data.compare.rows,
    );
    expect(Object.values(compare).some((cell: any) => !cell.suppressed)).toBe(true);
    const summary = await graphql(
      hub.gateway.url,
      `
        {
          indicatorSummary(indicator: "FAMILIES_ENROLLED", groupBy: [PARTNERSHIP]) {
            groups {
              partnership
              sum
              suppressed
            }
          }
        }
      `,
    );
    expect(byPartnership(summary.data.indicatorSummary.groups)).toEqual(compare);
    const csv = parse(
      Buffer.from(await (await fetch(new URL("/export/comparison.csv?indicators=FAMILIES_ENROLLED&by=PARTNERSHIP", hub.gateway.url))).arrayBuffer()),
      { bom: true, columns: true },
    ) as Record<string, string>[];
    expect(
      byPartnership(csv.map((row) => ({ partnership: row.partnership, value: row.value === "" ? null : row.value, suppressed: row.suppressed === "true" }))),
    ).toEqual(compare);
    const manifest = JSON.parse(readFileSync(resolve(__dirname, "../../dashboard/dist/persisted-queries.json"), "utf8")) as Record<string, string>;
    const hash = Object.keys(manifest).find((candidate) => manifest[candidate]!.startsWith("query DashboardComparison"))!;
    const url = new URL(hub.gateway.url);
    url.searchParams.set("extensions", JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }));
    url.searchParams.set("variables", JSON.stringify({ indicators: ["FAMILIES_ENROLLED"] }));
    const dashboard = (await (await fetch(url)).json()) as { data: { byPartnership: { rows: Record<string, any>[] } } };
    expect(byPartnership(dashboard.data.byPartnership.rows)).toEqual(compare);
    // A recommendation adopted with the same comparison keeps, as its snapshot, the figures the public gets.
    const book = async (query: string, variables: Record<string, unknown>) => {
      const result = await graphql(hub.gateway.url, query, variables, analyst);
      expect(result.errors).toBeUndefined();
      return result.data;
    };
    const { createRecommendation } = await book(`mutation($input: NewRecommendation!) { createRecommendation(input: $input) { id } }`, {
      input: { chapterId: encodeBookId("BookChapter", "ch4"), title: "Enrolment by partnership", text: "Families enrolled by each partnership, as evidence." },
    });
    await book(`mutation($id: ID!, $comparison: ComparisonEvidenceInput!) { addComparisonEvidence(recommendationId: $id, comparison: $comparison) { id } }`, {
      id: createRecommendation.id,
      comparison: { note: "Families enrolled.", indicators: ["FAMILIES_ENROLLED"], by: ["PARTNERSHIP"], grain: "QUARTER" },
    });
    await book(`mutation($id: ID!) { submitRecommendation(id: $id) { status } }`, { id: createRecommendation.id });
    await book(`mutation($id: ID!) { adoptRecommendation(id: $id) { status } }`, { id: createRecommendation.id });
    const snapshot = await graphql(
      hub.gateway.url,
      `
        query ($id: ID!) {
          recommendation(id: $id) {
            comparisons {
              snapshot {
                rows {
                  partnership
                  value
                  suppressed
                  protection
                }
              }
            }
          }
        }
      `,
      { id: createRecommendation.id },
    );
    const rows = snapshot.data.recommendation.comparisons[0].snapshot.rows as Record<string, any>[];
    expect(byPartnership(rows)).toEqual(compare);
    expect(rows.map((row) => row.protection)).not.toContain("EXACT");
  });

  it("applies the same protection in a subgraph reached directly, without the gateway", async () => {
    const analyst = await as(Role.NATIONAL_ANALYST);
    const [direct] = await summary(analyst, "2025-Q1", ["PARTNERSHIP"], hub.regions.kooperacja.url);
    expect(direct).toMatchObject(hidden);
    const [publicDirect] = await summary({}, "2025-Q1", ["PARTNERSHIP"], hub.regions.kooperacja.url);
    expect(publicDirect).toMatchObject(hidden);
    const [owner] = await summary(await as(Role.REGIONAL_OWNER, ["kooperacja"]), "2025-Q1", ["PARTNERSHIP"], hub.regions.kooperacja.url);
    expect(owner).toMatchObject({ families: 3, suppressed: false, protection: "EXACT" });
    const [viaGateway] = (await summary(analyst, "2025-Q4")).filter((group) => group.partnership === "kooperacja");
    const [directly] = await summary(analyst, "2025-Q4", ["PARTNERSHIP"], hub.regions.kooperacja.url);
    expect(directly).toEqual(viaGateway);
  });

  it("never hands a cell key to a client: not through the gateway, nor from a region asked directly", async () => {
    const gateway = await graphql(
      hub.gateway.url,
      `
        {
          indicatorSummary(indicator: "CONTRACT_GOALS_MET", groupBy: []) {
            groups {
              recordKey
            }
          }
        }
      `,
      {},
      await as(Role.ADMIN),
    );
    expect(gateway.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    for (const headers of [{}, await as(Role.REGIONAL_OWNER, ["kooperacja"])]) {
      const direct = await graphql(
        hub.regions.kooperacja.url,
        `
          {
            compare(indicators: ["CONTRACT_GOALS_MET"]) {
              rows {
                recordKey
                familyKey
              }
            }
          }
        `,
        {},
        headers,
      );
      expect(direct.errors?.map((error) => error.extensions?.code)).toEqual(expect.arrayContaining([expect.stringMatching(/UNAUTHENTICATED|FORBIDDEN/)]));
      expect(direct.data?.compare?.rows?.[0]).toMatchObject({ recordKey: null, familyKey: null });
    }
  });

  it("refuses questions about families across the published boundaries to all but the owner, naming the field; figures not about families are not held to them", async () => {
    const analyst = await as(Role.NATIONAL_ANALYST);
    const dashboard = await as(Role.DASHBOARD);
    const compare = (indicator: string, args: string, headers: Record<string, string>) =>
      graphql(hub.gateway.url, `{ compare(indicators: ["${indicator}"], ${args}) { rows { value } } }`, {}, headers);
    const refusals: [string, string, Record<string, string>][] = [
      ['filter: { partnerships: ["liderzy", "kooperacja"] }', "filter.partnerships", analyst],
      ['filter: { voivodeships: ["20", "28"] }', "filter.voivodeships", {}],
      ["filter: { municipalityKinds: [RURAL, URBAN] }", "filter.municipalityKinds", {}],
      ['filter: { from: "2019-05-17" }', "filter.from", analyst],
      ['filter: { to: "2019-05-17" }', "filter.to", {}],
      ["by: [PERIOD], grain: MONTH", "grain", dashboard],
      ['filter: { teryt: ["2815"], from: "2019-01-01" }', "filter.teryt", analyst],
      ['by: [PERIOD], filter: { teryt: ["1012011"] }', "filter.teryt", dashboard],
    ];
    for (const [args, field, headers] of refusals) {
      const result = await compare("FAMILIES_ENROLLED", args, headers);
      expect(result.errors?.[0]?.extensions, args).toMatchObject({ code: "BAD_USER_INPUT", field, privacy: true });
      expect(result.errors?.[0]?.message, args).toContain("docs/privacy.md");
      // The same question of a figure not about families is answered.
      expect((await compare("ACTIVITY_PARTICIPANTS", args, headers)).errors, args).toBeUndefined();
    }
    const summary = await graphql(
      hub.gateway.url,
      `
        {
          indicatorSummary(indicator: "FAMILIES_SUPPORTED", groupBy: [SITE, PERIOD]) {
            groups {
              sum
            }
          }
        }
      `,
      {},
      dashboard,
    );
    expect(summary.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "groupBy" });
    const periods = await graphql(
      hub.gateway.url,
      `
        {
          indicatorSummary(indicator: "FAMILIES_SUPPORTED", groupBy: [], filter: { periods: ["2019-Q1", "2019-Q3"] }) {
            groups {
              sum
            }
          }
        }
      `,
      {},
      analyst,
    );
    expect(periods.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.periods" });
    const ranking = await graphql(
      hub.gateway.url,
      `
        {
          siteRanking(partnership: "liderzy", indicator: "FAMILIES_ENROLLED", filter: { from: "2019-04-01" }) {
            rank
          }
        }
      `,
      {},
      analyst,
    );
    expect(ranking.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "partnership" });
    // The owner asks of its own figures as it likes, exact.
    const owner = await as(Role.REGIONAL_OWNER, ["kooperacja"]);
    for (const args of [
      'filter: { partnerships: ["kooperacja"], from: "2019-05-17", to: "2020-02-11" }',
      'by: [PERIOD], grain: MONTH, filter: { partnerships: ["kooperacja"], teryt: ["2815"] }',
    ]) {
      expect((await compare("FAMILIES_ENROLLED", args, owner)).errors, args).toBeUndefined();
    }
  });

  it("keys every family and value a region writes, by form and by file, and shows the key to nobody, the owner's audit trail included", async () => {
    const owner = await as(Role.REGIONAL_OWNER, ["kooperacja"]);
    const site = encodeGlobalId("kooperacja", "PilotSite", SITE.kooperacja);
    const created = await graphql(
      hub.gateway.url,
      `
        mutation ($input: SupportedFamilyInput!) {
          createSupportedFamily(partnership: "kooperacja", input: $input) {
            id
          }
        }
      `,
      { input: { code: "KLUCZ-1", site, cooperationLevel: "CLIENT", socialContract: true, startedOn: "2021-02-03" } },
      owner,
    );
    expect(created.errors).toBeUndefined();
    const imported = await upload(
      hub.gateway.url,
      `mutation($file: Upload!) { importRecords(partnership: "kooperacja", kind: FAMILIES, file: $file) { created rejected } }`,
      `code;site_teryt;cooperation_level;social_contract;started_on\nKLUCZ-2;${SITE.kooperacja};WORKER;nie;2021-03-04\n`,
      "rodziny.csv",
      owner,
    );
    expect(imported.data?.importRecords).toEqual({ created: 1, rejected: 0 });
    const keys = await query<{ code: string; key: number }>(
      hub.databaseUrl("kooperacja"),
      "select code, record_key as key from supported_family where code like 'KLUCZ-%' order by code",
    );
    expect(keys.map((row) => row.code)).toEqual(["KLUCZ-1", "KLUCZ-2"]);
    expect(keys.every((row) => Number(row.key) > 0)).toBe(true);
    expect(keys[0]!.key).not.toBe(keys[1]!.key);
    // Every seeded family and value has its key too (a zero would be a record the method does not count).
    for (const partnership of PARTNERSHIP_KEYS) {
      const unkeyed = await query<{ n: number }>(
        hub.databaseUrl(partnership),
        "select (select count(*) from supported_family where record_key = 0) + (select count(*) from indicator_value where record_key = 0) as n",
      );
      expect(Number(unkeyed[0]!.n), partnership).toBe(0);
    }
    const trail = await graphql(
      hub.gateway.url,
      `
        {
          auditTrail(partnership: "kooperacja", first: 5) {
            entries {
              entityType
              after
            }
          }
        }
      `,
      {},
      owner,
    );
    const families = (trail.data.auditTrail.entries as { entityType: string; after: Record<string, unknown> }[]).filter(
      (entry) => entry.entityType === "SupportedFamily",
    );
    expect(families.length).toBeGreaterThan(0);
    for (const entry of families) {
      expect(entry.after.code).toMatch(/^KLUCZ-/);
      expect(Object.keys(entry.after)).not.toContain("recordKey");
    }
  });

  it("counts the families behind site-level indicators too (families supported at the sites in the period)", async () => {
    // The demo data of each region: FAMILIES_SUPPORTED per site and quarter, behind which are the families active then.
    const result = await graphql(
      hub.gateway.url,
      `
        {
          indicatorSummary(indicator: "FAMILIES_SUPPORTED", groupBy: [PARTNERSHIP], filter: { periods: ["2020-Q1"] }) {
            groups {
              partnership
              sum
              families
              protection
            }
          }
        }
      `,
      {},
      await as(Role.REGIONAL_OWNER, [...PARTNERSHIP_KEYS]),
    );
    for (const group of result.data.indicatorSummary.groups) {
      // A site's FAMILIES_SUPPORTED value for a quarter is the number of its families active in that quarter.
      expect(group.families, group.partnership).toBe(group.sum);
      expect(group.protection).toBe("EXACT");
    }
  });

  it("leaves indicators not about families exact, with no family count", async () => {
    const result = await graphql(
      hub.gateway.url,
      `
        {
          indicatorSummary(indicator: "BODY_MEETINGS_HELD", groupBy: [SITE]) {
            groups {
              sum
              min
              max
              families
              suppressed
              protection
            }
          }
        }
      `,
      {},
    );
    expect(result.data.indicatorSummary.groups.length).toBeGreaterThan(0);
    for (const group of result.data.indicatorSummary.groups)
      expect(group).toMatchObject({ families: null, suppressed: false, protection: "EXACT", min: expect.any(Number) });
  });
});
