import { findRows, type Database } from "@kooperacja/database";
import { Role } from "@kooperacja/service-kit";
import { openBookDatabase } from "@kooperacja/book";
import { openRegionalDatabase } from "@kooperacja/regional";
import { ReferenceKind, type EntityMetadata } from "@mikro-orm/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as, startTestHub, upload, type ServiceName, type TestHub } from "../helpers";

/**
 * The read path (loaders and pages) makes rows without MikroORM's hydration
 * and unit of work (packages/database/src/read-rows.ts). Every table of both
 * subgraphs, read both ways after the demo seed and writes of each kind: the
 * same values of the same types, relations as the keys they point at, rows of
 * the entity's class, and nothing left in the identity map.
 */

const FAMILIES =
  "code;site_teryt;cooperation_level;social_contract;started_on;ended_on\nLIGHT-1;2815;CLIENT;tak;2019-06-01;\nLIGHT-2;2815;WORKER;nie;2019-07-01;2020-01-31";

/** A row as compared: each stored property, a relation as the key it points at, a date as its instant. */
function stored(meta: EntityMetadata, row: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const prop of meta.props) {
    if (!prop.fieldNames?.length || prop.kind === ReferenceKind.ONE_TO_MANY || prop.kind === ReferenceKind.MANY_TO_MANY) continue;
    const value = row[prop.name];
    if (prop.kind === ReferenceKind.MANY_TO_ONE || prop.kind === ReferenceKind.ONE_TO_ONE) {
      values[prop.name] = value === null || value === undefined ? value : (value as Record<string, unknown>)[prop.targetMeta!.primaryKeys[0]!];
    } else values[prop.name] = value instanceof Date ? `Date ${value.toISOString()}` : value;
  }
  return values;
}

describe("rows read without the unit of work", () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
    const owner = await as(Role.REGIONAL_OWNER, ["kooperacja"]);
    const imported = await upload(
      hub.gateway.url,
      `mutation ($file: Upload!) { importRecords(partnership: "kooperacja", kind: FAMILIES, file: $file) { written } }`,
      FAMILIES,
      "families.csv",
      owner,
    );
    expect(imported.errors).toBeUndefined();
    expect(imported.data.importRecords.written).toBe(true);
  }, 120_000);
  afterAll(() => hub?.close());

  const services: [ServiceName, (url: string) => Promise<Database>][] = [
    ["kooperacja", (url) => openRegionalDatabase(url)],
    ["book", (url) => openBookDatabase(url)],
  ];
  it.each(services)("in %s, every table reads as MikroORM hydrates it", async (service, open) => {
    const database = await open(hub.databaseUrl(service));
    try {
      const entities = database.orm.getMetadata().getAll();
      const tables = Object.values(entities).filter((meta) => !meta.abstract && !meta.virtual && !meta.embeddable && meta.class);
      expect(tables.length).toBeGreaterThan(5);
      let compared = 0;
      for (const meta of tables) {
        const orderBy = Object.fromEntries(meta.primaryKeys.map((key) => [key, "asc" as const]));
        const hydrated = await database.orm.em.fork().find(meta.class, {}, { orderBy: orderBy as never });
        const em = database.fork("read-rows");
        const light = await findRows(em, meta.class, {}, orderBy);
        expect(
          light.map((row) => stored(meta, row as Record<string, unknown>)),
          meta.className,
        ).toEqual(hydrated.map((row) => stored(meta, row as Record<string, unknown>)));
        for (const row of light) expect(row, meta.className).toBeInstanceOf(meta.class);
        expect(em.getUnitOfWork().getIdentityMap().values(), meta.className).toHaveLength(0);
        compared += light.length;
      }
      // The seed and the import filled the tables: the comparison is over real rows, JSON, booleans and dates among them.
      expect(compared).toBeGreaterThan(service === "book" ? 10 : 100);
    } finally {
      await database.orm.close();
    }
  });

  it("a relation read this way points at a row of its entity's class, by key", async () => {
    const database = await openRegionalDatabase(hub.databaseUrl("kooperacja"));
    try {
      const meta = database.orm.getMetadata().find("SupportedFamily")!;
      const [family] = await findRows(database.fork("read-rows"), meta.class, { code: "LIGHT-2" });
      const site = (family as Record<string, { id: string }>).site!;
      expect(site).toBeInstanceOf(meta.properties.site!.targetMeta!.class);
      expect(site.id).toBe("2815");
      expect(family).toMatchObject({ code: "LIGHT-2", socialContract: false, endedOn: "2020-01-31" });
    } finally {
      await database.orm.close();
    }
  });
});
