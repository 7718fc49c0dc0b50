import "reflect-metadata";
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { openBookDatabase } from "@kooperacja/book";
import { openRegionalDatabase } from "@kooperacja/regional";
import { DIALECTS, findPostgresBinaries, migrationNeeded } from "@kooperacja/database";
import { generateSchemaFiles, RELEASED_SUPERGRAPH_PATH, SCHEMA_DIR } from "../schema/schema-files";
import { judgeSchemaChanges } from "../schema/schema-governance";

/** The changelog that announces breaking changes; CHANGELOG_PATH points the check elsewhere (its test does). */
const CHANGELOG_PATH = process.env.CHANGELOG_PATH ?? resolve(__dirname, "../../../CHANGELOG.md");

/** Breaking changes since the last release pass only when announced; prints each change and returns whether all passed. */
async function governed(supergraph: string): Promise<boolean> {
  if (!existsSync(RELEASED_SUPERGRAPH_PATH)) {
    console.error(`No released schema at ${RELEASED_SUPERGRAPH_PATH}: run \`npm run schema:release\` once and commit it.`);
    return false;
  }
  const changelog = existsSync(CHANGELOG_PATH) ? readFileSync(CHANGELOG_PATH, "utf8") : "";
  const report = await judgeSchemaChanges(readFileSync(RELEASED_SUPERGRAPH_PATH, "utf8"), supergraph, changelog);
  const refused = report.breaking.filter((verdict) => verdict.refusal !== null);
  for (const { change, refusal } of report.breaking) {
    if (refusal) console.error(`Breaking change refused: ${change.message} (${refusal}).`);
    else console.log(`Breaking change announced in CHANGELOG.md after deprecation: ${change.message}`);
  }
  for (const change of report.dangerous) console.warn(`Dangerous change (clients may behave differently): ${change.message}`);
  for (const change of report.safe) console.log(`Safe change: ${change.message}`);
  const counts = `${report.breaking.length} breaking, ${report.dangerous.length} dangerous, ${report.safe.length} safe`;
  if (refused.length > 0) {
    console.error(
      `The API schema breaks ${refused.length} thing(s) clients of the last release rely on (${counts}). Deprecate first, release, list the removal under "## Unreleased" in CHANGELOG.md; see docs/dashboards.md, "Schema changes".`,
    );
    return false;
  }
  console.log(`The API schema keeps the last release's contract (${counts} change(s) since schema/released/).`);
  return true;
}

/**
 * `npm run schema` writes schema/*.graphql from the code;
 * `npm run schema:check` fails when the checked-in files differ from it, or
 * when the API schema breaks the last release's contract without announcing
 * it, or when the entities need a migration the code does not have;
 * `npm run schema:release` records the current supergraph as released.
 */
async function main(mode: string | undefined): Promise<number> {
  const { files } = await generateSchemaFiles();
  if (mode === "write") {
    mkdirSync(SCHEMA_DIR, { recursive: true });
    for (const [name, content] of Object.entries(files)) writeFileSync(join(SCHEMA_DIR, name), content);
    console.log(
      `Wrote ${Object.keys(files)
        .map((name) => `schema/${name}`)
        .join(", ")}.`,
    );
    return 0;
  }
  if (mode === "check") {
    const drifted = Object.entries(files).filter(([name, content]) => {
      const path = join(SCHEMA_DIR, name);
      return !existsSync(path) || readFileSync(path, "utf8") !== content;
    });
    if (drifted.length > 0) {
      console.error(
        `Schema drift: ${drifted.map(([name]) => `schema/${name}`).join(", ")} differ from the code. Run \`npm run schema\` and commit the result.`,
      );
      return 1;
    }
    console.log(`schema/ matches the code (${Object.keys(files).length} files).`);
    if (!(await governed(files["supergraph.graphql"]!))) return 1;
    const stale = [];
    const dialects = DIALECTS.filter((dialect) => {
      if (dialect !== "postgresql") return true;
      const found = findPostgresBinaries();
      if (!("missing" in found)) return true;
      // CI has the binaries (.ci/run installs them); elsewhere the check says what it could not do.
      if (process.env.CI === "true") throw new Error(`The PostgreSQL migrations cannot be checked: ${found.missing}.`);
      console.warn(`Skipped the PostgreSQL migrations check: ${found.missing}.`);
      return false;
    });
    for (const dialect of dialects) {
      if (await migrationNeeded(dialect, openRegionalDatabase)) stale.push(`regional on ${dialect} (npm run migration:regional -- <Name>)`);
      if (await migrationNeeded(dialect, openBookDatabase)) stale.push(`book on ${dialect} (npm run migration:book -- <Name>)`);
    }
    if (stale.length > 0) {
      console.error(`Entities changed without a migration: ${stale.join(", ")}.`);
      return 1;
    }
    console.log(`Migrations match the entities (${dialects.join(", ")}).`);
    return 0;
  }
  if (mode === "release") {
    // A release freezes the contract: what the code serves now is what later changes are judged against.
    mkdirSync(dirname(RELEASED_SUPERGRAPH_PATH), { recursive: true });
    writeFileSync(RELEASED_SUPERGRAPH_PATH, files["supergraph.graphql"]!);
    console.log(
      `Wrote ${RELEASED_SUPERGRAPH_PATH}: later breaking changes are judged against it. Move the "## Unreleased" entries of CHANGELOG.md under the new version.`,
    );
    return 0;
  }
  console.error("usage: schema-cli (write|check|release)");
  return 2;
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
