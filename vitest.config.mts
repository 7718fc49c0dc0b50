import { createRequire } from "node:module";
import swc from "unplugin-swc";
import { defineConfig } from "vitest/config";

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
    include: ["test/**/*.test.ts", "subgraphs/*/test/**/*.test.ts", "gateway/test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Service logs only where a test fails.
    silent: "passed-only",
    setupFiles: ["reflect-metadata"],
  },
});
