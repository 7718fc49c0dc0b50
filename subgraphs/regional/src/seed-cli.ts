import "reflect-metadata";
import { isPartnershipKey, PARTNERSHIP_KEYS, RecordKeys, type PartnershipKey } from "@kooperacja/contract";
import { parseArgs } from "node:util";
import { regionalConfig } from "./config";
import { openRegionalDatabase } from "./database";
import { NATIONAL_SCALES } from "./seed/national";
import { seedNational, type NationalSeedReport } from "./seed/national.seeder";

const USAGE = `usage: npm run seed:synthetic -- --scale <${Object.keys(NATIONAL_SCALES).join("|")}> [--seed N] [--partnership KEY]... [--replace]`;

/**
 * `npm run seed:synthetic -- --scale national --seed 1`: fills each regional
 * shard of this machine's configuration (the databases `npm start` uses, or
 * <PARTNERSHIP>_DATABASE_URL) with its macroregion's share of the synthetic
 * national data set, the three shards side by side, and reports rows per second.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scale: { type: "string", default: "national" },
      seed: { type: "string", default: "1" },
      partnership: { type: "string", multiple: true },
      replace: { type: "boolean", default: false },
    },
  });
  const scale = NATIONAL_SCALES[values.scale!];
  const seed = Number(values.seed);
  const partnerships = values.partnership ?? [...PARTNERSHIP_KEYS];
  const unknown = partnerships.filter((key) => !isPartnershipKey(key));
  if (!scale || !Number.isSafeInteger(seed) || unknown.length > 0) {
    const problem = !scale
      ? `unknown scale ${JSON.stringify(values.scale)}`
      : unknown.length > 0
        ? `unknown partnership ${unknown.join(", ")}`
        : `--seed must be an integer`;
    throw new UsageError(`${problem}\n${USAGE}`);
  }

  const started = performance.now();
  const reports = await Promise.all(
    (partnerships as PartnershipKey[]).map(async (partnership) => {
      const config = regionalConfig(partnership);
      const database = await openRegionalDatabase(config.databaseUrl, config.database);
      try {
        const report = await seedNational(database, { partnership, recordKeys: new RecordKeys(config.recordKeySecret), scale, seed, replace: values.replace });
        console.log(`${partnership} (${database.location}): ${describe(report)}`);
        return report;
      } finally {
        await database.close();
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const families = reports.reduce((sum, report) => sum + report.rows.supportedFamilies, 0);
  const indicatorValues = reports.reduce((sum, report) => sum + report.rows.indicatorValues, 0);
  const rows = reports.reduce((sum, report) => sum + report.totalRows, 0);
  console.log(
    `Synthetic national data set (scale ${values.scale}, seed ${seed}): ${families.toLocaleString("en")} families, ${indicatorValues.toLocaleString("en")} indicator values, ` +
      `${rows.toLocaleString("en")} rows in ${seconds.toFixed(1)} s (${Math.round(rows / seconds).toLocaleString("en")} rows/s).`,
  );
}

function describe(report: NationalSeedReport): string {
  const tables = Object.entries(report.rows)
    .map(([table, count]) => `${table} ${count}`)
    .join(", ");
  return `${report.totalRows} rows in ${report.seconds.toFixed(1)} s (${Math.round(report.rowsPerSecond)} rows/s): ${tables}`;
}

class UsageError extends Error {}

main().catch((error: Error) => {
  console.error(error.message);
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
