import { PARTNERSHIPS, RecordKeys } from "@kooperacja/contract";
import { ServiceOperations, startTracing, TokenVerifier, type RunningService } from "@kooperacja/service-kit";
import { startSubgraphServer } from "@kooperacja/subgraph-kit";
import type { DestinationStream } from "pino";
import type { RegionalConfig } from "./config";
import { createContext } from "./context";
import { Histogram } from "prom-client";
import { ensureRollups } from "./analytics/rollups";
import { openRegionalDatabase, seedIfEmpty, syncCatalogue } from "./database";
import { regionalSchema } from "./schema";

/** Starts one regional deployment: migrate, seed on first start, serve. */
export async function startRegionalService(config: RegionalConfig, logTo?: DestinationStream): Promise<RunningService> {
  const name = `regional:${config.partnership}`;
  startTracing(name, config.otlpEndpoint);
  const operations = new ServiceOperations({
    service: name,
    logLevel: config.logLevel,
    logTo,
    metricsToken: config.metricsToken,
    production: config.production,
  });
  const database = await openRegionalDatabase(config.databaseUrl, config.database);
  try {
    await syncCatalogue(database, config.partnership);
    const recordKeys = new RecordKeys(config.recordKeySecret);
    if (await seedIfEmpty(database, { partnership: config.partnership, recordKeys, syntheticScale: config.seedDemo ? config.syntheticScale : null })) {
      operations.logger.info({ database: database.location }, `Seeded ${config.partnership} into ${database.location} (first start).`);
    } else if (database.applied.length > 0) {
      operations.logger.info({ database: database.location, migrations: database.applied }, `Migrated ${database.location}: ${database.applied.join(", ")}.`);
    }
    const built = await ensureRollups(database.orm.em);
    if (built)
      operations.logger.info(
        { database: database.location, cells: built.cells },
        `Built the rollups of ${database.location}: ${built.cells} cells in ${built.seconds.toFixed(1)} s.`,
      );
    const refreshes = new Histogram({
      name: "hub_rollup_refresh_seconds",
      help: "Time a write spent bringing the rollups of the sites it touched up to date, inside its transaction.",
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [operations.registry],
    });
    return await startSubgraphServer({
      name,
      operations,
      settings: config,
      schema: await regionalSchema(),
      database,
      host: config.host,
      port: config.port,
      verifier: new TokenVerifier(config.auth),
      identity: { service: "region", partnership: config.partnership, macroregion: PARTNERSHIPS[config.partnership].macroregion },
      createContext: (em, caller, logger) =>
        createContext({
          partnership: config.partnership,
          em,
          caller,
          suppressionThreshold: config.auth.suppressionThreshold,
          rollups: config.readRollups,
          rollupRefreshed: (seconds) => refreshes.observe(seconds),
          recordKeys,
          logger,
        }),
    });
  } catch (error) {
    await database.close();
    throw error;
  }
}
