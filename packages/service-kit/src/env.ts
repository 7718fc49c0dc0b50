import { z } from "zod";

/**
 * Reading the environment: each service declares the variables it reads as
 * one zod object, so a wrong value fails at start with every problem named
 * at once, and the names are a list the deployment files are checked against.
 */

export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration is invalid: ${problems.join("; ")}.`);
    this.name = "ConfigurationError";
  }
}

/**
 * Runs each part of reading a configuration and throws one
 * ConfigurationError with every part's problems, so an operator fixes them
 * all at once rather than one start at a time.
 */
export function readAll<T extends unknown[]>(...parts: { [K in keyof T]: () => T[K] }): T {
  const problems: string[] = [];
  const values = parts.map((part) => {
    try {
      return part();
    } catch (error) {
      if (!(error instanceof ConfigurationError)) throw error;
      problems.push(...error.problems);
      return undefined;
    }
  });
  if (problems.length > 0) throw new ConfigurationError(problems);
  return values as T;
}

/** Throws the problems found, if any, as one ConfigurationError. */
export function refuseProblems(problems: (string | undefined)[]): void {
  const found = problems.filter((problem): problem is string => problem !== undefined);
  if (found.length > 0) throw new ConfigurationError(found);
}

const integerText = (min: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, { message: `must be a whole number of at least ${min}` })
    .transform(Number)
    .refine((value) => value >= min && Number.isSafeInteger(value), { message: `must be a whole number of at least ${min}` });

/** A whole number of at least `min`, with a default when unset or empty. */
export const intVar = (fallback: number, min = 0) => z.preprocess(emptyToUndefined, integerText(min).optional()).transform((value) => value ?? fallback);

/** An http(s) URL, with a default when unset or empty. */
export const urlVar = (fallback?: string) =>
  z
    .preprocess(
      emptyToUndefined,
      z
        .string()
        .refine((value) => /^https?:$/.test(URL.canParse(value) ? new URL(value).protocol : ""), { message: "must be an http:// or https:// URL" })
        .optional(),
    )
    .transform((value) => value ?? fallback);

/** A database: a postgresql:// URL, or a SQLite file path; with a default when unset or empty. */
export const databaseVar = () =>
  z.preprocess(
    emptyToUndefined,
    z
      .string()
      .refine(
        (value) => !/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || (/^postgres(ql)?:\/\//i.test(value) && URL.canParse(value) && new URL(value).pathname.length > 1),
        {
          message: "must be a postgresql://user:password@host:port/database URL (with a database name) or a SQLite file path",
        },
      )
      .optional(),
  );

export const textVar = (fallback?: string) => z.preprocess(emptyToUndefined, z.string().optional()).transform((value) => value ?? fallback);

export const flagVar = (fallback: boolean) =>
  z
    .preprocess(emptyToUndefined, z.enum(["true", "false", "1", "0"], { message: "must be true or false" }).optional())
    .transform((value) => (value === undefined ? fallback : value === "true" || value === "1"));

/** A comma-separated list of some of `choices`, or `none`; unset or empty means `fallback`. */
export const listVar = (choices: readonly string[], fallback?: string) =>
  z
    .preprocess(emptyToUndefined, z.string().optional())
    .transform((value) => value ?? fallback)
    .transform((value) => (value === undefined || value.trim() === "none" ? [] : value.split(",").map((choice) => choice.trim())))
    .refine((values) => values.every((value) => choices.includes(value)), { message: `must be \`none\` or a comma-separated list of ${choices.join(", ")}` });

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export const logLevelVar = () =>
  z.preprocess(emptyToUndefined, z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(", ")}` }).optional()).transform((value) => value ?? "info");

function emptyToUndefined(value: unknown): unknown {
  return value === "" ? undefined : value;
}

/** Parses the environment against the shape; every problem goes into one ConfigurationError that names the variables. */
export function readEnv<T extends z.ZodRawShape>(shape: T, env: NodeJS.ProcessEnv): z.infer<z.ZodObject<T>> {
  const result = z.object(shape).safeParse(env);
  if (result.success) return result.data;
  throw new ConfigurationError(
    result.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? "environment");
      const raw = env[name];
      return `${name} ${issue.message}${raw === undefined ? "" : ` (got ${JSON.stringify(raw.length > 80 ? `${raw.slice(0, 80)}…` : raw)})`}`;
    }),
  );
}

/** The native bindings a SQLite database can be read with (decision 0021). */
export const SQLITE_BINDINGS = ["sqlite3", "better-sqlite3"] as const;
export type SqliteBinding = (typeof SQLITE_BINDINGS)[number];
/** The faster of the two, measured (decision 0021). */
export const DEFAULT_SQLITE_BINDING: SqliteBinding = "better-sqlite3";

/** Settings every service reads besides its own: logs, SQL log, operations. */
export const SERVICE_ENV = {
  NODE_ENV: textVar("development"),
  LOG_LEVEL: logLevelVar(),
  SQL_LOG: flagVar(false),
  /** How long a stopping service waits for requests in flight. */
  SHUTDOWN_TIMEOUT_MS: intVar(10_000, 0),
  /** Most connections a PostgreSQL pool opens. */
  DB_POOL_MAX: intVar(10, 1),
  /** Which native binding reads a SQLite database: node-sqlite3 (on libuv's thread pool) or better-sqlite3 (on the event loop). */
  SQLITE_BINDING: z
    .preprocess(emptyToUndefined, z.enum(SQLITE_BINDINGS, { message: `must be one of ${SQLITE_BINDINGS.join(", ")}` }).optional())
    .transform((value) => value ?? DEFAULT_SQLITE_BINDING),
  /** OpenTelemetry: where traces go (OTLP over HTTP); unset, no tracing. */
  OTEL_EXPORTER_OTLP_ENDPOINT: urlVar(),
  /** The bearer token of /metrics and the health details; unset, open locally and closed in production. */
  METRICS_TOKEN: textVar(),
};

/** What every service's configuration holds besides its own settings. */
export interface ServiceSettings {
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** A postgresql:// URL or a SQLite file path. */
  databaseUrl: string;
  database: { logSql: boolean; poolMax: number; sqliteBinding: SqliteBinding };
  logLevel: (typeof LOG_LEVELS)[number];
  shutdownTimeoutMs: number;
  /** OTLP/HTTP endpoint for traces, when tracing is on. */
  otlpEndpoint: string | undefined;
  /** NODE_ENV=production: error details, suggestions and operations data are kept from clients. */
  production: boolean;
  metricsToken: string | undefined;
}

export type ServiceValues = { [K in keyof typeof SERVICE_ENV]: z.output<(typeof SERVICE_ENV)[K]> };

export function serviceSettings(values: ServiceValues, own: Pick<ServiceSettings, "host" | "port" | "databaseUrl">): ServiceSettings {
  return {
    ...own,
    database: { logSql: values.SQL_LOG, poolMax: values.DB_POOL_MAX, sqliteBinding: values.SQLITE_BINDING },
    logLevel: values.LOG_LEVEL,
    shutdownTimeoutMs: values.SHUTDOWN_TIMEOUT_MS,
    otlpEndpoint: values.OTEL_EXPORTER_OTLP_ENDPOINT,
    production: values.NODE_ENV === "production",
    metricsToken: values.METRICS_TOKEN,
  };
}
