import { DefaultLogger, type LogContext, type LoggerOptions, type Options } from "@mikro-orm/core";
import { Migrator } from "@mikro-orm/migrations";
import { SeedManager } from "@mikro-orm/seeder";
import { MikroORM, type SqlEntityManager } from "@mikro-orm/sqlite";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";

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

export interface DatabaseOptions {
  /** SQLite file path, or ":memory:". */
  dbPath: string;
  entities: NonNullable<Options["entities"]>;
  migrations: NonNullable<NonNullable<Options["migrations"]>["migrationsList"]>;
  /** Folder for `createMigration` when a developer generates a new migration. */
  migrationsPath: string;
  /** Print SQL to stderr (env SQL_LOG=1). */
  logSql?: boolean;
}

export interface Database {
  orm: MikroORM;
  counter: StatementCounter;
  /** Migrations this open applied (an older database is brought up to date before anything reads it). */
  applied: string[];
  /** A per-request EntityManager whose statements are counted under requestId. */
  fork(requestId: string): SqlEntityManager;
  close(): Promise<void>;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.dbPath !== ":memory:") mkdirSync(dirname(options.dbPath), { recursive: true });
  const counter = new StatementCounter();
  const orm = await MikroORM.init({
    dbName: options.dbPath,
    entities: options.entities,
    extensions: [Migrator, SeedManager],
    migrations: {
      migrationsList: options.migrations,
      path: options.migrationsPath,
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
  });
  // WAL lets readers run while a writer works, and survives a crash mid-write.
  if (options.dbPath !== ":memory:") await orm.em.getConnection().execute("pragma journal_mode = wal");
  await orm.em.getConnection().execute("pragma foreign_keys = on");
  const applied = (await orm.getMigrator().up()).map((migration) => migration.name);
  return {
    orm,
    counter,
    applied,
    fork: (requestId) => orm.em.fork({ loggerContext: { requestId } }) as SqlEntityManager,
    close: () => orm.close(true),
  };
}
