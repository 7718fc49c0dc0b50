import { PARTNERSHIP_KEYS, type PartnershipKey } from "@kooperacja/contract";
import { createServer } from "node:http";
import pg from "pg";
import sqlite3 from "sqlite3";

/**
 * The hand-written SQL the hub is measured against: the same aggregate as
 * the benchmark's indicatorSummary (CONTRACT_GOALS_MET by partnership and
 * period from 2019-Q1), one statement per region's database, run in
 * parallel and merged, behind the thinnest HTTP server Node has. No
 * GraphQL, no ORM, no access rules: the floor the hub's figure is held to.
 *
 * GET /?partnerships=liderzy,kooperacja  (default: all three)
 * Env: PORT, SHARD_DATABASES (JSON: partnership → SQLite path or postgresql:// URL).
 */
const SQL = `select period, count(*) as count, sum(value) as sum, min(value) as min, max(value) as max, count(distinct family_id) as families
  from indicator_value
  where indicator_id = 'CONTRACT_GOALS_MET' and period >= '2019-Q1' and archived_at is null
  group by period`;

type Run = () => Promise<Record<string, unknown>[]>;

function open(url: string): Run {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    return async () => (await pool.query(SQL)).rows;
  }
  const database = new sqlite3.Database(url, sqlite3.OPEN_READONLY);
  return () => new Promise((done, failed) => database.all(SQL, (error, rows) => (error ? failed(error) : done(rows as Record<string, unknown>[]))));
}

const databases = JSON.parse(process.env.SHARD_DATABASES!) as Record<PartnershipKey, string>;
const runs = new Map(PARTNERSHIP_KEYS.map((key) => [key, open(databases[key])]));

const server = createServer(async (request, response) => {
  const asked = new URL(request.url!, "http://localhost").searchParams.get("partnerships");
  const shards = asked ? (asked.split(",") as PartnershipKey[]) : PARTNERSHIP_KEYS;
  try {
    const answers = await Promise.all(shards.map(async (key) => ({ key, rows: await runs.get(key)!() })));
    const groups = answers.flatMap(({ key, rows }) =>
      rows.map((row) => ({
        partnership: key,
        period: row.period,
        count: Number(row.count),
        sum: Number(row.sum),
        min: Number(row.min),
        max: Number(row.max),
        average: Number(row.sum) / Number(row.count),
        families: Number(row.families),
      })),
    );
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ groups }));
  } catch (error) {
    response.writeHead(500).end(String(error));
  }
});
server.listen(Number(process.env.PORT), "127.0.0.1", () => console.log(`SQL baseline ready at http://127.0.0.1:${process.env.PORT}/`));
