import { maintainRollups } from "@kooperacja/regional";
import { encodeGlobalId, PARTNERSHIP_KEYS, PARTNERSHIPS, tryDecodeGlobalId, type PartnershipKey } from "@kooperacja/contract";
import { Role } from "@kooperacja/service-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { published } from "../cell-key-reference";
import { query, run } from "../databases";
import { as, graphql, startTestHub, type TestHub } from "../helpers";

/**
 * `compare` against the same figures computed here from plain SQL over the
 * three regional databases: the raw rows of each indicator are read with
 * ordinary joins and grouped in the test, independently of the hub's SQL.
 * The owner of every region gets them exact; anyone else gets the figures
 * about families as docs/privacy.md's cell key method publishes them, which
 * test/cell-key-reference.ts computes from the same facts and record keys.
 */

interface Fact {
  partnership: PartnershipKey;
  site: string | null;
  kind: string | null;
  date: string | null;
  quarter: string | null;
  sector: string | null;
  value: number;
  /** The fact's record key (null for indicators not about families). */
  key: number | null;
  /** The families the fact is about (none for indicators not about families), with their record keys. */
  families: { id: string; key: number }[];
}

interface Indicator {
  code: string;
  basis: "REPORTED" | "RECORDS";
  level: "SITE" | "FAMILY";
  aboutFamilies: boolean;
  aggregation: "SUM" | "MEAN";
  unit: string;
}

const quarterOf = (date: string) => `${date.slice(0, 4)}-Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`;
const quarterStart = (quarter: string) => `${quarter.slice(0, 4)}-${["01", "04", "07", "10"][Number(quarter.slice(6)) - 1]}-01`;

const SITE_JOIN = "left join pilot_site s on s.id = {site} left join territorial_unit u on u.id = s.unit_id";
const join_ = (site: string) => SITE_JOIN.replace("{site}", site);

/** The raw rows of one indicator in one region, by plain SQL. */
async function factsOf(path: string, partnership: PartnershipKey, indicator: Indicator): Promise<Fact[]> {
  type Row = {
    site: string | null;
    kind: string | null;
    date?: string | null;
    quarter?: string | null;
    sector?: string | null;
    value: number;
    family?: string | null;
    key?: number | null;
  };
  const familyKeys = new Map(
    (await query<{ id: string; key: number }>(path, "select id, record_key as key from supported_family")).map((row) => [row.id, Number(row.key)]),
  );
  const fact = (row: Row, families: string[] = row.family ? [row.family] : []): Fact => ({
    partnership,
    site: row.site,
    kind: row.kind,
    date: row.date ?? null,
    quarter: row.quarter ?? null,
    sector: row.sector ?? null,
    value: Number(row.value),
    key: indicator.aboutFamilies ? Number(row.key) : null,
    families: indicator.aboutFamilies ? families.map((id) => ({ id, key: familyKeys.get(id)! })) : [],
  });
  switch (indicator.code) {
    case "FAMILIES_ENROLLED":
    case "FAMILIES_WITH_SOCIAL_CONTRACT": {
      const contract = indicator.code === "FAMILIES_WITH_SOCIAL_CONTRACT" ? "and f.social_contract = true" : "";
      const rows = await query<Row>(
        path,
        `select f.site_id as site, u.municipality_kind as kind, f.started_on as date, 1 as value, f.id as family, f.record_key as key from supported_family f ${join_("f.site_id")} where f.archived_at is null ${contract}`,
      );
      return rows.map((row) => fact(row));
    }
    case "COOPERATION_BODIES":
      return (
        await query<Row>(
          path,
          `select b.site_id as site, u.municipality_kind as kind, 1 as value from cooperation_body b ${join_("b.site_id")} where b.archived_at is null`,
        )
      ).map((row) => fact(row));
    case "BODY_MEETINGS_RECORDED":
      return (
        await query<Row>(
          path,
          `select b.site_id as site, u.municipality_kind as kind, m.held_on as date, 1 as value from body_meeting m join cooperation_body b on b.id = m.body_id ${join_("b.site_id")} where m.archived_at is null and b.archived_at is null`,
        )
      ).map((row) => fact(row));
    case "ACTIVITY_PARTICIPANTS":
      return (
        await query<Row>(
          path,
          `select a.site_id as site, u.municipality_kind as kind, a.held_on as date, a.participants as value from support_activity a ${join_("a.site_id")} where a.archived_at is null`,
        )
      ).map((row) => fact(row));
    case "INSTITUTIONS_INVOLVED": {
      const rows = await query<Row & { institution: string }>(
        path,
        `select b.site_id as site, u.municipality_kind as kind, m.joined_on as date, i.id as institution, i.sector as sector, 1 as value
         from body_member m join cooperation_body b on b.id = m.body_id join institution i on i.id = m.institution_id ${join_("b.site_id")}
         where m.archived_at is null and b.archived_at is null and i.archived_at is null`,
      );
      // Once per site and institution, from the day it first joined.
      const once = new Map<string, Row>();
      for (const row of rows) {
        const key = `${row.site}|${row.institution}`;
        const seen = once.get(key);
        if (!seen) once.set(key, { ...row });
        else if (row.date && (!seen.date || row.date < seen.date)) seen.date = row.date;
      }
      return [...once.values()].map((row) => fact(row));
    }
    default: {
      const rows = await query<Row>(
        path,
        `select v.site_id as site, u.municipality_kind as kind, v.period as quarter, v.value as value, v.family_id as family, v.record_key as key from indicator_value v ${join_("v.site_id")} where v.indicator_id = ? and v.archived_at is null`,
        [indicator.code],
      );
      if (!(indicator.aboutFamilies && indicator.level === "SITE")) return rows.map((row) => fact(row));
      // The families behind a site's value: those supported at the site during its quarter.
      const families = await query<{ id: string; site: string; started: string; ended: string | null }>(
        path,
        "select id, site_id as site, started_on as started, ended_on as ended from supported_family where archived_at is null",
      );
      return rows.map((row) =>
        fact(
          row,
          families
            .filter(
              (family) => family.site === row.site && quarterOf(family.started) <= row.quarter! && (!family.ended || quarterOf(family.ended) >= row.quarter!),
            )
            .map((family) => family.id),
        ),
      );
    }
  }
}

type Grouping = { by: string[]; grain: "MONTH" | "QUARTER" | "YEAR" };

const periodOf = (fact: Fact, grain: Grouping["grain"]) =>
  grain === "MONTH"
    ? (fact.date?.slice(0, 7) ?? null)
    : grain === "YEAR"
      ? ((fact.quarter ?? fact.date)?.slice(0, 4) ?? null)
      : (fact.quarter ?? (fact.date ? quarterOf(fact.date) : null));

interface Filter {
  municipalityKinds?: string[];
  voivodeships?: string[];
  teryt?: string[];
  from?: string;
  to?: string;
}

function inFilter(fact: Fact, filter: Filter | undefined): boolean {
  if (!filter) return true;
  if (filter.municipalityKinds && !filter.municipalityKinds.includes(fact.kind ?? "")) return false;
  if (filter.voivodeships && !filter.voivodeships.some((code) => fact.site?.startsWith(code))) return false;
  if (filter.teryt && !filter.teryt.some((code) => fact.site?.startsWith(code))) return false;
  const day = fact.date ?? (fact.quarter ? quarterStart(fact.quarter) : null);
  if (filter.from && (!day || day < filter.from)) return false;
  if (filter.to && (!day || day > filter.to)) return false;
  return true;
}

/**
 * The table `compare` should answer, grouped here from the plain-SQL facts:
 * exact for the owner of every region, and otherwise as the cell key method
 * publishes each row (figures about families protected, extremes withheld).
 */
function expectedRows(
  facts: Map<string, Fact[]>,
  indicators: Indicator[],
  grouping: Grouping,
  filter: Filter | undefined,
  view: "exact" | "protected",
): Record<string, any>[] {
  const rows: Record<string, any>[] = [];
  for (const indicator of indicators) {
    const groups = new Map<string, { key: Record<string, unknown>; values: number[]; keys: number[]; families: Map<string, number> }>();
    for (const fact of facts.get(indicator.code)!.filter((candidate) => inFilter(candidate, filter))) {
      const byPartnership = grouping.by.includes("PARTNERSHIP") || grouping.by.includes("MACROREGION");
      const key = {
        macroregion: byPartnership ? PARTNERSHIPS[fact.partnership].macroregion : null,
        partnership: byPartnership ? fact.partnership : null,
        voivodeship: grouping.by.includes("VOIVODESHIP") ? (fact.site?.slice(0, 2) ?? null) : null,
        municipalityKind: grouping.by.includes("MUNICIPALITY_KIND") ? fact.kind : null,
        sector: grouping.by.includes("SECTOR") ? fact.sector : null,
        period: grouping.by.includes("PERIOD") ? periodOf(fact, grouping.grain) : null,
      };
      const id = JSON.stringify(key);
      const group = groups.get(id) ?? { key, values: [] as number[], keys: [] as number[], families: new Map<string, number>() };
      group.values.push(fact.value);
      if (fact.key !== null) group.keys.push(fact.key);
      for (const family of fact.families) group.families.set(`${fact.partnership}:${family.id}`, family.key);
      groups.set(id, group);
    }
    for (const { key, values, keys, families } of groups.values()) {
      const sum = values.reduce((total, value) => total + value, 0);
      const exact = {
        n: values.length,
        sum,
        min: Math.min(...values),
        max: Math.max(...values),
        mean: sum / values.length,
        value: indicator.aggregation === "MEAN" ? sum / values.length : sum,
        families: indicator.aboutFamilies ? families.size : null,
        suppressed: false,
        protection: "EXACT",
      };
      if (view === "exact" || !indicator.aboutFamilies) {
        rows.push({ indicator: indicator.code, ...key, ...exact });
        continue;
      }
      // A site's reports count families that are other records; family records and values measured per family are about the families themselves.
      const familyKeys = indicator.level === "SITE" && indicator.basis === "REPORTED" ? [...families.values()] : keys;
      const shown = published({
        n: values.length,
        sum,
        largest: exact.max,
        recordKeys: keys,
        families: families.size,
        familyKeys,
        aggregation: indicator.aggregation,
      });
      rows.push({ indicator: indicator.code, ...key, ...shown, min: null, max: null });
    }
  }
  return rows;
}

const COMPARE = `query($indicators: [String!]!, $by: [CompareDimension!]!, $grain: PeriodGrain!, $filter: CompareFilter) {
  compare(indicators: $indicators, by: $by, grain: $grain, filter: $filter) {
    indicators by grain
    rows { indicator unit aggregation macroregion partnership voivodeship municipalityKind sector period n sum min max mean value families suppressed protection regionsMissing }
  }
}`;

const KEY = ["indicator", "macroregion", "partnership", "voivodeship", "municipalityKind", "sector", "period"];
const keyOf = (row: Record<string, unknown>) => JSON.stringify(KEY.map((field) => row[field] ?? null));
const FIGURES = ["n", "sum", "min", "max", "mean", "value", "families"];

function expectSameTable(actual: Record<string, any>[], expected: Record<string, any>[]): void {
  expect(actual.map(keyOf).sort()).toEqual(expected.map(keyOf).sort());
  const byKey = new Map(expected.map((row) => [keyOf(row), row]));
  for (const row of actual) {
    const want = byKey.get(keyOf(row))!;
    expect(row.suppressed, keyOf(row)).toBe(want.suppressed);
    expect(row.protection, keyOf(row)).toBe(want.protection);
    for (const field of FIGURES) {
      if (want[field] === null) expect(row[field], `${keyOf(row)} ${field}`).toBeNull();
      else expect(row[field], `${keyOf(row)} ${field}`).toBeCloseTo(want[field], 9);
    }
  }
}

describe("compare: the models side by side, as plain SQL computes them", () => {
  let hub: TestHub;
  let analyst: Record<string, string>;
  /** The owner of every region: it sees every figure exact. */
  let everyOwner: Record<string, string>;
  let indicators: Indicator[];
  const facts = new Map<string, Fact[]>();
  const compare = async (codes: string[], grouping: Grouping, filter?: Filter, headers = analyst) => {
    const result = await graphql(hub.gateway.url, COMPARE, { indicators: codes, by: grouping.by, grain: grouping.grain, filter }, headers);
    expect(result.errors).toBeUndefined();
    return result.data.compare.rows as Record<string, any>[];
  };

  beforeAll(async () => {
    hub = await startTestHub();
    analyst = await as(Role.NATIONAL_ANALYST);
    everyOwner = await as(Role.REGIONAL_OWNER, [...PARTNERSHIP_KEYS]);
    const path = (partnership: PartnershipKey) => hub.databaseUrl(partnership);
    const record = `'SYNTHETIC_DEMO'`;
    // Institutions of other sectors in bodies at sites (one in two bodies of a site, counted once), an archived family that must not count,
    // and two families enrolled in December 2020, a month no demo family starts in: a cell small enough to be suppressed.
    await run(path("kooperacja"), [
      [
        `insert into institution (id, partnership, provenance_kind, name, short_name, kind, sector) values ('pup-ostroda', 'kooperacja', ${record}, 'Powiatowy Urząd Pracy w Ostródzie', 'PUP Ostróda', 'OTHER', 'LABOUR_MARKET')`,
        [],
      ],
      [
        `insert into institution (id, partnership, provenance_kind, name, short_name, kind, sector) values ('sad-ostroda', 'kooperacja', ${record}, 'Sąd Rejonowy w Ostródzie', 'SR Ostróda', 'OTHER', 'JUSTICE')`,
        [],
      ],
      [
        `insert into cooperation_body (id, partnership, provenance_kind, kind, name, site_id) values ('zespol-ostroda', 'kooperacja', ${record}, 'COUNTY_REFLECTIVE_GROUP', 'Grupa testowa', '2815')`,
        [],
      ],
      [
        `insert into body_member (id, partnership, provenance_kind, body_id, institution_id, joined_on) values ('m1', 'kooperacja', ${record}, 'grupa-decydentow-ostrodzki', 'pup-ostroda', '2019-05-06')`,
        [],
      ],
      [
        `insert into body_member (id, partnership, provenance_kind, body_id, institution_id, joined_on) values ('m2', 'kooperacja', ${record}, 'zespol-ostroda', 'pup-ostroda', '2019-02-01')`,
        [],
      ],
      [
        `insert into body_member (id, partnership, provenance_kind, body_id, institution_id, joined_on) values ('m3', 'kooperacja', ${record}, 'zespol-ostroda', 'sad-ostroda', '2020-11-20')`,
        [],
      ],
      [
        `insert into body_meeting (id, partnership, provenance_kind, body_id, held_on) values ('zespol-ostroda-1', 'kooperacja', ${record}, 'zespol-ostroda', '2020-12-03')`,
        [],
      ],
      [
        `insert into supported_family (id, partnership, provenance_kind, code, site_id, cooperation_level, social_contract, started_on, archived_at) values ('T-archived', 'kooperacja', ${record}, 'T-archived', '2815', 'CLIENT', true, '2019-03-01', '2026-01-01')`,
        [],
      ],
      ...[1, 2].map((n): [string, unknown[]] => [
        `insert into supported_family (id, partnership, provenance_kind, code, site_id, cooperation_level, social_contract, started_on) values (?, 'kooperacja', ${record}, ?, '2815', 'CLIENT', false, '2020-12-10')`,
        [`T-dec-${n}`, `T-dec-${n}`],
      ]),
    ]);
    await run(path("kooperacje3d"), [
      [
        `insert into institution (id, partnership, provenance_kind, name, short_name, kind, sector) values ('szkola-radomsko', 'kooperacje3d', ${record}, 'Szkoła Podstawowa nr 1 w Radomsku', 'SP 1 Radomsko', 'OTHER', 'EDUCATION')`,
        [],
      ],
      [
        `insert into body_member (id, partnership, provenance_kind, body_id, institution_id, joined_on) select 'm4', 'kooperacje3d', ${record}, id, 'szkola-radomsko', '2019-11-15' from cooperation_body where site_id is not null order by id limit 1`,
        [],
      ],
    ]);
    // Written behind the hub's back: the rollups are rebuilt, as an operator would after such SQL (npm run rollups -- rebuild).
    for (const partnership of ["kooperacja", "kooperacje3d"] as const) await maintainRollups(path(partnership), "rebuild");
    indicators = (await graphql(hub.gateway.url, "{ indicators { code basis level aboutFamilies aggregation unit } }")).data.indicators;
    for (const indicator of indicators) {
      const all: Fact[] = [];
      for (const partnership of PARTNERSHIP_KEYS) all.push(...(await factsOf(path(partnership), partnership, indicator)));
      facts.set(indicator.code, all);
    }
  }, 60_000);

  afterAll(() => hub?.close());

  it("has a catalogue of shared indicators, reported and computed, with a region-specific one flagged", async () => {
    const result = await graphql(hub.gateway.url, "{ indicators { code unit definition direction aggregation basis reportedBy regionSpecific } }");
    const codes = result.data.indicators.map((indicator: any) => indicator.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        "FAMILIES_SUPPORTED",
        "SOCIAL_CONTRACTS_CONCLUDED",
        "CONTRACT_GOALS_MET",
        "COOPERATION_BODIES",
        "BODY_MEETINGS_RECORDED",
        "INSTITUTIONS_INVOLVED",
        "WORKERS_COACHED",
        "ACTIVITY_PARTICIPANTS",
      ]),
    );
    // One entry per code: the three shards hold the same catalogue.
    expect(new Set(codes).size).toBe(codes.length);
    const school = result.data.indicators.find((indicator: any) => indicator.code === "SCHOOL_OF_COOPERATION_PARTICIPANTS");
    expect(school).toMatchObject({ regionSpecific: true, reportedBy: ["liderzy"], basis: "REPORTED" });
    expect(result.data.indicators.find((indicator: any) => indicator.code === "CONTRACT_GOALS_MET")).toMatchObject({
      aggregation: "MEAN",
      unit: "percent",
      direction: "HIGHER_IS_BETTER",
    });
  });

  const GROUPINGS: Grouping[] = [
    { by: [], grain: "QUARTER" },
    { by: ["PARTNERSHIP"], grain: "QUARTER" },
    { by: ["MACROREGION"], grain: "QUARTER" },
    { by: ["VOIVODESHIP"], grain: "QUARTER" },
    { by: ["MUNICIPALITY_KIND"], grain: "QUARTER" },
    { by: ["SECTOR"], grain: "QUARTER" },
    { by: ["PERIOD"], grain: "QUARTER" },
    { by: ["PERIOD"], grain: "YEAR" },
    { by: ["PERIOD"], grain: "MONTH" },
    { by: ["PARTNERSHIP", "PERIOD"], grain: "YEAR" },
    { by: ["MUNICIPALITY_KIND", "SECTOR"], grain: "QUARTER" },
  ];

  for (const grouping of GROUPINGS) {
    it(`equals plain SQL for every indicator by [${grouping.by.join(", ")}]${grouping.by.includes("PERIOD") ? ` per ${grouping.grain}` : ""}, exact to the owner of every region`, async () => {
      // Reported values have quarters, not months: a monthly series takes the indicators computed from dated records.
      const chosen = indicators.filter((indicator) => grouping.grain !== "MONTH" || indicator.basis === "RECORDS");
      const rows = await compare(
        chosen.map((indicator) => indicator.code),
        grouping,
        undefined,
        everyOwner,
      );
      expectSameTable(rows, expectedRows(facts, chosen, grouping, undefined, "exact"));
      expect(rows.every((row) => row.regionsMissing.length === 0)).toBe(true);
      // Not an empty comparison, and every indicator shows up.
      expect(new Set(rows.map((row) => row.indicator)).size).toBe(chosen.length);
    });

    if (grouping.grain === "MONTH") continue;
    it(`publishes to an analyst what the cell key method gives for the same facts by [${grouping.by.join(", ")}]${grouping.by.includes("PERIOD") ? ` per ${grouping.grain}` : ""}`, async () => {
      const rows = await compare(
        indicators.map((indicator) => indicator.code),
        grouping,
      );
      expectSameTable(rows, expectedRows(facts, indicators, grouping, undefined, "protected"));
    });
  }

  // Run alone or in any order: the oracle's own rows say the comparisons above meet every kind of protection.
  it("meets exact, perturbed and suppressed rows in those comparisons, so each kind is checked", () => {
    const kinds = new Set(
      GROUPINGS.filter((grouping) => grouping.grain !== "MONTH").flatMap((grouping) =>
        expectedRows(facts, indicators, grouping, undefined, "protected").map((row) => row.protection),
      ),
    );
    expect(kinds).toEqual(new Set(["EXACT", "PERTURBED", "SUPPRESSED"]));
  });

  it("equals plain SQL with a filter by municipality kind, voivodeship and dates", async () => {
    const filter = { municipalityKinds: ["URBAN", "URBAN_RURAL"], voivodeships: ["10", "24", "28", "12"], from: "2019-04-01", to: "2020-06-30" };
    const grouping: Grouping = { by: ["PARTNERSHIP", "PERIOD"], grain: "QUARTER" };
    const rows = await compare(
      indicators.map((indicator) => indicator.code),
      grouping,
      filter,
      everyOwner,
    );
    expect(rows.length).toBeGreaterThan(0);
    expectSameTable(rows, expectedRows(facts, indicators, grouping, filter, "exact"));
    // One unit per filter, whole quarters: what an analyst may ask of figures about families.
    const published = { municipalityKinds: ["URBAN"], voivodeships: ["10"], from: "2019-04-01", to: "2020-06-30" };
    const protectedRows = await compare(
      indicators.map((indicator) => indicator.code),
      grouping,
      published,
    );
    expect(protectedRows.length).toBeGreaterThan(0);
    expectSameTable(protectedRows, expectedRows(facts, indicators, grouping, published, "protected"));
  });

  it("suppresses a small cell for an analyst, not for the cell's owner, through the gateway and directly", async () => {
    const grouping: Grouping = { by: ["PARTNERSHIP", "PERIOD"], grain: "QUARTER" };
    const filter = { from: "2020-10-01", to: "2020-12-31" };
    const analystRows = await compare(["FAMILIES_ENROLLED"], grouping, filter);
    const december = analystRows.find((row) => row.partnership === "kooperacja" && row.period === "2020-Q4");
    expect(december).toMatchObject({ suppressed: true, protection: "SUPPRESSED", value: null, n: null, families: null });
    const ownerRows = await compare(["FAMILIES_ENROLLED"], grouping, filter, await as(Role.REGIONAL_OWNER, ["kooperacja"]));
    expect(ownerRows.find((row) => row.partnership === "kooperacja" && row.period === "2020-Q4")).toMatchObject({
      suppressed: false,
      protection: "EXACT",
      value: 2,
      families: 2,
    });
    // A region asked directly, without the gateway, protects the same way.
    const direct = async (headers: Record<string, string>) => {
      const result = await graphql(
        hub.regions.kooperacja.url,
        COMPARE,
        { indicators: ["FAMILIES_ENROLLED"], by: grouping.by, grain: grouping.grain, filter },
        headers,
      );
      expect(result.errors).toBeUndefined();
      return result.data.compare.rows.find((row: any) => row.period === "2020-Q4");
    };
    expect(await direct(analyst)).toMatchObject({ suppressed: true, value: null });
    expect(await direct(await as(Role.REGIONAL_OWNER, ["kooperacja"]))).toMatchObject({ suppressed: false, value: 2 });
  });

  it("answers a region asked directly with the same protected figures the gateway gives for that region alone", async () => {
    for (const partnership of PARTNERSHIP_KEYS) {
      const variables = {
        indicators: indicators.filter((indicator) => indicator.aboutFamilies).map((indicator) => indicator.code),
        by: ["PARTNERSHIP"],
        grain: "QUARTER",
      };
      const viaGateway = await graphql(hub.gateway.url, COMPARE, { ...variables, filter: { partnerships: [partnership] } }, analyst);
      const direct = await graphql(hub.regions[partnership].url, COMPARE, variables, analyst);
      expect(direct.data.compare.rows, partnership).toEqual(viaGateway.data.compare.rows);
    }
  });

  it("refuses a monthly series of a quarterly indicator, an unknown indicator, and a series for the public", async () => {
    const monthly = await graphql(hub.gateway.url, COMPARE, { indicators: ["FAMILIES_SUPPORTED"], by: ["PERIOD"], grain: "MONTH" }, analyst);
    expect(monthly.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "grain" });
    const unknown = await graphql(hub.gateway.url, COMPARE, { indicators: ["NO_SUCH"], by: [], grain: "QUARTER" }, analyst);
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "indicators" });
    const badDate = await graphql(
      hub.gateway.url,
      COMPARE,
      { indicators: ["FAMILIES_SUPPORTED"], by: [], grain: "QUARTER", filter: { from: "2019-13-01" } },
      analyst,
    );
    expect(badDate.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.from" });
    const series = await graphql(hub.gateway.url, COMPARE, { indicators: ["FAMILIES_SUPPORTED"], by: ["PERIOD"], grain: "QUARTER" });
    expect(series.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const publicTotals = await graphql(hub.gateway.url, COMPARE, { indicators: ["WORKERS_COACHED"], by: ["PARTNERSHIP"], grain: "QUARTER" });
    expect(publicTotals.errors).toBeUndefined();
    expect(publicTotals.data.compare.rows).toHaveLength(3);
  });

  it("takes reported values only for reported indicators of the region's own model", async () => {
    const owner = await as(Role.REGIONAL_OWNER, ["kooperacja"]);
    const site = encodeGlobalId("kooperacja", "PilotSite", "2815");
    for (const [code, message] of [
      ["FAMILIES_ENROLLED", "computed from the region's records"],
      ["SCHOOL_OF_COOPERATION_PARTICIPANTS", "reported only by liderzy"],
    ]) {
      const result = await graphql(
        hub.gateway.url,
        `
          mutation ($input: IndicatorValueInput!) {
            createIndicatorValue(partnership: "kooperacja", input: $input) {
              id
            }
          }
        `,
        { input: { indicator: encodeGlobalId("kooperacja", "OutcomeIndicator", code!), site, period: "2021-Q1", value: 3 } },
        owner,
      );
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "indicator" });
      expect(result.errors?.[0]?.message).toContain(message);
    }
  });

  it("counts an institution the owner enters and seats in a site's body under its sector, once per institution", async () => {
    const owner = await as(Role.REGIONAL_OWNER, ["kooperacje3d"]);
    const ok = async (query: string, variables: Record<string, unknown>) => {
      const result = await graphql(hub.gateway.url, query, variables, owner);
      expect(result.errors).toBeUndefined();
      return result.data;
    };
    const health = async () =>
      (await compare(["INSTITUTIONS_INVOLVED"], { by: ["PARTNERSHIP", "SECTOR"], grain: "QUARTER" })).find(
        (row) => row.partnership === "kooperacje3d" && row.sector === "HEALTH",
      )?.value ?? 0;
    const before = await health();
    const institution = (
      await ok(`mutation($input: InstitutionInput!) { createInstitution(partnership: "kooperacje3d", input: $input) { id } }`, {
        input: {
          key: "szpital-radomsko",
          name: "Szpital Powiatowy w Radomsku",
          shortName: "Szpital Radomsko",
          kind: "OTHER",
          sector: "HEALTH",
          city: "Radomsko",
          voivodeship: encodeGlobalId("kooperacje3d", "TerritorialUnit", "10"),
        },
      })
    ).createInstitution.id;
    const body = (await ok(`{ cooperationBodies { id site { id } } }`, {})).cooperationBodies.find(
      (row: any) => row.site && tryDecodeGlobalId(row.id)?.partnership === "kooperacje3d",
    )!.id;
    const seat = `mutation($input: BodyMemberInput!) { createBodyMember(partnership: "kooperacje3d", input: $input) { id } }`;
    await ok(seat, { input: { key: "szpital-w-zespole", body, institution, joinedOn: "2019-11-20" } });
    expect(await health()).toBe(before + 1);
    // The same institution cannot take a second seat in the same body.
    const again = await graphql(hub.gateway.url, seat, { input: { key: "szpital-znowu", body, institution } }, owner);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "institution" });
    // An institution of another macroregion's voivodeship is not this partnership's to enter.
    const foreign = await graphql(
      hub.gateway.url,
      `
        mutation ($input: InstitutionInput!) {
          createInstitution(partnership: "kooperacje3d", input: $input) {
            id
          }
        }
      `,
      {
        input: {
          key: "obcy",
          name: "Obcy urząd",
          shortName: "Obcy",
          kind: "OTHER",
          sector: "OTHER",
          voivodeship: encodeGlobalId("kooperacje3d", "TerritorialUnit", "28"),
        },
      },
      owner,
    );
    expect(foreign.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "voivodeship" });
  });

  it("ranks a partnership's sites by the indicator's direction, as plain SQL orders them", async () => {
    const result = await graphql(
      hub.gateway.url,
      `
        {
          siteRanking(partnership: "kooperacje3d", indicator: "WORKERS_COACHED") {
            rank
            siteId
            siteName
            value
            n
            suppressed
          }
        }
      `,
      {},
      analyst,
    );
    expect(result.errors).toBeUndefined();
    const sums = await query<{ site: string; total: number }>(
      hub.databaseUrl("kooperacje3d"),
      "select site_id as site, sum(value) as total from indicator_value where indicator_id = 'WORKERS_COACHED' and archived_at is null group by site_id order by total desc",
    );
    const ranking = result.data.siteRanking as Record<string, any>[];
    expect(ranking.map((row) => row.value)).toEqual(sums.map((row) => row.total));
    expect(ranking[0]!.rank).toBe(1);
    for (let index = 1; index < ranking.length; index++) expect(ranking[index]!.rank).toBeGreaterThanOrEqual(ranking[index - 1]!.rank);
    const wrong = await graphql(
      hub.gateway.url,
      `
        {
          siteRanking(partnership: "nowhere", indicator: "WORKERS_COACHED") {
            rank
          }
        }
      `,
      {},
      analyst,
    );
    expect(wrong.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("ranks sites by the figures it shows: exact to the owner, protected as compare gives each site to an analyst, suppressed sites last and unranked", async () => {
    const RANKING = `{ siteRanking(partnership: "liderzy", indicator: "FAMILIES_WITH_SOCIAL_CONTRACT") { rank siteId siteName value n families suppressed protection } }`;
    const counts = await query<{ site: string; families: number }>(
      hub.databaseUrl("liderzy"),
      "select site_id as site, count(*) as families from supported_family where archived_at is null and social_contract = true group by site_id",
    );
    const owner = (await graphql(hub.gateway.url, RANKING, {}, await as(Role.REGIONAL_OWNER, ["liderzy"]))).data.siteRanking as Record<string, any>[];
    expect(owner.map((row) => row.value)).toEqual(counts.map((row) => Number(row.families)).sort((a, b) => b - a));
    expect(owner.every((row) => row.protection === "EXACT" && row.rank !== null)).toBe(true);

    const ranking = (await graphql(hub.gateway.url, RANKING, {}, analyst)).data.siteRanking as Record<string, any>[];
    const summary = await graphql(
      hub.gateway.url,
      `
        {
          indicatorSummary(indicator: "FAMILIES_WITH_SOCIAL_CONTRACT", groupBy: [SITE], filter: { partnerships: ["liderzy"] }) {
            groups {
              siteId
              count
              sum
              families
              suppressed
              protection
            }
          }
        }
      `,
      {},
      analyst,
    );
    const bySite = new Map((summary.data.indicatorSummary.groups as Record<string, any>[]).map((group) => [group.siteId, group]));
    for (const row of ranking) {
      const group = bySite.get(row.siteId)!;
      const shown = { value: row.value, n: row.n, families: row.families, suppressed: row.suppressed, protection: row.protection };
      expect(shown, row.siteName).toEqual({
        value: group.sum,
        n: group.count,
        families: group.families,
        suppressed: group.suppressed,
        protection: group.protection,
      });
      // A gmina's TERYT code names the site alone (a powiat's takes in its gminas too).
      const localId = tryDecodeGlobalId(row.siteId)!.localId;
      if (localId.length !== 7) continue;
      const [site] = await compare(["FAMILIES_WITH_SOCIAL_CONTRACT"], { by: [], grain: "QUARTER" }, { teryt: [localId] });
      expect(shown, row.siteName).toEqual({
        value: site!.value,
        n: site!.n,
        families: site!.families,
        suppressed: site!.suppressed,
        protection: site!.protection,
      });
    }
    // A site of fewer than 5 families with a contract (the seed has one) is never published; it comes last, unranked.
    expect(counts.some((row) => Number(row.families) < 5)).toBe(true);
    const hidden = ranking.filter((row) => row.suppressed);
    expect(hidden.length).toBeGreaterThan(0);
    expect(ranking.slice(ranking.length - hidden.length)).toEqual(hidden);
    expect(hidden.every((row) => row.rank === null)).toBe(true);
    const ranks = ranking.filter((row) => !row.suppressed).map((row) => row.rank as number);
    expect(ranks[0]).toBe(1);
    for (let index = 1; index < ranks.length; index++) expect(ranks[index]).toBeGreaterThanOrEqual(ranks[index - 1]!);
    // Ranks of an analyst never cross a period with a site: a ranking by dates is refused for figures about families.
    const dated = await graphql(
      hub.gateway.url,
      `
        {
          siteRanking(partnership: "liderzy", indicator: "FAMILIES_WITH_SOCIAL_CONTRACT", filter: { from: "2020-01-01" }) {
            rank
          }
        }
      `,
      {},
      analyst,
    );
    expect(dated.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "partnership" });
  });

  it("reports coverage: the quarters each site has values for, and the gaps", async () => {
    const result = await graphql(
      hub.gateway.url,
      `
        {
          coverage(indicators: ["FAMILIES_SUPPORTED", "SCHOOL_OF_COOPERATION_PARTICIPANTS"]) {
            partnership
            siteId
            indicator
            periodsReported
            periodsMissing
            complete
          }
        }
      `,
      {},
      analyst,
    );
    expect(result.errors).toBeUndefined();
    const rows = result.data.coverage as Record<string, any>[];
    // The region-specific indicator is covered only where it is reported.
    expect(new Set(rows.filter((row) => row.indicator === "SCHOOL_OF_COOPERATION_PARTICIPANTS").map((row) => row.partnership))).toEqual(new Set(["liderzy"]));
    for (const partnership of PARTNERSHIP_KEYS) {
      const present = await query<{ site: string; period: string }>(
        hub.databaseUrl(partnership),
        "select distinct site_id as site, period from indicator_value where indicator_id = 'FAMILIES_SUPPORTED' and archived_at is null",
      );
      const sites = await query<{ id: string }>(hub.databaseUrl(partnership), "select id from pilot_site where archived_at is null");
      const periods = new Map<string, string[]>();
      for (const entry of present) {
        const site = encodeGlobalId(partnership, "PilotSite", entry.site);
        periods.set(site, [...(periods.get(site) ?? []), entry.period].sort());
      }
      const mine = rows.filter((row) => row.partnership === partnership && row.indicator === "FAMILIES_SUPPORTED");
      expect(mine).toHaveLength(sites.length);
      for (const row of mine) {
        expect(row.periodsReported).toEqual(periods.get(row.siteId) ?? []);
        expect(row.periodsMissing).toEqual(expect.arrayContaining(["2018-Q2", "2021-Q1"]));
        expect(row.complete).toBe(false);
      }
    }
    // Whether a family-level value exists says a family was measured: coverage of those is the owner's alone.
    const familyLevel = `{ coverage(indicators: ["CONTRACT_GOALS_MET"]) { partnership periodsReported } }`;
    expect((await graphql(hub.gateway.url, familyLevel, {}, analyst)).data.coverage).toEqual([]);
    const owned = (await graphql(hub.gateway.url, familyLevel, {}, await as(Role.REGIONAL_OWNER, ["kooperacja"]))).data.coverage as Record<string, any>[];
    expect(owned.length).toBeGreaterThan(0);
    expect(owned.every((row) => row.partnership === "kooperacja")).toBe(true);
    const publicCoverage = await graphql(hub.gateway.url, "{ coverage { indicator } }");
    expect(publicCoverage.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("sums coverage up per partnership, with the sites missing most quarters first, as the regions' tables say", async () => {
    const SUMMARY = `query ($worst: Int) {
      coverageSummary(indicators: ["FAMILIES_SUPPORTED"], worst: $worst) {
        partnership indicator sites sitesWithGaps periodsMissing worst { siteId siteName periodsMissing complete }
      }
    }`;
    const result = await graphql(hub.gateway.url, SUMMARY, { worst: 2 }, analyst);
    expect(result.errors).toBeUndefined();
    const summaries = result.data.coverageSummary as Record<string, any>[];
    expect(summaries.map((summary) => summary.partnership).sort()).toEqual([...PARTNERSHIP_KEYS].sort());
    // The programme's quarters, 2018-Q2 to 2021-Q1, written out here rather than taken from the hub.
    const programme = ["2018-Q2", "2018-Q3", "2018-Q4", ...["2019", "2020"].flatMap((year) => [1, 2, 3, 4].map((q) => `${year}-Q${q}`)), "2021-Q1"];
    const collator = new Intl.Collator("pl");
    for (const partnership of PARTNERSHIP_KEYS) {
      const sites = await query<{ id: string; name: string }>(hub.databaseUrl(partnership), "select id, name from pilot_site where archived_at is null");
      const present = await query<{ site: string; period: string }>(
        hub.databaseUrl(partnership),
        "select distinct site_id as site, period from indicator_value where indicator_id = 'FAMILIES_SUPPORTED' and archived_at is null",
      );
      const missing = sites.map((site) => ({
        siteId: encodeGlobalId(partnership, "PilotSite", site.id),
        siteName: site.name,
        periodsMissing: programme.filter((quarter) => !present.some((entry) => entry.site === site.id && entry.period === quarter)),
      }));
      const gaps = missing.filter((site) => site.periodsMissing.length > 0);
      gaps.sort((a, b) => b.periodsMissing.length - a.periodsMissing.length || collator.compare(a.siteName, b.siteName) || (a.siteId < b.siteId ? -1 : 1));
      const summary = summaries.find((entry) => entry.partnership === partnership)!;
      expect(summary).toMatchObject({
        indicator: "FAMILIES_SUPPORTED",
        sites: sites.length,
        sitesWithGaps: gaps.length,
        periodsMissing: gaps.reduce((sum, site) => sum + site.periodsMissing.length, 0),
      });
      expect(summary.worst).toEqual(gaps.slice(0, 2).map((site) => ({ ...site, complete: false })));
    }
    // The sums are those of the full report, which lists every site.
    const full = (
      await graphql(
        hub.gateway.url,
        `
          {
            coverage(indicators: ["FAMILIES_SUPPORTED"]) {
              partnership
              complete
            }
          }
        `,
        {},
        analyst,
      )
    ).data.coverage as any[];
    for (const summary of summaries) expect(summary.sites).toBe(full.filter((row) => row.partnership === summary.partnership).length);
    const refused = await graphql(hub.gateway.url, SUMMARY, { worst: 501 }, analyst);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "worst" });
    expect((await graphql(hub.gateway.url, SUMMARY, { worst: 1 })).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("names the regions missing from each row when a region is down", async () => {
    await hub.regions.liderzy.stop();
    const national = await graphql(hub.gateway.url, COMPARE, { indicators: ["WORKERS_COACHED"], by: ["MUNICIPALITY_KIND"], grain: "QUARTER" }, analyst);
    expect(national.errors?.some((error) => error.extensions?.code === "SHARD_UNAVAILABLE")).toBe(true);
    expect(national.data.compare.rows.length).toBeGreaterThan(0);
    for (const row of national.data.compare.rows) expect(row.regionsMissing).toEqual(["liderzy"]);
    const byPartnership = await graphql(hub.gateway.url, COMPARE, { indicators: ["WORKERS_COACHED"], by: ["PARTNERSHIP"], grain: "QUARTER" }, analyst);
    expect(byPartnership.data.compare.rows.map((row: any) => [row.partnership, row.regionsMissing])).toEqual([
      ["kooperacja", []],
      ["kooperacje3d", []],
    ]);
  });
});
