import { ServiceOperations, startTracing, TokenVerifier, type RunningService } from "@kooperacja/service-kit";
import { startSubgraphServer } from "@kooperacja/subgraph-kit";
import type { DestinationStream } from "pino";
import type { BookConfig } from "./config";
import { contextFactory } from "./context";
import { HubClient } from "./hub/hub-client";
import { openBookDatabase, seedIfEmpty } from "./database";
import { bookSchema } from "./schema";

/**
 * Starts the national recommendation book subgraph: migrate, seed on first
 * start, serve. `hubUrl` overrides the configured gateway address when the
 * gateway starts after the book (one process, free ports).
 */
export async function startBookService(config: BookConfig, hubUrl: () => string = () => config.hubUrl, logTo?: DestinationStream): Promise<RunningService> {
  startTracing("book", config.otlpEndpoint);
  const operations = new ServiceOperations({
    service: "book",
    logLevel: config.logLevel,
    logTo,
    metricsToken: config.metricsToken,
    production: config.production,
  });
  const database = await openBookDatabase(config.databaseUrl, config.database);
  try {
    if (config.seedDemo && (await seedIfEmpty(database)))
      operations.logger.info({ database: database.location }, `Seeded the book into ${database.location} (first start).`);
    else if (database.applied.length > 0)
      operations.logger.info({ database: database.location, migrations: database.applied }, `Migrated ${database.location}: ${database.applied.join(", ")}.`);
    const verifier = new TokenVerifier(config.auth);
    return await startSubgraphServer({
      name: "book",
      operations,
      settings: config,
      schema: await bookSchema(),
      database,
      host: config.host,
      port: config.port,
      verifier,
      identity: { service: "book" },
      createContext: contextFactory(new HubClient({ url: hubUrl, actFor: (forward) => verifier.actorHeaders(forward) })),
    });
  } catch (error) {
    await database.close();
    throw error;
  }
}
