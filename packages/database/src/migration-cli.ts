import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DIALECTS, type Database, type Dialect } from "./database";
import { startTemporaryPostgres } from "./temporary-postgres";

type Open = (url: string) => Promise<Database>;

/**
 * Runs `work` on a scratch database of the dialect, built by the existing
 * migrations: a SQLite file in a temporary directory, or a database on a
 * throw-away PostgreSQL server.
 */
async function onScratchDatabase<T>(dialect: Dialect, open: Open, work: (database: Database) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), "kooperacja-migration-"));
  const server = dialect === "postgresql" ? await startTemporaryPostgres() : undefined;
  try {
    const database = await open(server ? await server.createDatabase("scratch") : join(dir, "scratch.sqlite"));
    try {
      return await work(database);
    } finally {
      await database.close();
    }
  } finally {
    server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Writes a new migration per dialect with the difference between the
 * entities and the schema the existing migrations build, so the SQLite and
 * PostgreSQL sets never diverge by hand.
 */
export async function createMigrationFromEntities(open: Open, name: string): Promise<void> {
  for (const dialect of DIALECTS) {
    const result = await onScratchDatabase(dialect, open, (database) => database.orm.getMigrator().createMigration(undefined, false, false, name));
    console.log(
      result.fileName ? `${dialect}: wrote ${result.fileName} (add it to migrations/index.ts)` : `${dialect}: entities and migrations agree; nothing to write.`,
    );
  }
}

/** True when the entities need a migration the dialect's set does not have yet. */
export function migrationNeeded(dialect: Dialect, open: Open): Promise<boolean> {
  return onScratchDatabase(dialect, open, (database) => database.orm.getMigrator().checkMigrationNeeded());
}
