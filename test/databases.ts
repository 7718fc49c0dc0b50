import { dialectOf } from "@kooperacja/database";
import { createHash } from "node:crypto";
import pg from "pg";
import Sqlite from "better-sqlite3";

/**
 * Plain SQL on a database the hub is serving, SQLite file or PostgreSQL URL
 * alike, independent of the hub's own code. Statements use `?` placeholders;
 * for PostgreSQL they become $1, $2, …
 */

function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

async function onPostgres<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

// Counts and sums come back as numbers on both (PostgreSQL's bigint and numeric would be strings).
pg.types.setTypeParser(pg.types.builtins.INT8, Number);
pg.types.setTypeParser(pg.types.builtins.NUMERIC, Number);

/**
 * Work on a SQLite file through better-sqlite3, the binding the hub reads it with by default: two copies of SQLite
 * in one process (node-sqlite3 here, better-sqlite3 in the hub under test) do not see each other's POSIX locks, and a
 * test then read a snapshot from before the hub's write (SQLite's "How To Corrupt", 2.2.1).
 */
function onSqlite<T>(url: string, work: (db: Sqlite.Database) => T): Promise<T> {
  return new Promise((resolve, reject) => {
    try {
      const db = new Sqlite(url, { fileMustExist: true });
      try {
        resolve(work(db));
      } finally {
        db.close();
      }
    } catch (error) {
      reject(error);
    }
  });
}

/** better-sqlite3 binds numbers, strings, buffers and null: a boolean is stored as SQLite stores it, 1 or 0. */
const bindable = (params: unknown[]) => params.map((value) => (typeof value === "boolean" ? Number(value) : value));

/** Rows of one query (on SQLite, WAL lets the test read while the service runs; a file left by a crash is recovered on open). */
export function query<T = Record<string, unknown>>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  if (dialectOf(url) === "postgresql") return onPostgres(url, async (client) => (await client.query(numbered(sql), params)).rows as T[]);
  return onSqlite(url, (db) => db.prepare(sql).all(...bindable(params)) as T[]);
}

/** Statements run in order, for tests that set up data the API would not write; the first that fails rejects, and the rest do not run. */
export function run(url: string, statements: [string, unknown[]][]): Promise<void> {
  if (dialectOf(url) === "postgresql") {
    return onPostgres(url, async (client) => {
      for (const [sql, params] of statements) await client.query(numbered(sql), params);
    });
  }
  return onSqlite(url, (db) => {
    for (const [sql, params] of statements) db.prepare(sql).run(...bindable(params));
  });
}

const TABLES = [
  "pilot_site",
  "territorial_unit",
  "institution",
  "cooperation_body",
  "body_member",
  "body_meeting",
  "support_activity",
  "supported_family",
  "indicator_value",
  "import_batch",
  "audit_entry",
];

/**
 * A digest of everything a write could change in a regional database: rows
 * per table, and per table a hash of every row's key, version and archive
 * mark. Equal fingerprints mean nothing was written.
 */
export async function fingerprint(url: string): Promise<Record<string, string>> {
  const sql = TABLES.map((table) =>
    ["import_batch", "audit_entry"].includes(table) ? `select id from ${table} order by id` : `select id, version, archived_at from ${table} order by id`,
  );
  // One connection for all tables: the fuzz tests take a fingerprint after every refused write.
  const results =
    dialectOf(url) === "postgresql"
      ? await onPostgres(url, async (client) => {
          const all = [];
          for (const statement of sql) all.push((await client.query(statement)).rows as Record<string, unknown>[]);
          return all;
        })
      : await Promise.all(sql.map((statement) => query<Record<string, unknown>>(url, statement)));
  const result: Record<string, string> = {};
  TABLES.forEach((table, index) => {
    const rows = results[index]!;
    const digest = createHash("sha1");
    for (const row of rows) digest.update(`${row.id}:${row.version ?? ""}:${row.archived_at ?? ""},`);
    result[table] = `${rows.length}/${digest.digest("hex")}`;
  });
  return result;
}

/** The hub's tables in a database (not the migrations' own). */
export async function tables(url: string): Promise<string[]> {
  const rows =
    dialectOf(url) === "postgresql"
      ? await query<{ name: string }>(
          url,
          "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'",
        )
      : await query<{ name: string }>(url, "select name from sqlite_master where type = 'table' and name not like 'sqlite_%'");
  return rows.map((row) => row.name).filter((name) => name !== "mikro_orm_migrations");
}

/** The column names of a table. */
export async function columns(url: string, table: string): Promise<string[]> {
  const rows =
    dialectOf(url) === "postgresql"
      ? await query<{ name: string }>(url, "select column_name as name from information_schema.columns where table_schema = 'public' and table_name = ?", [
          table,
        ])
      : await query<{ name: string }>(url, `select name from pragma_table_info('${table}')`);
  return rows.map((row) => row.name);
}
