import { hubError, ErrorCode, type PartnershipKey, type RecordKeys } from "@kooperacja/contract";
import { type Database } from "@kooperacja/database";
import type { EntityClass } from "@mikro-orm/core";
import type { SqlEntityManager } from "@mikro-orm/knex";
import { SupportActivity } from "../activities/support-activity.entity";
import { BodyMeeting } from "../bodies/body-meeting.entity";
import { BodyMember } from "../bodies/body-member.entity";
import { CooperationBody } from "../bodies/cooperation-body.entity";
import { ProvenanceKind } from "../common/enums";
import { rebuildRollups } from "../analytics/rollups";
import { seedIfEmpty, syncCatalogue } from "../database";
import { SupportedFamily } from "../families/supported-family.entity";
import { IndicatorValue } from "../indicators/indicator-value.entity";
import { Institution } from "../institutions/institution.entity";
import { PilotSite } from "../sites/pilot-site.entity";
import { TerritorialUnit } from "../territory/territorial-unit.entity";
import { NATIONAL_TABLES, nationalRows, type NationalScale, type NationalTable, type Row } from "./national";

const ENTITY_OF: Record<NationalTable, EntityClass<object>> = {
  territorialUnits: TerritorialUnit,
  pilotSites: PilotSite,
  institutions: Institution,
  cooperationBodies: CooperationBody,
  bodyMembers: BodyMember,
  bodyMeetings: BodyMeeting,
  supportedFamilies: SupportedFamily,
  supportActivities: SupportActivity,
  indicatorValues: IndicatorValue,
};

/** The tables whose rows carry a record key (the cell key method), by table name. */
const KEYED: Partial<Record<NationalTable, string>> = { supportedFamilies: "supported_family", indicatorValues: "indicator_value" };

/**
 * Rows per multi-row INSERT: 1 000 rows of at most 15 columns stay under
 * SQLite's 32 766 and PostgreSQL's 65 535 bound parameters.
 */
const CHUNK = 1000;

export interface NationalSeedReport {
  partnership: PartnershipKey;
  rows: Record<NationalTable, number>;
  totalRows: number;
  seconds: number;
  rowsPerSecond: number;
}

/**
 * Writes the synthetic national data set into one region's shard: the public
 * facts first if the shard is new, then every synthetic row, flagged
 * SYNTHETIC, in one transaction (all or nothing) of multi-row inserts. A shard
 * that already holds the set is refused unless `replace`, which deletes the
 * old set in the same transaction.
 */
export async function seedNational(
  database: Database,
  options: { partnership: PartnershipKey; recordKeys: RecordKeys; scale: NationalScale; seed: number; replace?: boolean },
): Promise<NationalSeedReport> {
  const { partnership, recordKeys, scale, seed } = options;
  await syncCatalogue(database, partnership);
  await seedIfEmpty(database, { partnership, recordKeys, syntheticScale: null });
  const started = performance.now();
  const flags = {
    partnership,
    provenanceKind: ProvenanceKind.SYNTHETIC,
    source: null,
    provenanceNote: `Synthetic national data set, seed ${seed}; not a real observation.`,
    importBatch: null,
  };
  const rows = Object.fromEntries(NATIONAL_TABLES.map((table) => [table, 0])) as Record<NationalTable, number>;

  await database.orm.em.fork().transactional(async (em) => {
    const existing = await em.count(PilotSite, { provenanceKind: ProvenanceKind.SYNTHETIC }, { filters: false });
    if (existing > 0 && !options.replace) {
      throw hubError(
        ErrorCode.CONFLICT,
        `The ${partnership} shard already holds a synthetic national data set (${existing} sites); pass --replace to write it anew.`,
      );
    }
    if (existing > 0) await deleteSynthetic(em as SqlEntityManager);

    const pending = Object.fromEntries(NATIONAL_TABLES.map((table) => [table, [] as Row[]])) as Record<NationalTable, Row[]>;
    // Every table is written in parent-before-child order each time, so a child row never precedes its parent.
    const flush = async () => {
      for (const table of NATIONAL_TABLES) {
        const batch = pending[table];
        const keyTable = KEYED[table];
        for (let start = 0; start < batch.length; start += CHUNK) {
          const chunk = batch
            .slice(start, start + CHUNK)
            .map((row) => ({ ...row, ...flags, ...(keyTable ? { recordKey: recordKeys.of(keyTable, String(row.id)) } : {}) }));
          await em.insertMany(ENTITY_OF[table], chunk as never[]);
        }
        rows[table] += batch.length;
        pending[table] = [];
      }
    };
    for (const batch of nationalRows(partnership, scale, seed)) {
      for (const table of NATIONAL_TABLES) pending[table].push(...batch[table]);
      if (pending.indicatorValues.length >= 20 * CHUNK) await flush();
    }
    await flush();
  });
  // Fresh statistics, so the planner sees the shard at its new size; on PostgreSQL also the visibility map,
  // without which a summary cannot be answered from its covering index alone.
  await database.orm.em.getConnection().execute(database.dialect === "postgresql" ? "vacuum analyze" : "analyze");
  // The aggregates read the rollups: built from the new set, then measured for the planner in turn.
  await rebuildRollups(database.orm.em.fork());
  await database.orm.em.getConnection().execute(`${database.dialect === "postgresql" ? "vacuum analyze" : "analyze"} indicator_rollup`);
  const seconds = (performance.now() - started) / 1000;
  const totalRows = Object.values(rows).reduce((sum, count) => sum + count, 0);
  return { partnership, rows, totalRows, seconds, rowsPerSecond: totalRows / seconds };
}

/** Children before parents; the set's territorial units go last, gminas before their powiats. */
async function deleteSynthetic(em: SqlEntityManager): Promise<void> {
  const where = { provenanceKind: ProvenanceKind.SYNTHETIC };
  for (const table of [...NATIONAL_TABLES].reverse()) {
    if (table === "territorialUnits") {
      await em.nativeDelete(TerritorialUnit, { ...where, level: "GMINA" } as never, { filters: false } as never);
      await em.nativeDelete(TerritorialUnit, where as never, { filters: false } as never);
    } else {
      await em.nativeDelete(ENTITY_OF[table], where as never, { filters: false } as never);
    }
  }
}
