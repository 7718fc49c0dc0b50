import swc from "unplugin-swc";
import { defineConfig } from "vitest/config";

// SWC instead of esbuild: type-graphql and MikroORM read the types that
// emitDecoratorMetadata records, which esbuild does not emit.
export default defineConfig({
  plugins: [swc.vite({ module: { type: "es6" } })],
  test: {
    include: ["test/**/*.test.ts", "subgraphs/*/test/**/*.test.ts", "gateway/test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    setupFiles: ["reflect-metadata"],
  },
});
