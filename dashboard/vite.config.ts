import { readFileSync } from "node:fs";
import { defineConfig } from "vite";

/** The build the gateway serves at /dashboard, with the persisted query manifest it trusts beside it. */
export default defineConfig({
  base: "/dashboard/",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    // GraphiQL (with React and CodeMirror) is the explorer's own chunk; the dashboard does not load it.
    chunkSizeWarningLimit: 3000,
    // Two pages: the dashboard, and the API explorer the gateway serves at / (no CDN: it works offline).
    rollupOptions: {
      input: { dashboard: "index.html", explorer: "explorer.html" },
      // React's libraries mark their modules "use client" (for server components); a browser bundle has no use for it.
      onwarn(warning, warn) {
        if (warning.code !== "MODULE_LEVEL_DIRECTIVE") warn(warning);
      },
    },
  },
  plugins: [
    {
      name: "persisted-query-manifest",
      generateBundle() {
        this.emitFile({ type: "asset", fileName: "persisted-queries.json", source: readFileSync("src/gql/persisted-documents.json", "utf8") });
      },
    },
  ],
});
