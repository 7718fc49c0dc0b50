import "reflect-metadata";
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { openBookDatabase } from "@kooperacja/book";
import { openRegionalDatabase } from "@kooperacja/regional";
import { DIALECTS, findPostgresBinaries, migrationNeeded } from "@kooperacja/shared";
import { generateSchemaFiles, SCHEMA_DIR } from "./schema-files";

/**
 * `npm run schema` writes schema/*.graphql from the code;
 * `npm run schema:check` fails when the checked-in files differ from it, or
 * when the entities need a migration the code does not have.
 */
async function main(mode: string | undefined): Promise<number> {
  const { files } = await generateSchemaFiles();
  if (mode === "write") {
    mkdirSync(SCHEMA_DIR, { recursive: true });
    for (const [name, content] of Object.entries(files)) writeFileSync(join(SCHEMA_DIR, name), content);
    console.log(`Wrote ${Object.keys(files).map((name) => `schema/${name}`).join(", ")}.`);
    return 0;
  }
  if (mode === "check") {
    const drifted = Object.entries(files).filter(([name, content]) => {
      const path = join(SCHEMA_DIR, name);
      return !existsSync(path) || readFileSync(path, "utf8") !== content;
    });
    if (drifted.length > 0) {
      console.error(`Schema drift: ${drifted.map(([name]) => `schema/${name}`).join(", ")} differ from the code. Run \`npm run schema\` and commit the result.`);
      return 1;
    }
    console.log(`schema/ matches the code (${Object.keys(files).length} files).`);
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
  console.error("usage: schema-cli (write|check)");
  return 2;
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
