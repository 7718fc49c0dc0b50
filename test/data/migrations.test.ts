import { encodeBookId } from "@kooperacja/contract";
import { Role } from "@kooperacja/service-kit";
import { MikroORM } from "@mikro-orm/sqlite";
import { Migrator } from "@mikro-orm/migrations";
import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INDICATOR_CATALOGUE, openRegionalDatabase } from "@kooperacja/regional";
import { ENTITIES } from "../../subgraphs/regional/src/entities";
import { MIGRATIONS } from "../../subgraphs/regional/src/migrations";
import { ENTITIES as BOOK_ENTITIES } from "../../subgraphs/book/src/entities";
import { MIGRATIONS as BOOK_MIGRATIONS } from "../../subgraphs/book/src/migrations";
import { query, run } from "../databases";
import { as, graphql, startTestHub, type TestHub } from "../helpers";
import { gid } from "../write-samples";

const ROOT = resolve(__dirname, "../..");
const LATEST = MIGRATIONS.sqlite[MIGRATIONS.sqlite.length - 1]!.name;
// The release before analytics: its institutions had no sector and its catalogue fewer indicators. Every
// migration since (AnalyticsCatalogue, SummaryIndex, ...) must bring such a database up to date.
const PREVIOUS = "Migration20261125055056_RegionalWrites";

/** A regional database as the previous release left it: its migrations up to PREVIOUS, and a pilot site in that schema. */
async function previousReleaseDatabase(path: string): Promise<void> {
  const orm = await MikroORM.init({
    dbName: path,
    entities: ENTITIES,
    extensions: [Migrator],
    migrations: { migrationsList: MIGRATIONS.sqlite, transactional: true, silent: true },
    allowGlobalContext: true,
  });
  try {
    await orm.getMigrator().up({ to: PREVIOUS });
  } finally {
    await orm.close(true);
  }
  await run(path, [
    [
      "insert into territorial_unit (id, partnership, provenance_kind, teryt, name, level, municipality_kind) values (?, ?, ?, ?, ?, ?, ?)",
      ["0401011", "kooperacja", "REFERENCE_DATA", "0401011", "Stara Gmina", "GMINA", "URBAN"],
    ],
    [
      "insert into pilot_site (id, partnership, provenance_kind, name, unit_id, status, joined_on) values (?, ?, ?, ?, ?, ?, ?)",
      ["0401011", "kooperacja", "REFERENCE_DATA", "Gmina Stara", "0401011", "ACTIVE", "2019-01-10"],
    ],
    // Stored before institutions had a sector and the catalogue had more than its first indicators.
    [
      "insert into institution (id, partnership, provenance_kind, name, short_name, kind) values (?, ?, ?, ?, ?, ?)",
      ["ops-stara", "kooperacja", "REFERENCE_DATA", "Ośrodek Pomocy Społecznej w Starej", "OPS Stara", "OPS"],
    ],
    [
      "insert into outcome_indicator (id, partnership, provenance_kind, code, name, unit, definition, level, about_families) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      ["FAMILIES_SUPPORTED", "kooperacja", "REFERENCE_DATA", "FAMILIES_SUPPORTED", "Families supported", "families", "An older definition.", "SITE", 1],
    ],
    // Families and a value stored before records had keys (the cell key method).
    ...["old-1", "old-2", "old-3"].map((family): [string, unknown[]] => [
      "insert into supported_family (id, partnership, provenance_kind, code, site_id, cooperation_level, social_contract, started_on) values (?, ?, ?, ?, ?, ?, ?, ?)",
      [family, "kooperacja", "ENTERED", family, "0401011", "CLIENT", 1, "2019-02-01"],
    ]),
    [
      "insert into indicator_value (id, partnership, provenance_kind, indicator_id, site_id, period, value) values (?, ?, ?, ?, ?, ?, ?)",
      ["old-value", "kooperacja", "ENTERED", "FAMILIES_SUPPORTED", "0401011", "2019-Q1", 3],
    ],
  ]);
}

describe("migrations: a database of the previous release", () => {
  let dir: string;
  let hub: TestHub;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "kooperacja-migrate-"));
    await previousReleaseDatabase(join(dir, "old.sqlite"));
  });
  afterAll(async () => {
    await hub?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("is brought up to date by npm run migrate, which reports what it applied and then that all is up to date", async () => {
    const path = join(dir, "for-cli.sqlite");
    copyFileSync(join(dir, "old.sqlite"), path);
    const migrate = () =>
      promisify(execFile)(process.execPath, ["-r", "@swc-node/register", "hub/src/cli/migrate-cli.ts"], {
        cwd: ROOT,
        env: { ...process.env, DATA_DIR: join(dir, "cli-data"), KOOPERACJA_DATABASE_URL: path },
      });
    const first = await migrate();
    const since = MIGRATIONS.sqlite.slice(MIGRATIONS.sqlite.findIndex((migration) => migration.name === PREVIOUS) + 1).map((migration) => migration.name);
    expect(first.stdout).toContain(`kooperacja (${path}): applied ${since.join(", ")}\n`);
    expect((await migrate()).stdout).toContain(`kooperacja (${path}): up to date`);
    const applied = await query<{ name: string }>(path, "select name from mikro_orm_migrations order by id");
    expect(applied.map((row) => row.name)).toEqual(MIGRATIONS.sqlite.map((migration) => migration.name));
  });

  it("is migrated with foreign keys off (a rebuilt table's rows are pointed at), then opened with every key checked and enforced", async () => {
    const path = join(dir, "for-keys.sqlite");
    copyFileSync(join(dir, "old.sqlite"), path);
    const database = await openRegionalDatabase(path);
    try {
      expect(database.applied.length).toBeGreaterThan(0);
      expect(await database.orm.em.getConnection().execute("pragma foreign_keys")).toEqual([{ foreign_keys: 1 }]);
    } finally {
      await database.close();
    }
    // The families and the value that point at the rebuilt site and indicator tables are still there.
    expect(await query(path, "select count(*) as n from supported_family where site_id = '0401011'")).toEqual([{ n: 3 }]);
    expect(await query(path, "select indicator_id, site_id from indicator_value where id = 'old-value'")).toEqual([
      { indicator_id: "FAMILIES_SUPPORTED", site_id: "0401011" },
    ]);
  });

  it("keeps the query planner's statistics of the tables a migration rebuilt (ANALYZE again)", async () => {
    const path = join(dir, "for-statistics.sqlite");
    copyFileSync(join(dir, "old.sqlite"), path);
    // As the national seed leaves a shard: analyzed, so the aggregates get their plans.
    await run(path, [["analyze", []]]);
    const analyzed = async () => (await query<{ tbl: string }>(path, "select distinct tbl from sqlite_stat1 order by tbl")).map((row) => row.tbl);
    const before = await analyzed();
    expect(before).toEqual(expect.arrayContaining(["pilot_site", "supported_family", "outcome_indicator", "indicator_value"]));
    const database = await openRegionalDatabase(path);
    await database.close();
    expect(await analyzed()).toEqual(expect.arrayContaining(before));
    // And an index a migration added (the summaries' covering index, SummaryIndexOrigin) has its own.
    const indexes = await query<{ name: string }>(
      path,
      "select name from sqlite_master where type = 'index' and tbl_name = 'indicator_value' and name not like 'sqlite_%'",
    );
    const withStatistics = (await query<{ idx: string }>(path, "select idx from sqlite_stat1 where tbl = 'indicator_value'")).map((row) => row.idx);
    expect(withStatistics).toEqual(expect.arrayContaining(indexes.map((index) => index.name)));
  });

  it("is migrated when a service starts on it, keeping its rows, which then take versioned writes", async () => {
    const path = join(dir, "old.sqlite");
    hub = await startTestHub({ KOOPERACJA_DATABASE_URL: path });
    const applied = await query<{ name: string }>(path, "select name from mikro_orm_migrations order by id");
    expect(applied.map((row) => row.name)).toContain(LATEST);

    const owner = await as(Role.REGIONAL_OWNER, ["kooperacja"]);
    const id = gid("PilotSite", "0401011");
    const old = await graphql(
      hub.gateway.url,
      `
        query ($id: ID!) {
          node(id: $id) {
            ... on PilotSite {
              name
              version
              joinedOn
              provenance {
                kind
              }
            }
          }
        }
      `,
      { id },
      owner,
    );
    expect(old.data.node).toEqual({ name: "Gmina Stara", version: 1, joinedOn: "2019-01-10", provenance: { kind: "REFERENCE_DATA" } });

    const updated = await graphql(
      hub.gateway.url,
      `
        mutation ($id: ID!) {
          updatePilotSite(id: $id, version: 1, input: { teryt: "0401011", name: "Gmina Stara i Nowa", status: ACTIVE, joinedOn: "2019-01-10" }) {
            name
            version
            provenance {
              kind
              history {
                action
                before
              }
            }
          }
        }
      `,
      { id },
      owner,
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data.updatePilotSite).toMatchObject({ name: "Gmina Stara i Nowa", version: 2, provenance: { kind: "REFERENCE_DATA" } });
    expect(updated.data.updatePilotSite.provenance.history[0].before.name).toBe("Gmina Stara");

    // The institution got the sector its kind implies; the catalogue was brought in line with the code.
    const institution = await graphql(
      hub.gateway.url,
      `
        query ($id: ID!) {
          institution(id: $id) {
            shortName
            sector
          }
        }
      `,
      { id: gid("Institution", "ops-stara") },
    );
    expect(institution.data.institution).toEqual({ shortName: "OPS Stara", sector: "SOCIAL_ASSISTANCE" });
    // Records from before the cell key method got keys of their own, each its own, kept from now on.
    const keys = await query<{ key: number }>(
      path,
      "select record_key as key from supported_family where id like 'old-%' union all select record_key from indicator_value where id = 'old-value'",
    );
    expect(keys).toHaveLength(4);
    expect(new Set(keys.map((row) => Number(row.key))).size).toBe(4);
    const catalogue = await graphql(
      hub.regions.kooperacja.url,
      `
        {
          indicators {
            code
            definition
            basis
          }
        }
      `,
    );
    expect(catalogue.data.indicators.map((indicator: { code: string }) => indicator.code)).toEqual(INDICATOR_CATALOGUE.map((entry) => entry.code).sort());
    expect(catalogue.data.indicators.find((indicator: { code: string }) => indicator.code === "FAMILIES_SUPPORTED").definition).toBe(
      INDICATOR_CATALOGUE[0]!.definition,
    );
  });
});

describe("migrations: the book's database of the release before the workflow", () => {
  let dir: string;
  let hub: TestHub;
  afterAll(async () => {
    await hub?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("keeps its chapters and adopted recommendations, which then take the workflow", async () => {
    dir = mkdtempSync(join(tmpdir(), "kooperacja-migrate-book-"));
    const path = join(dir, "book.sqlite");
    const orm = await MikroORM.init({
      dbName: path,
      entities: BOOK_ENTITIES,
      extensions: [Migrator],
      migrations: { migrationsList: BOOK_MIGRATIONS.sqlite, transactional: true, silent: true },
      allowGlobalContext: true,
    });
    try {
      await orm.getMigrator().up({ to: BOOK_MIGRATIONS.sqlite[0]!.name });
    } finally {
      await orm.close(true);
    }
    await run(path, [
      [
        "insert into book_chapter (id, number, title, summary, demo) values (?, ?, ?, ?, ?)",
        ["old", 1, "Rozdział sprzed zmian", "Stored by the previous release.", 0],
      ],
      [
        "insert into recommendation (id, chapter_id, number, title, text, status, target_municipality_kinds, demo) values (?, ?, ?, ?, ?, ?, ?, ?)",
        ["old-1", "old", 1, "Przyjęta wcześniej", "Adopted before the workflow existed.", "ADOPTED", "[]", 0],
      ],
    ]);
    hub = await startTestHub({ BOOK_DATABASE_URL: path });
    const id = encodeBookId("Recommendation", "old-1");
    const result = await graphql(
      hub.gateway.url,
      `
        query ($id: ID!) {
          recommendation(id: $id) {
            title
            status
            version
            targetSectors
            comparisons {
              id
            }
          }
        }
      `,
      { id },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.recommendation).toEqual({ title: "Przyjęta wcześniej", status: "ADOPTED", version: 1, targetSectors: [], comparisons: [] });
    const history = await graphql(
      hub.gateway.url,
      `
        query ($id: ID!) {
          recommendation(id: $id) {
            history {
              action
            }
          }
        }
      `,
      { id },
      await as(Role.NATIONAL_ANALYST),
    );
    expect(history.data.recommendation.history).toEqual([]);
  });
});
