import { DefaultLogger, MikroORM, type LogContext, type LoggerOptions, type Options } from "@mikro-orm/core";
import { SqlEntityManager, type AbstractSqlConnection } from "@mikro-orm/knex";
import { Migrator } from "@mikro-orm/migrations";
import { PostgreSqlDriver } from "@mikro-orm/postgresql";
import { SeedManager } from "@mikro-orm/seeder";
import { DEFAULT_SQLITE_BINDING, type SqliteBinding } from "@kooperacja/service-kit";
import { HubBetterSqliteDriver, HubSqliteDriver } from "./sqlite-driver";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * Counts the SQL statements each request issues. The count is how the hub
 * proves that a nested query costs a fixed number of statements however many
 * rows it returns; it is cheap enough to keep on in production.
 */
export class StatementCounter {
  private readonly counts = new Map<string, number>();

  begin(requestId: string): void {
    this.counts.set(requestId, 0);
  }

  record(requestId: unknown): void {
    if (typeof requestId !== "string") return;
    const current = this.counts.get(requestId);
    if (current !== undefined) this.counts.set(requestId, current + 1);
  }

  /** Returns the count and forgets the request. */
  end(requestId: string): number {
    const count = this.counts.get(requestId) ?? 0;
    this.counts.delete(requestId);
    return count;
  }
}

class CountingLogger extends DefaultLogger {
  constructor(
    options: LoggerOptions,
    private readonly counter: StatementCounter,
  ) {
    super(options);
  }

  override logQuery(context: { query: string } & LogContext): void {
    this.counter.record(context.requestId);
    super.logQuery(context);
  }
}

/**
 * The EntityManager of every service: a raw statement (`em.execute`, the
 * aggregates' and rollups' SQL) carries the request's logger context as the
 * ORM's own statements do, so the request's statement count includes it.
 * MikroORM passes no context to `execute` unless the caller gives one.
 */
export class CountedEntityManager extends SqlEntityManager {
  override execute<T = unknown>(...[query, params = [], method = "all", loggerContext]: Parameters<SqlEntityManager["execute"]>): Promise<T> {
    return super.execute(query, params, method, loggerContext ?? this.getLoggerContext()) as Promise<T>;
  }
}

/** The two databases a service runs on: SQLite embedded (the default), PostgreSQL in production. */
export type Dialect = "sqlite" | "postgresql";
export const DIALECTS: readonly Dialect[] = ["sqlite", "postgresql"];

/** A PostgreSQL URL (postgres:// or postgresql://) selects PostgreSQL; anything else is a SQLite file path (or ":memory:"). */
export function dialectOf(url: string): Dialect {
  return /^postgres(ql)?:\/\//i.test(url) ? "postgresql" : "sqlite";
}

/** The URL with its password blanked, for logs and messages. */
export function redactUrl(url: string): string {
  return dialectOf(url) === "postgresql" ? url.replace(/(\/\/[^:/@]+):[^@]*@/, "$1:***@") : url;
}

type MigrationList = NonNullable<NonNullable<Options["migrations"]>["migrationsList"]>;

export interface DatabaseOptions {
  /** A PostgreSQL URL, or a SQLite file path or ":memory:". */
  url: string;
  entities: NonNullable<Options["entities"]>;
  /** One migration set per dialect, both generated from the same entities. */
  migrations: Record<Dialect, MigrationList>;
  /** Folder holding a `sqlite/` and a `postgresql/` folder, for `createMigration` when a developer generates a new migration. */
  migrationsPath: string;
  /** Print SQL to stderr (env SQL_LOG=1). */
  logSql?: boolean;
  /** Most connections a PostgreSQL pool opens (DB_POOL_MAX). */
  poolMax?: number;
  /** The native binding a SQLite database is read with (SQLITE_BINDING; default better-sqlite3, decision 0021). */
  sqliteBinding?: SqliteBinding;
  /** Run pending migrations on open (services do; the readiness check and tools may not). */
  migrate?: boolean;
}

/** What a service's configuration says about its database, beside the URL. */
export type DatabaseSettings = Pick<DatabaseOptions, "logSql" | "poolMax" | "migrate" | "sqliteBinding">;

/** How busy the connection pool is, for the metrics. */
export interface PoolUsage {
  used: number;
  free: number;
  pending: number;
  max: number;
}

export interface Database {
  orm: MikroORM;
  dialect: Dialect;
  /** On SQLite, the native binding it is read with (SQLITE_BINDING). */
  binding?: SqliteBinding;
  /** Where it is, password blanked. */
  location: string;
  counter: StatementCounter;
  /** Migrations this open applied (an older database is brought up to date before anything reads it). */
  applied: string[];
  /** A per-request EntityManager whose statements are counted under requestId. */
  fork(requestId: string): SqlEntityManager;
  /** Whether the database answers and every migration of the code is applied; a reason when not. */
  readiness(): Promise<{ ready: boolean; reason?: string }>;
  pool(): PoolUsage;
  close(): Promise<void>;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const dialect = dialectOf(options.url);
  if (dialect === "sqlite" && options.url !== ":memory:") mkdirSync(dirname(options.url), { recursive: true });
  const counter = new StatementCounter();
  const poolMax = options.poolMax ?? 10;
  const location = redactUrl(options.url);
  const failed = (error: unknown) =>
    new Error(`Database ${location} cannot be used: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`, { cause: error });
  const binding = options.sqliteBinding ?? DEFAULT_SQLITE_BINDING;
  const sqliteDriver = binding === "sqlite3" ? HubSqliteDriver : HubBetterSqliteDriver;
  const orm = await MikroORM.init<HubSqliteDriver | HubBetterSqliteDriver | PostgreSqlDriver>({
    ...((dialect === "postgresql"
      ? { driver: PostgreSqlDriver, clientUrl: options.url, pool: { min: 0, max: poolMax } }
      : // One SQLite connection: the file is the lock, and a second connection would wait on it.
        { driver: sqliteDriver, dbName: options.url, pool: { min: 1, max: 1 } }) as Options<HubSqliteDriver | HubBetterSqliteDriver | PostgreSqlDriver>),
    entities: options.entities,
    // The driver makes every EntityManager (and fork) of this class; its typing wants one per driver.
    entityManager: CountedEntityManager as never,
    extensions: [Migrator, SeedManager],
    migrations: {
      migrationsList: options.migrations[dialect],
      path: join(options.migrationsPath, dialect),
      transactional: true,
      allOrNothing: true,
      emit: "ts",
      snapshot: false,
      silent: true,
    },
    debug: options.logSql ? ["query", "query-params"] : false,
    loggerFactory: (loggerOptions) => new CountingLogger(loggerOptions, counter),
    allowGlobalContext: false,
    discovery: { warnWhenNoEntities: true },
  }).catch((error: unknown) => {
    throw failed(error);
  });
  try {
    if (dialect === "sqlite") {
      // WAL lets readers run while a writer works, and survives a crash mid-write.
      if (options.url !== ":memory:") await orm.em.getConnection().execute("pragma journal_mode = wal");
      // Off while migrating: a migration that changes a column rebuilds its table (SQLite cannot alter one), and with
      // keys enforced, dropping the old table fails, or cascades, for rows that point at it. SQLite ignores the pragma
      // inside the migration's transaction, so it is set here; every key is checked before it is enforced again.
      await orm.em.getConnection().execute("pragma foreign_keys = off");
      // Reads straight from the OS page cache instead of copying pages into SQLite's small (2 MB) cache:
      // a summary over a national shard reads hundreds of megabytes (measured before the covering index: 2.5 s → 1.9 s).
      await orm.em.getConnection().execute(`pragma mmap_size = ${2 ** 30}`);
    }
    const applied = options.migrate === false ? [] : (await orm.getMigrator().up()).map((migration) => migration.name);
    if (dialect === "sqlite") {
      // Checked only after a migration ran: on a national shard the check reads every row.
      const broken = applied.length === 0 ? [] : await orm.em.getConnection().execute<{ table: string; parent: string }[]>("pragma foreign_key_check");
      if (broken.length > 0) {
        throw new Error(
          `${broken.length} row(s) point at rows that do not exist (first: ${broken[0]!.table} → ${broken[0]!.parent}); the database needs repair before it is served.`,
        );
      }
      await orm.em.getConnection().execute("pragma foreign_keys = on");
      if (applied.length > 0) await restoreStatistics(orm.em.getConnection());
    }
    const knexPool = () => (orm.em.getConnection() as unknown as { getKnex(): { client: { pool?: TarnPool } } }).getKnex().client.pool;
    return {
      orm,
      dialect,
      ...(dialect === "sqlite" ? { binding } : {}),
      location,
      counter,
      applied,
      fork: (requestId) => orm.em.fork({ loggerContext: { requestId } }) as SqlEntityManager,
      readiness: async () => {
        try {
          const pending = await orm.getMigrator().getPendingMigrations();
          if (pending.length > 0)
            return { ready: false, reason: `${pending.length} migration(s) not applied: ${pending.map((migration) => migration.name).join(", ")}` };
          return { ready: true };
        } catch (error) {
          return { ready: false, reason: `database unreachable: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}` };
        }
      },
      pool: () => {
        const pool = knexPool();
        return {
          used: pool?.numUsed() ?? 0,
          free: pool?.numFree() ?? 0,
          pending: pool?.numPendingAcquires() ?? 0,
          max: dialect === "postgresql" ? poolMax : 1,
        };
      },
      close: () => orm.close(true),
    };
  } catch (error) {
    await orm.close(true);
    throw failed(error);
  }
}

/** The part of knex's connection pool (tarn) the metrics read. */
interface TarnPool {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
}

/**
 * A migration that rebuilds a SQLite table (to change a column) drops the table's planner statistics, and one that
 * adds an index has none for it; the plans of the aggregates depend on them. Where the database was analyzed (the
 * national seed does it), the tables and indexes left without statistics are analyzed (on a national shard a few
 * seconds, once per migration; empty ones cost nothing).
 */
async function restoreStatistics(connection: AbstractSqlConnection): Promise<void> {
  const analyzed = await connection.execute<unknown[]>("select 1 from sqlite_master where type = 'table' and name = 'sqlite_stat1'");
  if (analyzed.length === 0) return;
  const missing = await connection.execute<{ name: string }[]>(
    `select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not in (select tbl from sqlite_stat1)
     union all
     select name from sqlite_master where type = 'index' and name not like 'sqlite_%'
       and tbl_name in (select tbl from sqlite_stat1) and name not in (select idx from sqlite_stat1 where idx is not null)`,
  );
  for (const { name } of missing) await connection.execute(`analyze "${name.replace(/"/g, '""')}"`);
}
