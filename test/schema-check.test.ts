import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "..");

function schemaCheck(schemaDir?: string) {
  const result = spawnSync(process.execPath, ["-r", "@swc-node/register", "gateway/src/schema-cli.ts", "check"], {
    cwd: ROOT,
    env: { ...process.env, ...(schemaDir ? { SCHEMA_DIR: schemaDir } : {}) },
    encoding: "utf8",
  });
  return { status: result.status, output: result.stdout + result.stderr };
}

describe("npm run schema:check", () => {
  const scratch = mkdtempSync(join(tmpdir(), "kooperacja-schema-"));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("passes on the checked-in schema", () => {
    const { status, output } = schemaCheck();
    expect(output).toContain("schema/ matches the code");
    expect(status).toBe(0);
  });

  it("fails when the code has a field the checked-in files lack", () => {
    // The checked-in files as they were before `euSharePercent` was added to the code.
    cpSync(join(ROOT, "schema"), scratch, { recursive: true });
    for (const file of ["regional.graphql", "supergraph.graphql"]) {
      const path = join(scratch, file);
      const before = readFileSync(path, "utf8");
      const after = before.replace(/\n\s*"""\n[^\n]*\n\s*"""\n\s*euSharePercent: String[^\n]*/, "");
      expect(after).not.toBe(before);
      writeFileSync(path, after);
    }
    const { status, output } = schemaCheck(scratch);
    expect(status).toBe(1);
    expect(output).toContain("Schema drift");
    expect(output).toContain("regional.graphql");
    expect(output).toContain("supergraph.graphql");
    expect(output).not.toContain("book.graphql");
  });
});
