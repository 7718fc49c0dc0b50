import { isPartnershipKey, PARTNERSHIP_KEYS, type PartnershipKey, DEFAULT_REGIONAL_PORTS } from "@kooperacja/contract";
import {
  authConfig,
  publishedSecret,
  readAll,
  refuseProblems,
  secretProblem,
  databaseVar,
  flagVar,
  intVar,
  readEnv,
  SERVICE_ENV,
  serviceSettings,
  textVar,
  type AuthConfig,
  type ServiceSettings,
  type ServiceValues,
} from "@kooperacja/service-kit";
import { join, resolve } from "node:path";

export { DEFAULT_REGIONAL_PORTS };

/**
 * Keys the record keys of the local demo: published here, so the demo's
 * protected figures are the same on every machine, and protect nothing.
 */
export const LOCAL_RECORD_KEY_SECRET = publishedSecret("kooperacja-hub-local-record-key-secret-not-for-production");

export interface RegionalConfig extends ServiceSettings {
  partnership: PartnershipKey;
  /** Keys every new family's and indicator value's record key (the cell key method); each region keeps its own. */
  recordKeySecret: string;
  syntheticScale: number;
  /** Whether the first start seeds synthetic demo records beside the public facts. */
  seedDemo: boolean;
  /** Whether aggregates read the rollups (writes keep them current either way). */
  readRollups: boolean;
  auth: AuthConfig;
}

/** The variables one region's deployment reads (besides the identity settings of `authConfig`). */
export function regionalEnv(partnership: PartnershipKey) {
  const upper = partnership.toUpperCase();
  return {
    ...SERVICE_ENV,
    /** Which partnership a deployment started alone serves (partnershipFromEnv). */
    PARTNERSHIP: textVar(),
    DATA_DIR: textVar("data"),
    SUBGRAPH_HOST: textVar("127.0.0.1"),
    [`${upper}_PORT`]: intVar(DEFAULT_REGIONAL_PORTS[partnership]),
    /** A postgresql:// URL, or a SQLite file; DATA_DIR/<partnership>.sqlite when unset. */
    [`${upper}_DATABASE_URL`]: databaseVar(),
    SEED_SCALE: intVar(1),
    /** Seed flagged synthetic demo records (families, activities, values) beside the public facts on first start; production sets false. */
    SEED_DEMO: flagVar(true),
    /** Aggregates read the rollup tables, which every write keeps current; false reads the base tables instead (the same figures, slower). */
    READ_ROLLUPS: flagVar(true),
    /** The secret behind the region's record keys (docs/privacy.md): 32+ characters, required in production. */
    RECORD_KEY_SECRET: textVar(),
  };
}

/** Reads one region's settings from the environment; every value has a default that works on a fresh machine. */
export function regionalConfig(partnership: PartnershipKey, env: NodeJS.ProcessEnv = process.env): RegionalConfig {
  const upper = partnership.toUpperCase();
  type Values = Record<string, unknown> &
    ServiceValues & {
      DATA_DIR: string;
      SUBGRAPH_HOST: string;
      SEED_SCALE: number;
      SEED_DEMO: boolean;
      READ_ROLLUPS: boolean;
      RECORD_KEY_SECRET: string | undefined;
    };
  const secret = env.RECORD_KEY_SECRET || undefined;
  const [values, auth] = readAll(
    () => readEnv(regionalEnv(partnership), env) as Values,
    () => authConfig(env, partnership),
    // Whoever knows the secret can compute every record key and take the noise off the published figures.
    () =>
      refuseProblems([
        env.NODE_ENV === "production"
          ? secretProblem("RECORD_KEY_SECRET", secret)
          : secret !== undefined && secret.length < 32
            ? "RECORD_KEY_SECRET must be at least 32 characters"
            : undefined,
      ]),
  );
  return {
    ...serviceSettings(values, {
      host: values.SUBGRAPH_HOST,
      port: values[`${upper}_PORT`] as number,
      databaseUrl: (values[`${upper}_DATABASE_URL`] as string | undefined) ?? join(resolve(values.DATA_DIR), `${partnership}.sqlite`),
    }),
    partnership,
    recordKeySecret: secret ?? LOCAL_RECORD_KEY_SECRET,
    syntheticScale: values.SEED_SCALE,
    seedDemo: values.SEED_DEMO,
    readRollups: values.READ_ROLLUPS,
    auth,
  };
}

export function partnershipFromEnv(env: NodeJS.ProcessEnv = process.env): PartnershipKey {
  const value = env.PARTNERSHIP;
  if (!isPartnershipKey(value)) throw new Error(`PARTNERSHIP must be one of ${PARTNERSHIP_KEYS.join(", ")}; got ${JSON.stringify(value)}.`);
  return value;
}
