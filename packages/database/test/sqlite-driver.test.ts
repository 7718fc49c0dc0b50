import { Entity, Enum, MikroORM, PrimaryKey } from "@mikro-orm/core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { HubSqliteDriver } from "../src/sqlite-driver";

enum Stage {
  PLANNED = "PLANNED",
  ACTIVE = "ACTIVE",
  COMPLETED = "COMPLETED",
  WITHDRAWN = "WITHDRAWN",
}

@Entity({ tableName: "stage_probe" })
class StageProbe {
  @PrimaryKey({ type: "string" })
  id!: string;

  @Enum({ items: () => Stage })
  stage!: Stage;

  @Enum({ items: ["it's", "plain"], nullable: true })
  quoted?: string | null;
}

const dir = mkdtempSync(join(tmpdir(), "hub-sqlite-driver-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the SQLite driver's schema helper", () => {
  it("reads a vocabulary column's values back whole, so a schema it created needs no change", async () => {
    const orm = await MikroORM.init({ driver: HubSqliteDriver, dbName: join(dir, "probe.sqlite"), entities: [StageProbe], allowGlobalContext: true });
    try {
      await orm.getSchemaGenerator().createSchema();
      // MikroORM 6.6's own helper read back ['PLANNED', 'WITHDRAWN'] here and wanted the table rebuilt.
      expect(await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false })).toBe("");
      await expect(orm.em.getConnection().execute("insert into stage_probe (id, stage) values ('a', 'PAUSED')")).rejects.toThrow(/CHECK constraint failed/);
    } finally {
      await orm.close(true);
    }
  });
});
