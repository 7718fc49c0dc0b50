// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";

/**
 * typescript-eslint's recommended rules over all the TypeScript, without type
 * information (fast enough for every CI run). Prettier owns the layout.
 */
export default tseslint.config(
  { ignores: ["**/node_modules/", "dashboard/dist/", "dashboard/src/gql/", "bench/results/", "bench/.data/", "test-artifacts/", "coverage/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // `_name` marks an argument or binding kept for its position or shape.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true }],
      // `let { id, version } = …` where only one is reassigned stays one statement.
      "prefer-const": ["error", { destructuring: "all" }],
    },
  },
  {
    // CI's scripts: plain ES modules, run by Node before and outside the workspaces.
    files: [".ci/*.mjs"],
    languageOptions: {
      globals: { process: "readonly", console: "readonly", fetch: "readonly", setTimeout: "readonly", clearTimeout: "readonly", AbortSignal: "readonly" },
    },
  },
  {
    // Configuration in CommonJS, read by Node.
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { module: "writable", require: "readonly", __dirname: "readonly" } },
  },
  {
    // Tests read GraphQL answers as loosely typed JSON.
    files: ["test/**/*.ts", "**/test/**/*.ts", "bench/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
);
