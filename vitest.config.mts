import { createRequire } from "node:module";
import swc from "unplugin-swc";
import { defineConfig } from "vitest/config";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { availableParallelism } from "node:os";

/**
 * The end-to-end, import and aggregate scenarios run twice: on the embedded
 * SQLite default and on a real PostgreSQL server the suite starts itself.
 */
const ON_POSTGRESQL = [
  "access/access",
  "federation/batching",
  "book/book-workflow",
  "analytics/compare",
  "federation/cross-region",
  "federation/errors",
  "book/exports",
  "operations/failures",
  "operations/health",
  "data/imports",
  "federation/keyset",
  "federation/national-query",
  "federation/paging",
  "clients/readme",
  "data/regional-data",
  "data/regional-writes",
  "data/seed-audit",
  "federation/sharding",
  "operations/shutdown",
  "analytics/protection",
  "data/synthetic-seed",
  "data/write-fuzz",
  "data/enum-columns",
  "analytics/rollups",
  "data/read-rows",
  "data/import-crash",
].map((name) => `test/${name}.test.ts`);

// The same search as findPostgresBinaries (the config cannot load the TypeScript workspace code).
const postgresFound = [
  ...(process.env.PATH ?? "").split(":"),
  ...(existsSync("/usr/lib/postgresql") ? readdirSync("/usr/lib/postgresql").map((v) => `/usr/lib/postgresql/${v}/bin`) : []),
].some((dir) => dir && existsSync(join(dir, "initdb")) && existsSync(join(dir, "pg_ctl")));
// CI runs the PostgreSQL scenarios or fails (the global setup says why); elsewhere they are skipped, saying so.
const postgres = postgresFound || process.env.CI === "true";

// SWC instead of esbuild: type-graphql and MikroORM read the types that
// emitDecoratorMetadata records, which esbuild does not emit.
export default defineConfig({
  plugins: [swc.vite({ module: { type: "es6" } })],
  resolve: {
    // graphql ships CJS (main) and ESM (module) builds; everything else here
    // loads the CJS one, and two copies of graphql cannot share a schema.
    alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve("graphql") }],
  },
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // One worker more than the cores: the end-to-end tests spend most of their time waiting on servers, PostgreSQL
    // and Chromium, so vitest's default (one fewer than the cores: a single worker on CI's two) left a core idle
    // (2 cores: 837 s with 1 worker, 418 s with 3).
    maxWorkers: availableParallelism() + 1,
    // A worker keeps its modules from one test file to the next: loading the services (Apollo, MikroORM, type-graphql)
    // anew for each of ~95 files cost 224 s of the run's CPU (28 s kept; npm test 402 s → 302 s on 2 cores). Every test
    // file starts its own servers on fresh databases, so no state a file relies on is carried over.
    isolate: false,
    // Service logs only where a test fails.
    silent: "passed-only",
    setupFiles: ["reflect-metadata"],
    projects: [
      {
        extends: true,
        test: {
          name: "sqlite",
          include: [
            "test/**/*.test.ts",
            "packages/*/test/**/*.test.ts",
            "subgraphs/*/test/**/*.test.ts",
            "gateway/test/**/*.test.ts",
            "hub/test/**/*.test.ts",
            "dashboard/test/**/*.test.ts",
          ],
          exclude: ["test/operations/postgresql-unavailable.test.ts", "test/slow/**"],
        },
      },
      {
        // Minutes of wall time: `npm run test:slow`, which CI runs beside `npm test`.
        extends: true,
        test: {
          name: "slow",
          include: ["test/slow/**/*.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "postgresql",
          include: postgres ? ON_POSTGRESQL : ["test/operations/postgresql-unavailable.test.ts"],
          env: { HUB_TEST_DATABASE: "postgresql" },
          globalSetup: postgres ? ["test/postgres-setup.ts"] : [],
        },
      },
    ],
  },
});
