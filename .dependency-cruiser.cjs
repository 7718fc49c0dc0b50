/**
 * Package boundaries, checked by `npm run lint` (CI): the design's layering as rules
 * (docs/decisions/0019-package-boundaries.md). A module path here is the real file's path in
 * the repository (workspace links are followed).
 */
module.exports = {
  forbidden: [
    {
      name: "gateway-knows-only-the-contract",
      comment: "The gateway federates from schema/ and the contract (@kooperacja/shared); it never loads a subgraph's code or the hub's tools.",
      severity: "error",
      from: { path: "^gateway/" },
      to: { path: "^(subgraphs/(regional|book)|hub|dashboard)/" },
    },
    {
      name: "subgraphs-know-not-the-gateway",
      comment: "A subgraph serves its own contract; the gateway and the tools build on the subgraphs, not the other way.",
      severity: "error",
      from: { path: "^subgraphs/" },
      to: { path: "^(gateway|hub|dashboard)/" },
    },
    {
      name: "regions-and-book-apart",
      comment: "The regional contract and the book are two subgraphs; what they share lives in @kooperacja/shared.",
      severity: "error",
      from: { path: "^subgraphs/(regional|book)/" },
      to: { path: "^subgraphs/(regional|book)/", pathNot: "^subgraphs/$1/" },
    },
    {
      name: "shared-depends-on-no-service",
      severity: "error",
      from: { path: "^subgraphs/shared/" },
      to: { path: "^subgraphs/(regional|book)/" },
    },
    {
      name: "dashboard-uses-the-api-only",
      comment: "The dashboard is a client of the public GraphQL API: no server code in the page.",
      severity: "error",
      from: { path: "^dashboard/src/" },
      to: { path: "^(gateway|hub|subgraphs)/" },
    },
    {
      name: "production-code-never-loads-tests",
      severity: "error",
      from: { path: "^(gateway|hub|subgraphs/[^/]+|dashboard)/src/" },
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
      from: { path: "^(gateway|hub|subgraphs/[^/]+|dashboard)/src/" },
      to: { dependencyTypes: ["npm-no-pkg", "npm-unknown"] },
    },
    {
      name: "no-unresolvable",
      comment: "Type-only packages (types with no code to resolve) are erased by the compiler.",
      severity: "error",
      from: {},
      to: { couldNotResolve: true, dependencyTypesNot: ["type-only"] },
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
