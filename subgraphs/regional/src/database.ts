import { openDatabase, type Database, type PartnershipKey } from "@kooperacja/shared";
import { join } from "node:path";
import { ENTITIES } from "./entities";
import { MIGRATIONS } from "./migrations";
import { Partnership } from "./partnerships/partnership.entity";
import { RegionalSeeder } from "./seed/regional.seeder";

export function openRegionalDatabase(dbPath: string, logSql = false): Promise<Database> {
  return openDatabase({ dbPath, entities: ENTITIES, migrations: MIGRATIONS, migrationsPath: join(__dirname, "migrations"), logSql });
}

/** Seeds the region's public facts and demo data on first start; a seeded database is left as it is. */
export async function seedIfEmpty(database: Database, partnership: PartnershipKey, syntheticScale: number): Promise<boolean> {
  const em = database.orm.em.fork();
  if ((await em.count(Partnership, {})) > 0) return false;
  await em.transactional((tx) => new RegionalSeeder(partnership, syntheticScale).run(tx));
  return true;
}
