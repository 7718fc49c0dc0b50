import { contractHash, PARTNERSHIP_KEYS, type PartnershipKey, DEFAULT_BOOK_PORT, DEFAULT_REGIONAL_PORTS } from "@kooperacja/contract";
import {
  authConfig,
  publishedSecret,
  readAll,
  refuseProblems,
  secretProblem,
  ConfigurationError,
  Role,
  TOKEN_ROLES,
  flagVar,
  listVar,
  intVar,
  readEnv,
  SERVICE_ENV,
  textVar,
  urlVar,
  type AuthConfig,
} from "@kooperacja/service-kit";
import type { QueryLimits } from "./access/limits";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { readManifest, type Manifest } from "./persisted/manifest";
import { SUPERGRAPH_PATH } from "./supergraph";

export interface GatewayConfig {
  host: string;
  port: number;
  shardUrls: Record<PartnershipKey, string>;
  bookUrl: string;
  supergraphSdl: string;
  /** SHA-256 of each subgraph's SDL in schema/ (beside the supergraph): the contract each service behind a URL must state. */
  contracts: { regional: string; book: string };
  shardTimeoutMs: number;
  /** SHARD_WRITE_TIMEOUT_MS: how long a write (an import) may take at a shard. */
  shardWriteTimeoutMs: number;
  /** Signs connection cursors; set CURSOR_SECRET in production so cursors survive restarts and cannot be forged. */
  cursorSecret: string;
  logLevel: string;
  shutdownTimeoutMs: number;
  otlpEndpoint: string | undefined;
  /** METRICS_TOKEN: the bearer token of /metrics and the health details (closed in production without it). */
  metricsToken: string | undefined;
  auth: AuthConfig;
  limits: QueryLimits;
  /** Schema introspection: on locally, off in production unless INTROSPECTION=true. */
  introspection: boolean;
  /** DASHBOARD_DIR: the dashboard's build (index.html, assets, persisted-queries.json), served at /dashboard. */
  dashboardDir: string;
  /** The trusted documents (the dashboard's operations), from the dashboard's build. */
  manifest: Manifest;
  /** SAFELIST_ROLES: roles that may run only the manifest's operations; `dashboard` in production, none locally. */
  safelistRoles: ReadonlySet<string>;
  /** PUBLIC_CACHE_SECONDS: max-age of the public's answers to persisted queries sent by GET. */
  publicCacheSeconds: number;
}

/** The dashboard's build, as `npm install` (prepare) or `npm run build` leaves it. */
export const DEFAULT_DASHBOARD_DIR = resolve(__dirname, "../../dashboard/dist");
export const MANIFEST_FILE = "persisted-queries.json";

export const DEFAULT_GATEWAY_PORT = 4000;

/** Signs cursors of a local hub; printed here, so production refuses it. */
const LOCAL_CURSOR_SECRET = publishedSecret("kooperacja-hub-local-cursor-secret");

/** The variables the gateway reads (besides the identity settings of `authConfig`). */
export const GATEWAY_ENV = {
  NODE_ENV: SERVICE_ENV.NODE_ENV,
  LOG_LEVEL: SERVICE_ENV.LOG_LEVEL,
  SHUTDOWN_TIMEOUT_MS: SERVICE_ENV.SHUTDOWN_TIMEOUT_MS,
  OTEL_EXPORTER_OTLP_ENDPOINT: SERVICE_ENV.OTEL_EXPORTER_OTLP_ENDPOINT,
  METRICS_TOKEN: SERVICE_ENV.METRICS_TOKEN,
  GATEWAY_HOST: textVar("127.0.0.1"),
  GATEWAY_PORT: intVar(DEFAULT_GATEWAY_PORT),
  ...(Object.fromEntries(PARTNERSHIP_KEYS.map((key) => [`${key.toUpperCase()}_URL`, urlVar(`http://127.0.0.1:${DEFAULT_REGIONAL_PORTS[key]}/`)])) as Record<
    `${Uppercase<PartnershipKey>}_URL`,
    ReturnType<typeof urlVar>
  >),
  BOOK_URL: urlVar(`http://127.0.0.1:${DEFAULT_BOOK_PORT}/`),
  SUPERGRAPH_PATH: textVar(SUPERGRAPH_PATH),
  SHARD_TIMEOUT_MS: intVar(10_000),
  SHARD_WRITE_TIMEOUT_MS: intVar(300_000),
  CURSOR_SECRET: textVar(),
  MAX_DEPTH: intVar(10, 1),
  MAX_COST: intVar(100_000, 1),
  MAX_ALIASES: intVar(30, 1),
  MAX_TOKENS: intVar(5_000, 1),
  MAX_BATCHED_OPERATIONS: intVar(5, 1),
  MAX_LIST_ITEMS: intVar(500, 1),
  MAX_BODY_BYTES: intVar(100_000, 1),
  MAX_UPLOAD_BYTES: intVar(20_000_000, 1),
  RATE_LIMIT_PER_MINUTE: intVar(600, 1),
  INTROSPECTION: flagVar(false).optional(),
  DASHBOARD_DIR: textVar(DEFAULT_DASHBOARD_DIR),
  SAFELIST_ROLES: listVar(TOKEN_ROLES),
  PUBLIC_CACHE_SECONDS: intVar(60, 0),
};

/** Reads the gateway's settings from the environment; the defaults match `npm start`'s local services. */
export function gatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const production = env.NODE_ENV === "production";
  // A URL not set points at the port the service itself would take from the same settings, as `npm start` runs them.
  const localUrls = {
    ...Object.fromEntries(
      PARTNERSHIP_KEYS.map((key) => [
        `${key.toUpperCase()}_URL`,
        urlVar(`http://127.0.0.1:${env[`${key.toUpperCase()}_PORT`] || DEFAULT_REGIONAL_PORTS[key]}/`),
      ]),
    ),
    BOOK_URL: urlVar(`http://127.0.0.1:${env.BOOK_PORT || DEFAULT_BOOK_PORT}/`),
  } as Pick<typeof GATEWAY_ENV, `${Uppercase<PartnershipKey>}_URL` | "BOOK_URL">;
  const [auth, values] = readAll(
    () => authConfig(env, "gateway"),
    () =>
      readEnv(
        { ...GATEWAY_ENV, ...localUrls, INTROSPECTION: flagVar(!production), SAFELIST_ROLES: listVar(TOKEN_ROLES, production ? Role.DASHBOARD : undefined) },
        env,
      ),
    () => refuseProblems([production ? secretProblem("CURSOR_SECRET", env.CURSOR_SECRET) : undefined]),
  );
  if (!existsSync(values.SUPERGRAPH_PATH!)) throw new ConfigurationError([`SUPERGRAPH_PATH names no file: ${JSON.stringify(values.SUPERGRAPH_PATH)}`]);
  const contract = (name: string) => {
    const file = join(dirname(values.SUPERGRAPH_PATH!), `${name}.graphql`);
    if (!existsSync(file)) throw new ConfigurationError([`${file} is missing: the subgraph SDL belongs beside SUPERGRAPH_PATH (npm run schema writes both).`]);
    return contractHash(readFileSync(file, "utf8"));
  };
  const shardUrls = Object.fromEntries(PARTNERSHIP_KEYS.map((key) => [key, values[`${key.toUpperCase() as Uppercase<PartnershipKey>}_URL`]!])) as Record<
    PartnershipKey,
    string
  >;
  return {
    host: values.GATEWAY_HOST!,
    port: values.GATEWAY_PORT,
    shardUrls,
    bookUrl: values.BOOK_URL!,
    supergraphSdl: readFileSync(values.SUPERGRAPH_PATH!, "utf8"),
    contracts: { regional: contract("regional"), book: contract("book") },
    shardTimeoutMs: values.SHARD_TIMEOUT_MS,
    shardWriteTimeoutMs: values.SHARD_WRITE_TIMEOUT_MS,
    cursorSecret: values.CURSOR_SECRET ?? LOCAL_CURSOR_SECRET,
    logLevel: values.LOG_LEVEL,
    shutdownTimeoutMs: values.SHUTDOWN_TIMEOUT_MS,
    otlpEndpoint: values.OTEL_EXPORTER_OTLP_ENDPOINT,
    metricsToken: values.METRICS_TOKEN,
    auth,
    limits: {
      maxDepth: values.MAX_DEPTH,
      maxCost: values.MAX_COST,
      maxAliases: values.MAX_ALIASES,
      maxTokens: values.MAX_TOKENS,
      maxBatchedOperations: values.MAX_BATCHED_OPERATIONS,
      maxListItems: values.MAX_LIST_ITEMS,
      maxBodyBytes: values.MAX_BODY_BYTES,
      maxUploadBytes: values.MAX_UPLOAD_BYTES,
      ratePerMinute: values.RATE_LIMIT_PER_MINUTE,
    },
    introspection: values.INTROSPECTION,
    dashboardDir: values.DASHBOARD_DIR!,
    manifest: readManifest(join(values.DASHBOARD_DIR!, MANIFEST_FILE)),
    safelistRoles: new Set(values.SAFELIST_ROLES),
    publicCacheSeconds: values.PUBLIC_CACHE_SECONDS,
  };
}
