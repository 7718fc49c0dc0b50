/**
 * Package boundaries, checked by `npm run lint` (CI): the design's layering as rules
 * (docs/decisions/0019-package-boundaries.md). A module path here is the real file's path in
 * the repository (workspace links are followed).
 */
module.exports = {
  forbidden: [
    {
      name: "gateway-knows-only-the-contract",
      comment:
        "The gateway federates from schema/ with the contract and the service kit; it never loads a subgraph's code, the database or the subgraph server, nor the hub's tools.",
      severity: "error",
      from: { path: "^gateway/" },
      to: { path: "^(subgraphs/|packages/(database|subgraph-kit)/|hub/|dashboard/)" },
    },
    {
      name: "subgraphs-know-not-the-gateway",
      comment: "A subgraph serves its own contract; the gateway and the tools build on the subgraphs, not the other way.",
      severity: "error",
      from: { path: "^(subgraphs|packages)/" },
      to: { path: "^(gateway|hub|dashboard)/" },
    },
    {
      name: "regions-and-book-apart",
      comment: "The regional contract and the book are two subgraphs; what they share lives in packages/.",
      severity: "error",
      from: { path: "^subgraphs/(regional|book)/" },
      to: { path: "^subgraphs/(regional|book)/", pathNot: "^subgraphs/$1/" },
    },
    {
      name: "packages-depend-on-no-service",
      severity: "error",
      from: { path: "^packages/" },
      to: { path: "^subgraphs/" },
    },
    {
      name: "packages-layered",
      comment: "contract ← service-kit ← database ← subgraph-kit: each package uses only those before it.",
      severity: "error",
      from: { path: "^packages/contract/" },
      to: { path: "^packages/(service-kit|database|subgraph-kit)/" },
    },
    {
      name: "service-kit-below-the-database",
      severity: "error",
      from: { path: "^packages/service-kit/" },
      to: { path: "^packages/(database|subgraph-kit)/" },
    },
    {
      name: "database-below-the-subgraph-kit",
      severity: "error",
      from: { path: "^packages/database/" },
      to: { path: "^packages/subgraph-kit/" },
    },
    {
      name: "dashboard-uses-the-api-only",
      comment: "The dashboard is a client of the public GraphQL API: no server code in the page.",
      severity: "error",
      from: { path: "^dashboard/src/" },
      to: { path: "^(gateway|hub|subgraphs|packages)/" },
    },
    {
      name: "production-code-never-loads-tests",
      severity: "error",
      from: { path: "^(gateway|hub|subgraphs/[^/]+|packages/[^/]+|dashboard)/src/" },
      to: { path: "(^test/|/test/)" },
    },
    {
      name: "no-cycles",
      comment: "An import cycle makes load order matter (a class undefined at decoration time).",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "declared-dependencies",
      comment: "Every package a workspace imports is declared in that workspace's package.json.",
      severity: "error",
      from: { path: "^(gateway|hub|subgraphs/[^/]+|packages/[^/]+|dashboard)/src/" },
      to: { dependencyTypes: ["npm-no-pkg", "npm-unknown"] },
    },
    {
      name: "no-unresolvable",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)dist/|dashboard/src/gql/" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    combinedDependencies: false,
    // Type-only packages (no code, only typings) resolve to their typings.
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"],
    },
  },
};
