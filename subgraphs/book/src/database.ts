import { openDatabase, type Database, type DatabaseSettings } from "@kooperacja/database";
import { join } from "node:path";
import { BookChapter } from "./chapters/book-chapter.entity";
import { ENTITIES } from "./entities";
import { MIGRATIONS } from "./migrations";
import { BookSeeder } from "./seed/book.seeder";

export function openBookDatabase(url: string, options: DatabaseSettings = {}): Promise<Database> {
  return openDatabase({ url, entities: ENTITIES, migrations: MIGRATIONS, migrationsPath: join(__dirname, "migrations"), ...options });
}

/** Seeds the demo drafts on first start; a seeded database is left as it is. */
export async function seedIfEmpty(database: Database): Promise<boolean> {
  const em = database.orm.em.fork();
  if ((await em.count(BookChapter, {})) > 0) return false;
  await em.transactional((tx) => new BookSeeder().run(tx));
  return true;
}
