import { type PartnershipKey, type RecordKeys } from "@kooperacja/contract";
import { openDatabase, type Database, type DatabaseSettings } from "@kooperacja/database";
import { join } from "node:path";
import { checkRollups, rebuildRollups, type RollupDifference } from "./analytics/rollups";
import { ENTITIES } from "./entities";
import { MIGRATIONS } from "./migrations";
import { Partnership } from "./partnerships/partnership.entity";
import { ProvenanceKind } from "./common/enums";
import { OutcomeIndicator } from "./indicators/outcome-indicator.entity";
import { INDICATOR_CATALOGUE } from "./seed/indicator-catalogue";
import { RegionalSeeder } from "./seed/regional.seeder";

export function openRegionalDatabase(url: string, options: DatabaseSettings = {}): Promise<Database> {
  return openDatabase({ url, entities: ENTITIES, migrations: MIGRATIONS, migrationsPath: join(__dirname, "migrations"), ...options });
}

/** Seeds the region's public facts and (with `syntheticScale`) demo data on first start; a seeded database is left as it is. */
export async function seedIfEmpty(
  database: Database,
  options: { partnership: PartnershipKey; recordKeys: RecordKeys; syntheticScale: number | null },
): Promise<boolean> {
  const em = database.orm.em.fork();
  if ((await em.count(Partnership, {})) > 0) return false;
  await em.transactional((tx) => new RegionalSeeder(options).run(tx));
  return true;
}

/**
 * Brings the shard's indicator catalogue in line with the code, on every
 * start: the codes must be the same in every shard for comparisons to add up,
 * and a catalogue grown in a new release reaches databases seeded by an older one.
 * Returns the codes added or changed.
 */
export async function syncCatalogue(database: Database, partnership: PartnershipKey): Promise<string[]> {
  const em = database.orm.em.fork();
  const stored = new Map((await em.find(OutcomeIndicator, {}, { filters: false })).map((row) => [row.id, row]));
  const changed: string[] = [];
  for (const entry of INDICATOR_CATALOGUE) {
    const fields = { ...entry, reportedBy: [...entry.reportedBy] };
    const row = stored.get(entry.code);
    if (!row) {
      em.create(OutcomeIndicator, {
        id: entry.code,
        ...fields,
        partnership,
        provenanceKind: ProvenanceKind.REFERENCE_DATA,
        source: null,
        provenanceNote: "Indicator catalogue shared by the three models, defined by the hub team.",
      });
      changed.push(entry.code);
    } else if (Object.entries(fields).some(([name, value]) => JSON.stringify(row[name as keyof OutcomeIndicator]) !== JSON.stringify(value))) {
      em.assign(row, fields);
      changed.push(entry.code);
    }
  }
  await em.flush();
  return changed;
}

/**
 * `npm run rollups -- check|rebuild`: the rollups of one region's database
 * checked against its base tables, or built anew from them (after rows were
 * written behind the hub's back, with SQL; the hub's own writes keep them current).
 */
export async function maintainRollups(url: string, action: "check" | "rebuild"): Promise<{ cells: number; differences: RollupDifference[]; seconds: number }> {
  const database = await openRegionalDatabase(url);
  try {
    const started = performance.now();
    const result = action === "rebuild" ? { ...(await rebuildRollups(database.orm.em.fork())), differences: [] } : await checkRollups(database.orm.em);
    return { cells: result.cells, differences: result.differences, seconds: (performance.now() - started) / 1000 };
  } finally {
    await database.close();
  }
}
