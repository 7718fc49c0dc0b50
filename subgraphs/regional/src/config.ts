import { authConfig, isPartnershipKey, PARTNERSHIP_KEYS, type AuthConfig, type PartnershipKey } from "@kooperacja/shared";
import { join, resolve } from "node:path";

/** Default ports: the regions in macroregion order, then the book, then the gateway (4000). */
export const DEFAULT_REGIONAL_PORTS: Record<PartnershipKey, number> = { liderzy: 4101, kooperacja: 4102, kooperacje3d: 4103 };

export interface RegionalConfig {
  partnership: PartnershipKey;
  host: string;
  port: number;
  dbPath: string;
  syntheticScale: number;
  logSql: boolean;
  auth: AuthConfig;
}

/** Reads one region's settings from the environment; every value has a default that works on a fresh machine. */
export function regionalConfig(partnership: PartnershipKey, env: NodeJS.ProcessEnv = process.env): RegionalConfig {
  const upper = partnership.toUpperCase();
  const dataDir = resolve(env.DATA_DIR ?? "data");
  return {
    partnership,
    host: env.SUBGRAPH_HOST ?? "127.0.0.1",
    port: integer(env[`${upper}_PORT`], DEFAULT_REGIONAL_PORTS[partnership], `${upper}_PORT`),
    dbPath: env[`${upper}_DB`] ?? join(dataDir, `${partnership}.sqlite`),
    syntheticScale: integer(env.SEED_SCALE, 1, "SEED_SCALE"),
    logSql: env.SQL_LOG === "1",
    auth: authConfig(env),
  };
}

export function partnershipFromEnv(env: NodeJS.ProcessEnv = process.env): PartnershipKey {
  const value = env.PARTNERSHIP;
  if (!isPartnershipKey(value)) throw new Error(`PARTNERSHIP must be one of ${PARTNERSHIP_KEYS.join(", ")}; got ${JSON.stringify(value)}.`);
  return value;
}

function integer(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer; got ${JSON.stringify(raw)}.`);
  return value;
}
