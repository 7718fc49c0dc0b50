import { PARTNERSHIP_KEYS } from "@kooperacja/contract";
import { maintainRollups } from "@kooperacja/regional";
import { Role } from "@kooperacja/service-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { query } from "../databases";
import { as, databaseEnv, graphql, startTestHub, upload, type ServiceName, type TestHub } from "../helpers";
import { ARCHIVE, CREATE, gid, SITE, UPDATE, WRITE_SAMPLES } from "../write-samples";

/**
 * The rollups against the base tables, through the API: a second hub reads
 * the same databases with READ_ROLLUPS=false, and every aggregate of a
 * matrix (each grouping, grain and kind of filter of compare,
 * indicatorSummary, siteRanking and coverage) must answer both alike, after
 * the seed and after each kind of write. `npm run rollups -- check` (its
 * function) must find no cell that differs from the base tables.
 */

const COMPARE = `query($indicators: [String!]!, $by: [CompareDimension!]!, $grain: PeriodGrain!, $filter: CompareFilter) {
  compare(indicators: $indicators, by: $by, grain: $grain, filter: $filter) {
    rows { indicator macroregion partnership voivodeship voivodeshipName municipalityKind sector period n sum min max mean value families suppressed protection origin }
  }
}`;
const SUMMARY = `query($indicator: String!, $groupBy: [SummaryDimension!]!, $filter: IndicatorValueFilter) {
  indicatorSummary(indicator: $indicator, groupBy: $groupBy, filter: $filter) {
    groups { partnership voivodeship municipalityKind period siteId siteName count sum min max average families suppressed protection origin }
  }
}`;
const RANKING = `query($partnership: String!, $indicator: String!, $filter: CompareFilter) {
  siteRanking(partnership: $partnership, indicator: $indicator, filter: $filter) { rank siteId siteName value n families suppressed protection origin }
}`;
const FAMILY_COUNT = `query ($filter: SupportedFamilyFilter) { supportedFamilies(first: 1, filter: $filter) { totalCount } }`;
const VALUE_COUNT = `query ($filter: IndicatorValueFilter) { indicatorValues(first: 1, filter: $filter) { totalCount } }`;
const COVERAGE = `query($filter: CompareFilter) { coverage(filter: $filter) { partnership siteId indicator periodsReported periodsMissing complete origin } }`;

const REPORTED = [
  "FAMILIES_SUPPORTED",
  "SOCIAL_CONTRACTS_CONCLUDED",
  "BODY_MEETINGS_HELD",
  "WORKERS_COACHED",
  "CONTRACT_GOALS_MET",
  "SCHOOL_OF_COOPERATION_PARTICIPANTS",
];
const RECORDS = [
  "FAMILIES_ENROLLED",
  "FAMILIES_WITH_SOCIAL_CONTRACT",
  "COOPERATION_BODIES",
  "BODY_MEETINGS_RECORDED",
  "INSTITUTIONS_INVOLVED",
  "ACTIVITY_PARTICIPANTS",
];

/** Filters of every kind the cells treat differently: none, places, one quarter, a whole year, spans across years, days inside a quarter. */
const COMPARE_FILTERS = [
  undefined,
  { voivodeships: ["28"] },
  { municipalityKinds: ["URBAN_RURAL"], sectors: ["LABOUR_MARKET", "SOCIAL_ASSISTANCE"] },
  { partnerships: ["kooperacja"] },
  { from: "2019-04-01", to: "2019-06-30" },
  { from: "2019-01-01", to: "2019-12-31" },
  { from: "2019-04-01", to: "2020-03-31" },
  { from: "2018-04-01", to: "2021-03-31" },
  { from: "2019-02-10", to: "2020-08-15" },
  { from: "2020-01-01" },
  { to: "2016-12-31" },
  { teryt: ["2815"], from: "2019-07-01", to: "2019-09-30" },
];
const GROUPINGS: { by: string[]; grain: string; indicators?: string[] }[] = [
  { by: [], grain: "QUARTER" },
  { by: ["PARTNERSHIP"], grain: "QUARTER" },
  { by: ["VOIVODESHIP"], grain: "QUARTER" },
  { by: ["MUNICIPALITY_KIND", "SECTOR"], grain: "QUARTER" },
  { by: ["PERIOD"], grain: "QUARTER" },
  { by: ["PERIOD"], grain: "YEAR" },
  { by: ["MACROREGION", "PERIOD"], grain: "YEAR" },
  { by: ["VOIVODESHIP", "PERIOD"], grain: "MONTH", indicators: RECORDS },
];
const SUMMARY_FILTERS = [
  undefined,
  { periods: ["2019-Q2"] },
  { periods: ["2019-Q2", "2020-Q1"] },
  { periods: ["2019-Q1", "2019-Q2", "2019-Q3", "2019-Q4"] },
  { periodFrom: "2019-Q1", periodTo: "2019-Q4" },
  { periodFrom: "2019-Q3" },
  { periodTo: "2017-Q4" },
  { voivodeships: ["28"], periodFrom: "2020-Q1", periodTo: "2020-Q1" },
];
const SUMMARY_GROUPINGS = [[], ["PARTNERSHIP"], ["SITE"], ["PERIOD"], ["VOIVODESHIP", "PERIOD"], ["MUNICIPALITY_KIND"]];

interface Question {
  label: string;
  document: string;
  variables: Record<string, unknown>;
  role: "owner" | "analyst";
}

function questions(): Question[] {
  const list: Question[] = [];
  for (const grouping of GROUPINGS) {
    for (const filter of COMPARE_FILTERS) {
      const variables = { indicators: grouping.indicators ?? [...REPORTED, ...RECORDS], by: grouping.by, grain: grouping.grain, filter };
      list.push({ label: `compare ${JSON.stringify(variables)}`, document: COMPARE, variables, role: "owner" });
    }
  }
  for (const groupBy of SUMMARY_GROUPINGS) {
    for (const indicator of ["CONTRACT_GOALS_MET", "FAMILIES_SUPPORTED", "WORKERS_COACHED"]) {
      for (const filter of SUMMARY_FILTERS) {
        list.push({
          label: `indicatorSummary ${indicator} ${JSON.stringify({ groupBy, filter })}`,
          document: SUMMARY,
          variables: { indicator, groupBy, filter },
          role: "owner",
        });
      }
    }
  }
  for (const partnership of PARTNERSHIP_KEYS) {
    for (const indicator of ["CONTRACT_GOALS_MET", "FAMILIES_SUPPORTED", "FAMILIES_ENROLLED", "INSTITUTIONS_INVOLVED"]) {
      for (const filter of [undefined, { from: "2019-10-01", to: "2019-12-31" }, { from: "2019-01-01", to: "2020-12-31" }]) {
        list.push({
          label: `siteRanking ${partnership} ${indicator} ${JSON.stringify(filter)}`,
          document: RANKING,
          variables: { partnership, indicator, filter },
          role: "owner",
        });
      }
    }
  }
  for (const filter of [undefined, { from: "2019-01-01", to: "2019-12-31" }, { voivodeships: ["24"] }]) {
    list.push({ label: `coverage ${JSON.stringify(filter)}`, document: COVERAGE, variables: { filter }, role: "owner" });
  }
  // The families connection's totalCount, read from the kept counts (the twin counts the rows).
  for (const filter of [
    undefined,
    { socialContract: true },
    { socialContract: false, cooperationLevels: ["CLIENT", "WORKER"] },
    { cooperationLevels: [] },
    { voivodeships: ["28"], socialContract: true },
    { teryt: ["2815", "1012011"] },
    { partnerships: ["liderzy"] },
    { macroregions: ["II"], cooperationLevels: ["INSTITUTION"] },
  ]) {
    list.push({ label: `supportedFamilies totalCount ${JSON.stringify(filter)}`, document: FAMILY_COUNT, variables: { filter }, role: "owner" });
  }
  // The values connection's totalCount, from the quarter cells for an owner (the twin counts the rows).
  for (const filter of [
    undefined,
    { indicators: ["CONTRACT_GOALS_MET", "FAMILIES_SUPPORTED"] },
    { indicators: [] },
    { periods: ["2019-Q2", "2020-Q1"], voivodeships: ["28"] },
    { periodFrom: "2019-Q3", periodTo: "2020-Q2", teryt: ["2013"] },
    { periodTo: "2017-Q4" },
    { periodFrom: "2019-Q1" },
    { periodFrom: "2018-Q2", periodTo: "2021-Q1", voivodeships: ["20"] },
    { periodFrom: "2019-Q2", periodTo: "2019-Q3" },
    { periodFrom: "2020-Q1", periodTo: "2019-Q4" },
    { periods: ["2019-Q1", "2019-Q2"], periodFrom: "2019-Q2" },
    { macroregions: ["III"], indicators: ["WORKERS_COACHED"] },
  ]) {
    list.push({ label: `indicatorValues totalCount ${JSON.stringify(filter)}`, document: VALUE_COUNT, variables: { filter }, role: "owner" });
  }
  // Protected figures too (they read the family counts and keys): what an analyst may ask.
  for (const by of [[], ["PARTNERSHIP"], ["VOIVODESHIP"], ["MUNICIPALITY_KIND"]]) {
    for (const filter of [
      undefined,
      { from: "2019-04-01", to: "2019-06-30" },
      { from: "2019-01-01", to: "2019-12-31" },
      { from: "2019-01-01", to: "2020-06-30" },
    ]) {
      const variables = { indicators: [...REPORTED, ...RECORDS], by, grain: "QUARTER", filter };
      list.push({ label: `compare as an analyst ${JSON.stringify(variables)}`, document: COMPARE, variables, role: "analyst" });
    }
  }
  return list;
}

/** An answer with its numbers to 12 significant digits: sums of decimals differ in the last bits by the order they were added in. */
function normal(value: unknown): unknown {
  if (typeof value === "number") return Number(value.toPrecision(12));
  if (Array.isArray(value)) return value.map(normal);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, normal(field)]));
  return value;
}

/** Where two answers first differ, for the failure message: a path and both values. */
function firstDifference(a: unknown, b: unknown, path = ""): string | null {
  if (JSON.stringify(a) === JSON.stringify(b)) return null;
  if (a && b && typeof a === "object" && typeof b === "object") {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const found = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
      if (found) return found;
    }
  }
  return `${path}: ${JSON.stringify(a)} from the rollups, ${JSON.stringify(b)} from the base tables`;
}

/** The matrix asks a few hundred questions a minute with one token: more than a client is let. */
const UNLIMITED = { RATE_LIMIT_PER_MINUTE: "1000000" };

/** A hub over the same databases as `hub`, reading the base tables instead of the rollups. */
function baseTwin(hub: TestHub): Promise<TestHub> {
  const services: ServiceName[] = [...PARTNERSHIP_KEYS, "book"];
  return startTestHub({
    ...databaseEnv(Object.fromEntries(services.map((service) => [service, hub.databaseUrl(service)])) as never),
    READ_ROLLUPS: "false",
    ...UNLIMITED,
  });
}

async function sqlStatements(hub: TestHub, question: Question, headers: Record<string, string>): Promise<number> {
  const result = await graphql(hub.gateway.url, question.document, question.variables, { "x-hub-debug": "sql", ...headers });
  return result.extensions?.sqlStatements as number;
}

describe("rollups: every aggregate answers as the base tables do", () => {
  let hub: TestHub;
  let base: TestHub;
  let headers: Record<Question["role"], Record<string, string>>;
  let owner: Record<string, string>;
  const all = questions();

  const expectSameAnswers = async (when: string) => {
    const differing: string[] = [];
    let errors = 0;
    for (const question of all) {
      const [fromRollups, fromBase] = await Promise.all(
        [hub, base].map((target) => graphql(target.gateway.url, question.document, question.variables, headers[question.role])),
      );
      if (fromRollups!.errors) errors++;
      const difference = firstDifference(normal(fromRollups), normal(fromBase));
      if (difference) differing.push(`${question.label.replace(/"indicators":\[[^\]]*\],?/, "")} ${difference}`);
    }
    expect(differing, `${when}: answers that differ`).toEqual([]);
    // Most questions are answered; a few are refused alike (a monthly series, the boundaries), which is compared too.
    expect(errors, when).toBeLessThan(all.length / 10);
    for (const partnership of PARTNERSHIP_KEYS) {
      const check = await maintainRollups(hub.databaseUrl(partnership), "check");
      expect(check.differences, `${when}: ${partnership}'s cells against its base tables`).toEqual([]);
      expect(check.cells).toBeGreaterThan(0);
    }
  };

  beforeAll(async () => {
    hub = await startTestHub(UNLIMITED);
    base = await baseTwin(hub);
    owner = await as(Role.REGIONAL_OWNER, [...PARTNERSHIP_KEYS]);
    headers = { owner, analyst: await as(Role.NATIONAL_ANALYST) };
  }, 120_000);

  afterAll(async () => {
    await base?.close();
    await hub?.close();
  });

  it("on the seeded data", async () => {
    expect(all.length).toBeGreaterThan(200);
    await expectSameAnswers("seeded");
  }, 300_000);

  it("after a region's owner creates, changes and archives each kind of record by form", async () => {
    const write = async (document: string, variables: Record<string, unknown>) => {
      const result = await graphql(hub.gateway.url, document, variables, owner);
      expect(result.errors, document).toBeUndefined();
      return result.data.record as { id: string; version: number };
    };
    for (const sample of WRITE_SAMPLES) {
      const created = await write(CREATE(sample.type), { partnership: "kooperacja", input: sample.input(40) });
      const kept = await write(CREATE(sample.type), { partnership: "kooperacja", input: sample.input(41) });
      const changed = await write(UPDATE(sample.type), { id: kept.id, version: kept.version, input: sample.change(sample.input(41)) });
      expect(changed.version).toBe(kept.version + 1);
      // Archiving a pilot site or a body with live records is refused; the records made here have none.
      await write(ARCHIVE(sample.type), { id: created.id, version: created.version });
    }
    // A family measured per family, and reported figures about families in a programme quarter (the families behind them).
    const family = await write(CREATE("SupportedFamily"), {
      partnership: "kooperacja",
      input: { code: "T-rollup", site: SITE, cooperationLevel: "CLIENT", socialContract: true, startedOn: "2019-04-15" },
    });
    const value = (indicator: string, familyId: string | null, period: string, figure: number) => ({
      indicator: gid("OutcomeIndicator", indicator),
      site: SITE,
      family: familyId,
      period,
      value: figure,
      outsideProgrammePeriod: period > "2021-Q1",
    });
    await write(CREATE("IndicatorValue"), { partnership: "kooperacja", input: value("CONTRACT_GOALS_MET", family.id, "2019-Q2", 40) });
    const later = await write(CREATE("IndicatorValue"), { partnership: "kooperacja", input: value("CONTRACT_GOALS_MET", family.id, "2020-Q3", 70) });
    await write(UPDATE("IndicatorValue"), { id: later.id, version: later.version, input: value("CONTRACT_GOALS_MET", family.id, "2020-Q3", 75) });
    await write(CREATE("IndicatorValue"), { partnership: "kooperacja", input: value("FAMILIES_SUPPORTED", null, "2022-Q1", 12) });
    const [seeded] = await query<{ id: string; version: number }>(
      hub.databaseUrl("kooperacja"),
      "select id, version from indicator_value where indicator_id = 'FAMILIES_SUPPORTED' and site_id = '2815' and period = '2019-Q2'",
    );
    await write(UPDATE("IndicatorValue"), {
      id: gid("IndicatorValue", seeded!.id),
      version: seeded!.version,
      input: value("FAMILIES_SUPPORTED", null, "2019-Q2", 13),
    });
    await expectSameAnswers("after writes by form");
  }, 300_000);

  it("refuses to move a family with live values to another site, leaving it and the figures as they were", async () => {
    const [row] = await query<{ id: string; version: number }>(
      hub.databaseUrl("kooperacja"),
      "select id, version from supported_family where code = 'T-rollup'",
    );
    const [other] = await query<{ id: string }>(
      hub.databaseUrl("kooperacja"),
      "select id from pilot_site where id <> '2815' and archived_at is null order by id",
    );
    const moved = await graphql(
      hub.gateway.url,
      UPDATE("SupportedFamily"),
      {
        id: gid("SupportedFamily", row!.id),
        version: row!.version,
        input: { code: "T-rollup", site: gid("PilotSite", other!.id), cooperationLevel: "CLIENT", socialContract: true, startedOn: "2019-04-15" },
      },
      owner,
    );
    expect(moved.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "site" });
    expect(moved.errors?.[0]?.message).toMatch(/live indicator values at site 2815/);
    const [after] = await query<{ site_id: string; version: number }>(
      hub.databaseUrl("kooperacja"),
      "select site_id, version from supported_family where code = 'T-rollup'",
    );
    expect(after).toEqual({ site_id: "2815", version: row!.version });
  });

  it("after imports of families and of values, and an import that changes nothing", async () => {
    const families = [
      "code;site_teryt;cooperation_level;social_contract;started_on;ended_on",
      ...[1, 2, 3].map((n) => `T-imp-${n};2815;CLIENT;tak;2019-0${n + 3}-01;`),
    ].join("\n");
    const values = [
      "indicator;site_teryt;family_code;period;value",
      ...[1, 2, 3].flatMap((n) => [`CONTRACT_GOALS_MET;2815;T-imp-${n};2019-Q3;${50 + n}`, `CONTRACT_GOALS_MET;2815;T-imp-${n};2020-Q1;${60 + n},5`]),
      "WORKERS_COACHED;2815;;2020-Q4;3",
    ].join("\n");
    const importFile = async (kind: string, file: string) => {
      const result = await upload(
        hub.gateway.url,
        `mutation ($file: Upload!) { importRecords(partnership: "kooperacja", kind: ${kind}, file: $file) { written created updated unchanged } }`,
        file,
        `${kind}.csv`,
        owner,
      );
      expect(result.errors, kind).toBeUndefined();
      return result.data.importRecords;
    };
    expect(await importFile("FAMILIES", families)).toMatchObject({ created: 3 });
    const imported = await importFile("INDICATOR_VALUES", values);
    expect(imported.created + imported.updated).toBe(7);
    expect(await importFile("INDICATOR_VALUES", values)).toMatchObject({ created: 0, unchanged: 7 });
    await expectSameAnswers("after imports");
  }, 300_000);

  it("after archiving values and a family, and an import that brings an archived value back", async () => {
    const url = hub.databaseUrl("kooperacja");
    const archive = async (type: string, table: string, where: string) => {
      for (const row of await query<{ id: string; version: number }>(url, `select id, version from ${table} where ${where} and archived_at is null`)) {
        const result = await graphql(hub.gateway.url, ARCHIVE(type), { id: gid(type, row.id), version: row.version }, owner);
        expect(result.errors).toBeUndefined();
      }
    };
    await archive("IndicatorValue", "indicator_value", "family_id in (select id from supported_family where code = 'T-imp-1')");
    await archive("SupportedFamily", "supported_family", "code = 'T-imp-1'");
    await archive("IndicatorValue", "indicator_value", "indicator_id = 'FAMILIES_SUPPORTED' and site_id = '2815' and period = '2019-Q2'");
    await expectSameAnswers("after archives");
    const back = await upload(
      hub.gateway.url,
      `mutation ($file: Upload!) { importRecords(partnership: "kooperacja", kind: INDICATOR_VALUES, file: $file) { updated } }`,
      "indicator;site_teryt;family_code;period;value\nFAMILIES_SUPPORTED;2815;;2019-Q2;14",
      "back.csv",
      owner,
    );
    expect(back.data?.importRecords).toEqual({ updated: 1 });
    await expectSameAnswers("after an archived value came back");
  }, 300_000);
});

describe("rollups: an aggregate's SQL statements do not grow with the data", () => {
  let tiny: TestHub;
  let small: TestHub;
  let smallBase: TestHub;
  let owner: Record<string, string>;

  beforeAll(async () => {
    tiny = await startTestHub({ SEED_SCALE: "1", ...UNLIMITED });
    small = await startTestHub({ SEED_SCALE: "20", ...UNLIMITED });
    smallBase = await baseTwin(small);
    owner = await as(Role.REGIONAL_OWNER, [...PARTNERSHIP_KEYS]);
  }, 180_000);

  afterAll(async () => {
    await smallBase?.close();
    await small?.close();
    await tiny?.close();
  });

  it("answers the small set as its base tables do, with as many statements as the tiny set, for every question", async () => {
    const [valuesTiny] = await query<{ n: number }>(tiny.databaseUrl("liderzy"), "select count(*) as n from indicator_value");
    const [valuesSmall] = await query<{ n: number }>(small.databaseUrl("liderzy"), "select count(*) as n from indicator_value");
    expect(Number(valuesSmall!.n)).toBeGreaterThan(2 * Number(valuesTiny!.n));
    const differing: string[] = [];
    const growing: string[] = [];
    for (const question of questions().filter((entry) => entry.role === "owner")) {
      const [answer, fromBase] = await Promise.all(
        [small, smallBase].map((target) => graphql(target.gateway.url, question.document, question.variables, owner)),
      );
      const difference = firstDifference(normal(answer), normal(fromBase));
      if (difference) differing.push(`${question.label.replace(/"indicators":\[[^\]]*\],?/, "")} ${difference}`);
      const counts = [await sqlStatements(tiny, question, owner), await sqlStatements(small, question, owner)];
      if (counts[0] !== counts[1]) growing.push(`${question.label}: ${counts.join(" → ")}`);
    }
    expect(differing).toEqual([]);
    expect(growing).toEqual([]);
  }, 600_000);
});
