import { createHash } from "node:crypto";
import sqlite3 from "sqlite3";

/** Rows of one query on a SQLite file the hub is serving (WAL lets the test read while the service runs; a file left by a crash is recovered on open). */
export function query<T = Record<string, unknown>>(path: string, sql: string, params: unknown[] = []): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(path, (openError) => {
      if (openError) return reject(openError);
      db.all(sql, params, (error, rows) => db.close(() => (error ? reject(error) : resolve(rows as T[]))));
    });
  });
}

/** Statements run in order on a SQLite file, for tests that set up data the API would not write. */
export function run(path: string, statements: [string, unknown[]][]): Promise<void> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(path, (openError) => {
      if (openError) return reject(openError);
      db.serialize(() => {
        for (const [sql, params] of statements) db.run(sql, params);
        db.close((error) => (error ? reject(error) : resolve()));
      });
    });
  });
}

const TABLES = ["pilot_site", "territorial_unit", "institution", "cooperation_body", "body_member", "body_meeting", "support_activity", "supported_family", "indicator_value", "import_batch", "audit_entry"];

/**
 * A digest of everything a write could change in a regional database: rows
 * per table, and per table a hash of every row's key, version and archive
 * mark. Equal fingerprints mean nothing was written.
 */
export async function fingerprint(path: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const table of TABLES) {
    const versioned = !["import_batch", "audit_entry"].includes(table);
    const [row] = await query<{ n: number; digest: string | null }>(
      path,
      versioned
        ? `select count(*) as n, group_concat(id || ':' || version || ':' || coalesce(archived_at, ''), ',') as digest from (select * from ${table} order by id)`
        : `select count(*) as n, max(id) as digest from ${table}`,
    );
    result[table] = `${row!.n}/${createHash("sha1").update(String(row!.digest)).digest("hex")}`;
  }
  return result;
}

