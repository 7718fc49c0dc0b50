import { authConfig, PARTNERSHIP_KEYS, type AuthConfig, type PartnershipKey } from "@kooperacja/shared";
import type { QueryLimits } from "./access/limits";
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
  /** SHARD_WRITE_TIMEOUT_MS: how long a write (an import) may take at a shard. */
  shardWriteTimeoutMs: number;
  /** Signs connection cursors; set CURSOR_SECRET in production so cursors survive restarts and cannot be forged. */
  cursorSecret: string;
  logLevel: string;
  auth: AuthConfig;
  limits: QueryLimits;
  /** Schema introspection: on locally, off in production unless INTROSPECTION=true. */
  introspection: boolean;
}

export const DEFAULT_GATEWAY_PORT = 4000;

/** Reads the gateway's settings from the environment; the defaults match `npm start`'s local services. */
export function gatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const auth = authConfig(env);
  if (auth.production && !env.CURSOR_SECRET) throw new Error("Access configuration is incomplete: set CURSOR_SECRET (it signs connection cursors).");
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
    shardWriteTimeoutMs: nonNegativeInteger(env.SHARD_WRITE_TIMEOUT_MS, 300_000, "SHARD_WRITE_TIMEOUT_MS"),
    cursorSecret: env.CURSOR_SECRET ?? "kooperacja-hub-local-cursor-secret",
    logLevel: env.LOG_LEVEL ?? "info",
    auth,
    limits: {
      maxDepth: positiveInteger(env.MAX_DEPTH, 10, "MAX_DEPTH"),
      maxCost: positiveInteger(env.MAX_COST, 100_000, "MAX_COST"),
      maxAliases: positiveInteger(env.MAX_ALIASES, 30, "MAX_ALIASES"),
      maxTokens: positiveInteger(env.MAX_TOKENS, 5_000, "MAX_TOKENS"),
      maxBatchedOperations: positiveInteger(env.MAX_BATCHED_OPERATIONS, 5, "MAX_BATCHED_OPERATIONS"),
      maxBodyBytes: positiveInteger(env.MAX_BODY_BYTES, 100_000, "MAX_BODY_BYTES"),
      maxUploadBytes: positiveInteger(env.MAX_UPLOAD_BYTES, 20_000_000, "MAX_UPLOAD_BYTES"),
      ratePerMinute: positiveInteger(env.RATE_LIMIT_PER_MINUTE, 600, "RATE_LIMIT_PER_MINUTE"),
    },
    introspection: env.INTROSPECTION === undefined || env.INTROSPECTION === "" ? !auth.production : env.INTROSPECTION === "true",
  };
}

export function nonNegativeInteger(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer; got ${JSON.stringify(raw)}.`);
  return value;
}

function positiveInteger(raw: string | undefined, fallback: number, name: string): number {
  const value = nonNegativeInteger(raw, fallback, name);
  if (value === 0) throw new Error(`${name} must be at least 1.`);
  return value;
}
