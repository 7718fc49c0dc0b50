import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { freePort } from "@kooperacja/service-kit";

/**
 * A throw-away PostgreSQL server from the machine's own binaries (initdb,
 * pg_ctl) in a temporary directory on a free port: for the tests, the
 * migration generator and the schema check, which need a real server but no
 * installed one. PostgreSQL refuses to run as root, so under root the server
 * runs as the `postgres` system user (via runuser).
 */
export interface TemporaryPostgres {
  /** postgresql://hub@127.0.0.1:PORT — add a database name to connect. */
  baseUrl: string;
  port: number;
  dataDir: string;
  /** A database URL on this server. */
  url(database: string): string;
  createDatabase(name: string): Promise<string>;
  dropDatabase(name: string): Promise<void>;
  /** `pg_ctl stop` (fast): clients lose their connections, the data stays. */
  pause(): void;
  /** Starts the stopped server again on the same port. */
  resume(): void;
  stop(): void;
}

const BINARIES = ["initdb", "pg_ctl"] as const;

/** Where initdb and pg_ctl are, or why they cannot be used. */
export function findPostgresBinaries(): { dir: string } | { missing: string } {
  const candidates = [
    ...(process.env.PATH ?? "").split(":").filter(Boolean),
    // Debian installs the server binaries outside PATH.
    ...(existsSync("/usr/lib/postgresql")
      ? readdirSync("/usr/lib/postgresql")
          .sort()
          .reverse()
          .map((version) => `/usr/lib/postgresql/${version}/bin`)
      : []),
  ];
  const dir = candidates.find((candidate) => BINARIES.every((binary) => existsSync(join(candidate, binary))));
  if (!dir) return { missing: "PostgreSQL server binaries (initdb, pg_ctl) are not on PATH nor in /usr/lib/postgresql/*/bin" };
  if (process.getuid?.() === 0 && spawnSync("id", ["-u", "postgres"]).status !== 0) {
    return { missing: "running as root, and there is no `postgres` system user to run PostgreSQL as" };
  }
  return { dir };
}

export async function startTemporaryPostgres(options: { durable?: boolean } = {}): Promise<TemporaryPostgres> {
  const found = findPostgresBinaries();
  if ("missing" in found) throw new Error(`Cannot start PostgreSQL: ${found.missing}.`);
  const root = process.getuid?.() === 0;
  const owner = root ? Number(execFileSync("id", ["-u", "postgres"]).toString().trim()) : undefined;
  const dataDir = mkdtempSync(join(tmpdir(), "kooperacja-pg-"));
  if (owner !== undefined) chownSync(dataDir, owner, owner);
  const run = (binary: string, args: string[]) => {
    const command = root ? "runuser" : join(found.dir, binary);
    const argv = root ? ["-u", "postgres", "--", join(found.dir, binary), ...args] : args;
    const result = spawnSync(command, argv, { encoding: "utf8" });
    if (result.status !== 0) throw new Error(`${binary} ${args.join(" ")} failed:\n${result.stdout}${result.stderr}`);
  };
  const port = await freePort();
  // C collation: text sorts by code point, as in SQLite and JavaScript, so keyset cursors agree across dialects.
  run("initdb", ["-D", join(dataDir, "data"), "-U", "hub", "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"]);
  // Tests may trade durability for speed; the sockets stay in the temporary directory, not /run.
  const settings = [`-p ${port}`, "-c listen_addresses=127.0.0.1", `-k ${dataDir}`, "-c max_connections=200"];
  if (!options.durable) settings.push("-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off");
  const start = () => run("pg_ctl", ["-D", join(dataDir, "data"), "-l", join(dataDir, "server.log"), "-o", settings.join(" "), "-w", "-t", "60", "start"]);
  const stopServer = () => run("pg_ctl", ["-D", join(dataDir, "data"), "-m", "fast", "-w", "stop"]);
  start();
  const baseUrl = `postgresql://hub@127.0.0.1:${port}`;
  const admin = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: `${baseUrl}/postgres` });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  let running = true;
  return {
    baseUrl,
    port,
    dataDir,
    url: (database) => `${baseUrl}/${database}`,
    createDatabase: async (name) => {
      await admin((client) => client.query(`create database "${name}"`));
      return `${baseUrl}/${name}`;
    },
    dropDatabase: async (name) => {
      await admin((client) => client.query(`drop database if exists "${name}" with (force)`));
    },
    pause: () => {
      stopServer();
      running = false;
    },
    resume: () => {
      start();
      running = true;
    },
    stop: () => {
      if (running) stopServer();
      running = false;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
