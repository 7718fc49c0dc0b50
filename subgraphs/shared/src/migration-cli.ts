import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Database } from "./database";

/**
 * Writes a new migration with the difference between the entities and the
 * schema the existing migrations build, applied to a scratch database.
 */
export async function createMigrationFromEntities(open: (dbPath: string) => Promise<Database>, name: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "kooperacja-migration-"));
  const database = await open(join(dir, "scratch.sqlite"));
  try {
    const result = await database.orm.getMigrator().createMigration(undefined, false, false, name);
    console.log(result.fileName ? `Wrote ${result.fileName}` : "Entities and migrations agree; nothing to write.");
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** True when the entities need a migration the code does not have yet. */
export async function migrationNeeded(open: (dbPath: string) => Promise<Database>): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), "kooperacja-migration-"));
  const database = await open(join(dir, "scratch.sqlite"));
  try {
    return await database.orm.getMigrator().checkMigrationNeeded();
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
