import { readFileSync } from "node:fs";
import { defineConfig } from "vite";

/** The build the gateway serves at /dashboard, with the persisted query manifest it trusts beside it. */
export default defineConfig({
  base: "/dashboard/",
  build: { outDir: "dist", emptyOutDir: true, target: "es2022", chunkSizeWarningLimit: 1000 },
  plugins: [
    {
      name: "persisted-query-manifest",
      generateBundle() {
        this.emitFile({ type: "asset", fileName: "persisted-queries.json", source: readFileSync("src/gql/persisted-documents.json", "utf8") });
      },
    },
  ],
});
