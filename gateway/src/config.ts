import { PARTNERSHIP_KEYS, type PartnershipKey } from "@kooperacja/shared";
import { readFileSync } from "node:fs";
import { DEFAULT_REGIONAL_PORTS } from "@kooperacja/regional";
import { DEFAULT_BOOK_PORT } from "@kooperacja/book";
import { SUPERGRAPH_PATH } from "./schema-files";

export interface GatewayConfig {
  host: string;
  port: number;
  shardUrls: Record<PartnershipKey, string>;
  bookUrl: string;
  supergraphSdl: string;
  shardTimeoutMs: number;
  /** Signs connection cursors; set CURSOR_SECRET in production so cursors survive restarts and cannot be forged. */
  cursorSecret: string;
  logLevel: string;
}

export const DEFAULT_GATEWAY_PORT = 4000;

/** Reads the gateway's settings from the environment; the defaults match `npm start`'s local services. */
export function gatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const shardUrls = Object.fromEntries(
    PARTNERSHIP_KEYS.map((key) => [key, env[`${key.toUpperCase()}_URL`] ?? `http://127.0.0.1:${DEFAULT_REGIONAL_PORTS[key]}/`]),
  ) as Record<PartnershipKey, string>;
  return {
    host: env.GATEWAY_HOST ?? "127.0.0.1",
    port: nonNegativeInteger(env.GATEWAY_PORT, DEFAULT_GATEWAY_PORT, "GATEWAY_PORT"),
    shardUrls,
    bookUrl: env.BOOK_URL ?? `http://127.0.0.1:${DEFAULT_BOOK_PORT}/`,
    supergraphSdl: readFileSync(env.SUPERGRAPH_PATH ?? SUPERGRAPH_PATH, "utf8"),
    shardTimeoutMs: nonNegativeInteger(env.SHARD_TIMEOUT_MS, 10_000, "SHARD_TIMEOUT_MS"),
    cursorSecret: env.CURSOR_SECRET ?? "kooperacja-hub-local-cursor-secret",
    logLevel: env.LOG_LEVEL ?? "info",
  };
}

export function nonNegativeInteger(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer; got ${JSON.stringify(raw)}.`);
  return value;
}
