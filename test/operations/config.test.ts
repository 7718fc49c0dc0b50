import { bookConfig } from "@kooperacja/book";
import { gatewayConfig } from "@kooperacja/gateway";
import { regionalConfig } from "@kooperacja/regional";
import { ConfigurationError } from "@kooperacja/service-kit";
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { freePort } from "../helpers";

const ROOT = resolve(__dirname, "../..");

/** Starts a service's entry point as production does and returns how it ended. */
function start(script: string, env: Record<string, string>) {
  const result = spawnSync(process.execPath, ["-r", "@swc-node/register", script], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, ...env },
    encoding: "utf8",
    timeout: 30_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("configuration is validated at start", () => {
  it("names every wrong variable at once, with the value it got", () => {
    const attempt = () =>
      regionalConfig("kooperacja", { KOOPERACJA_DATABASE_URL: "mysql://db/kooperacja", KOOPERACJA_PORT: "forty", SEED_SCALE: "-1", LOG_LEVEL: "loud" });
    expect(attempt).toThrow(ConfigurationError);
    expect(attempt).toThrow(/KOOPERACJA_DATABASE_URL must be a postgresql:\/\/.*\(got "mysql:\/\/db\/kooperacja"\)/);
    expect(attempt).toThrow(/KOOPERACJA_PORT must be a whole number of at least 0 \(got "forty"\)/);
    expect(attempt).toThrow(/SEED_SCALE must be a whole number/);
    expect(attempt).toThrow(/LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent/);
  });

  it("refuses a PostgreSQL URL without a database, URLs that are not http, and limits below 1", () => {
    expect(() => bookConfig({ BOOK_DATABASE_URL: "postgresql://hub@db:5432" })).toThrow(/BOOK_DATABASE_URL .*with a database name/);
    expect(() => bookConfig({ HUB_URL: "gateway:4000" })).toThrow(/HUB_URL must be an http:\/\/ or https:\/\/ URL/);
    expect(() => gatewayConfig({ LIDERZY_URL: "ftp://liderzy/" })).toThrow(/LIDERZY_URL must be an http/);
    expect(() => gatewayConfig({ MAX_DEPTH: "0" })).toThrow(/MAX_DEPTH must be a whole number of at least 1/);
    expect(() => gatewayConfig({ SUPERGRAPH_PATH: "/nowhere/supergraph.graphql" })).toThrow(/SUPERGRAPH_PATH names no file/);
  });

  it("takes a SQLite path, a PostgreSQL URL, or the default under DATA_DIR", () => {
    expect(regionalConfig("liderzy", { DATA_DIR: "/srv/hub" }).databaseUrl).toBe("/srv/hub/liderzy.sqlite");
    expect(regionalConfig("liderzy", { LIDERZY_DATABASE_URL: "postgresql://hub:pw@db:5432/liderzy" }).databaseUrl).toBe("postgresql://hub:pw@db:5432/liderzy");
    expect(bookConfig({ BOOK_DATABASE_URL: "/var/lib/book.sqlite", SHUTDOWN_TIMEOUT_MS: "2500", DB_POOL_MAX: "4" })).toMatchObject({
      databaseUrl: "/var/lib/book.sqlite",
      shutdownTimeoutMs: 2500,
      database: { poolMax: 4 },
    });
  });

  it("stops a service at once with the message when a variable is wrong or a production key is missing", () => {
    const wrong = start("subgraphs/regional/src/main.ts", { PARTNERSHIP: "liderzy", LIDERZY_DATABASE_URL: "mysql://db/liderzy" });
    expect(wrong.status).toBe(1);
    expect(wrong.output).toContain("Configuration is invalid: LIDERZY_DATABASE_URL must be a postgresql://");
    const keyless = start("gateway/src/gateway-main.ts", { NODE_ENV: "production" });
    expect(keyless.status).toBe(1);
    expect(keyless.output).toMatch(/set AUTH_JWKS_URL or AUTH_PUBLIC_KEY/);
  });

  it("stops a service at once, naming the database without its password, when the database cannot be reached", async () => {
    const closed = await freePort();
    const unreachable = start("subgraphs/book/src/main.ts", { BOOK_PORT: "0", BOOK_DATABASE_URL: `postgresql://hub:secret-password@127.0.0.1:${closed}/book` });
    expect(unreachable.status).toBe(1);
    expect(unreachable.output).toContain(`Database postgresql://hub:***@127.0.0.1:${closed}/book cannot be used`);
    expect(unreachable.output).toMatch(/ECONNREFUSED/);
    expect(unreachable.output).not.toContain("secret-password");
  });
});
