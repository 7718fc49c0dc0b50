import { PARTNERSHIP_KEYS } from "@kooperacja/contract";
import { Role } from "@kooperacja/service-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as, graphql, startTestHub, upload, type TestHub } from "../helpers";

/** Reads that go through every part of the read path: pages, nested loaders, aggregates, rankings, coverage, IDs. */
const READS = [
  `{ partnerships { key totalValue { formatted } members { role institution { shortName } } } }`,
  `{ pilotSites(first: 20, orderBy: { field: NAME }) { totalCount pageInfo { hasNextPage endCursor }
      edges { cursor node { id name status unit { teryt municipalityKind parent { name } } families { code cooperationLevel indicatorValues { period value } } } } } }`,
  `{ supportedFamilies(first: 30, orderBy: { field: STARTED_ON }) { totalCount edges { node { code startedOn site { name } } } } }`,
  `{ compare(indicators: ["FAMILIES_SUPPORTED", "WORKERS_COACHED"], by: [PARTNERSHIP, MUNICIPALITY_KIND]) { rows { indicator partnership municipalityKind value n families protection origin } } }`,
  `{ indicatorSummary(indicator: "SOCIAL_CONTRACTS_CONCLUDED", groupBy: [PARTNERSHIP, PERIOD]) { groups { partnership period n sum min max mean families protection } } }`,
  `{ siteRanking(partnership: "kooperacje3d", indicator: "WORKERS_COACHED") { rank siteName n families protection origin } }`,
  `{ coverage(indicators: ["FAMILIES_SUPPORTED"]) { partnership siteName periodsReported periodsMissing complete origin } }`,
];

const FAMILIES =
  "code;site_teryt;cooperation_level;social_contract;started_on;ended_on\nBIND-1;2815;CLIENT;tak;2019-06-01;\nBIND-2;2815;WORKER;nie;2019-07-01;2020-01-31";
const IMPORT = `mutation ($file: Upload!) { importRecords(partnership: "kooperacja", kind: FAMILIES, file: $file) { written created } }`;
const IMPORTED = `{ supportedFamilies(filter: { partnerships: ["kooperacja"] }, first: 100, orderBy: { field: CODE }) { edges { node { code cooperationLevel startedOn endedOn } } } }`;

/**
 * The hub on better-sqlite3 (SQLITE_BINDING, decision 0021) answers exactly what it answers on node-sqlite3: the same
 * migrations, seed, reads and writes, from two hubs seeded alike.
 */
describe("the SQLite binding", () => {
  let sqlite3: TestHub;
  let better: TestHub;
  let reader: Record<string, string>;
  let owner: Record<string, string>;
  beforeAll(async () => {
    [sqlite3, better] = await Promise.all([startTestHub({ SQLITE_BINDING: "sqlite3" }), startTestHub({ SQLITE_BINDING: "better-sqlite3" })]);
    // The owner of every partnership reads the family rows and the exact figures: the most the read path returns.
    reader = await as(Role.REGIONAL_OWNER, [...PARTNERSHIP_KEYS]);
    owner = await as(Role.REGIONAL_OWNER, ["kooperacja"]);
  });
  afterAll(async () => {
    await sqlite3?.close();
    await better?.close();
  });

  it("is the one each hub's regions and book say they read with (their readiness details)", async () => {
    for (const [hub, binding] of [
      [sqlite3, "sqlite3"],
      [better, "better-sqlite3"],
    ] as const) {
      for (const service of [...Object.values(hub.regions), hub.book]) {
        const ready = (await (await fetch(new URL("health/ready", service.url))).json()) as { database: { dialect: string; binding?: string } };
        expect(ready.database, service.name).toMatchObject({ dialect: "sqlite", binding });
      }
    }
  });

  it.each(READS.map((query) => [query.slice(0, 60).replace(/\s+/g, " "), query]))("answers %s… alike on both", async (_name, query) => {
    const [one, other] = await Promise.all([graphql(sqlite3.gateway.url, query, {}, reader), graphql(better.gateway.url, query, {}, reader)]);
    expect(one.errors).toBeUndefined();
    expect(other.errors).toBeUndefined();
    expect(other.data).toEqual(one.data);
  });

  it("writes an import alike on both, and reads it back", async () => {
    for (const hub of [sqlite3, better]) {
      const imported = await upload(hub.gateway.url, IMPORT, FAMILIES, "families.csv", owner);
      expect(imported.errors).toBeUndefined();
      expect(imported.data.importRecords).toEqual({ written: true, created: 2 });
    }
    const [one, other] = await Promise.all([graphql(sqlite3.gateway.url, IMPORTED, {}, owner), graphql(better.gateway.url, IMPORTED, {}, owner)]);
    expect(one.errors).toBeUndefined();
    expect(other.data).toEqual(one.data);
    expect(other.data.supportedFamilies.edges.map((edge: { node: { code: string } }) => edge.node.code)).toEqual(expect.arrayContaining(["BIND-1", "BIND-2"]));
  });

  it("refuses an unknown binding by name when the service starts", async () => {
    await expect(startTestHub({ SQLITE_BINDING: "libsql" })).rejects.toThrow(/SQLITE_BINDING must be one of sqlite3, better-sqlite3/);
  });
});
