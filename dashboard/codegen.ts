import type { CodegenConfig } from "@graphql-codegen/cli";

/**
 * Typed documents for the dashboard from the hub's API schema. Codegen
 * validates every operation against schema/api.graphql, so a schema change
 * that breaks the page fails the build; and it writes the persisted query
 * manifest (SHA-256 → document) the gateway trusts. The page itself carries
 * only the hashes.
 */
const config: CodegenConfig = {
  schema: "../schema/api.graphql",
  documents: ["src/**/*.graphql"],
  ignoreNoDocuments: false,
  generates: {
    "src/gql/": {
      preset: "client",
      presetConfig: {
        fragmentMasking: false,
        persistedDocuments: { mode: "replaceDocumentWithHash", hashAlgorithm: "sha256" },
      },
      config: { documentMode: "string", enumsAsTypes: true, useTypeImports: true, avoidOptionals: false },
    },
  },
};

export default config;
