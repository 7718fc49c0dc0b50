import { authConfig, type AuthConfig } from "@kooperacja/shared";
import { join, resolve } from "node:path";

export interface BookConfig {
  host: string;
  port: number;
  dbPath: string;
  logSql: boolean;
  auth: AuthConfig;
  /** The hub's gateway, which the book asks for the figures of its evidence. */
  hubUrl: string;
}

export const DEFAULT_BOOK_PORT = 4104;

export function bookConfig(env: NodeJS.ProcessEnv = process.env): BookConfig {
  const raw = env.BOOK_PORT;
  const port = raw === undefined || raw === "" ? DEFAULT_BOOK_PORT : Number(raw);
  if (!Number.isInteger(port) || port < 0) throw new Error(`BOOK_PORT must be a non-negative integer; got ${JSON.stringify(raw)}.`);
  return {
    host: env.SUBGRAPH_HOST ?? "127.0.0.1",
    port,
    dbPath: env.BOOK_DB ?? join(resolve(env.DATA_DIR ?? "data"), "book.sqlite"),
    logSql: env.SQL_LOG === "1",
    auth: authConfig(env),
    // The gateway's default address (GATEWAY_PORT 4000); `npm start` passes the one it really listens on.
    hubUrl: env.HUB_URL ?? "http://127.0.0.1:4000/",
  };
}
