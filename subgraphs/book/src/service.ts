import { startSubgraphServer, TokenVerifier, type RunningService } from "@kooperacja/shared";
import type { BookConfig } from "./config";
import { createContext } from "./context";
import { openBookDatabase, seedIfEmpty } from "./database";
import { bookSchema } from "./schema";

/** Starts the national recommendation book subgraph: migrate, seed on first start, serve. */
export async function startBookService(config: BookConfig): Promise<RunningService> {
  const database = await openBookDatabase(config.dbPath, config.logSql);
  try {
    if (await seedIfEmpty(database)) console.log(`Seeded the book into ${config.dbPath} (first start).`);
    else if (database.applied.length > 0) console.log(`Migrated ${config.dbPath}: ${database.applied.join(", ")}.`);
    return await startSubgraphServer({
      name: "book",
      schema: await bookSchema(),
      database,
      host: config.host,
      port: config.port,
      verifier: new TokenVerifier(config.auth),
      createContext,
    });
  } catch (error) {
    await database.close();
    throw error;
  }
}
