import { startSubgraphServer, TokenVerifier, type RunningService } from "@kooperacja/shared";
import type { RegionalConfig } from "./config";
import { createContext } from "./context";
import { openRegionalDatabase, seedIfEmpty, syncCatalogue } from "./database";
import { regionalSchema } from "./schema";

/** Starts one regional deployment: migrate, seed on first start, serve. */
export async function startRegionalService(config: RegionalConfig): Promise<RunningService> {
  const database = await openRegionalDatabase(config.databaseUrl, config.database);
  try {
    await syncCatalogue(database, config.partnership);
    if (await seedIfEmpty(database, config.partnership, config.syntheticScale)) {
      console.log(`Seeded ${config.partnership} into ${database.location} (first start).`);
    } else if (database.applied.length > 0) {
      console.log(`Migrated ${database.location}: ${database.applied.join(", ")}.`);
    }
    return await startSubgraphServer({
      name: `regional:${config.partnership}`,
      schema: await regionalSchema(),
      database,
      host: config.host,
      port: config.port,
      verifier: new TokenVerifier(config.auth),
      createContext: (em, caller) => createContext(config.partnership, em, caller, config.auth.suppressionThreshold),
    });
  } catch (error) {
    await database.close();
    throw error;
  }
}
