import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "../..");

function schemaCheck(schemaDir?: string, changelog?: string) {
  const result = spawnSync(process.execPath, ["-r", "@swc-node/register", "hub/src/cli/schema-cli.ts", "check"], {
    cwd: ROOT,
    env: { ...process.env, ...(schemaDir ? { SCHEMA_DIR: schemaDir } : {}), ...(changelog ? { CHANGELOG_PATH: changelog } : {}) },
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

  describe("breaking changes against the last release (schema/released/)", () => {
    /**
     * A copy of schema/ whose last release had a field the code no longer
     * serves: as if the code had removed `Partnership.legacyCode`.
     */
    function releasedWithExtraField(directive: string, changelogEntry: string) {
      const dir = mkdtempSync(join(scratch, "release-"));
      cpSync(join(ROOT, "schema"), dir, { recursive: true });
      const path = join(dir, "released", "supergraph.graphql");
      const released = readFileSync(path, "utf8");
      const withField = released.replace(
        /(\n(\s*)euSharePercent: String @join__field\(graph: REGIONAL\))/,
        `$1\n$2legacyCode: String @join__field(graph: REGIONAL)${directive}`,
      );
      expect(withField).not.toBe(released);
      writeFileSync(path, withField);
      const changelog = join(dir, "CHANGELOG.md");
      writeFileSync(changelog, `# Changelog\n\n## Unreleased\n\n${changelogEntry}\n\n## 0.1.0 – 2026-11-25\n\n- Released \`Partnership.key\`.\n`);
      return schemaCheck(dir, changelog);
    }

    it("fails when a field is removed without deprecation, naming the field", () => {
      const { status, output } = releasedWithExtraField("", "- Removed `Partnership.legacyCode`.");
      expect(status).toBe(1);
      expect(output).toContain("Breaking change refused: Field 'legacyCode' was removed from object type 'Partnership'");
      expect(output).toContain("`Partnership.legacyCode` was not deprecated in the last release");
      // The dashboard developers' guide quotes this refusal; it must stay what the check prints.
      const refusal = output.split("\n").find((line) => line.startsWith("Breaking change refused"));
      expect(readFileSync(join(ROOT, "docs/dashboards.md"), "utf8")).toContain(`\n${refusal}\n`);
    });

    it("fails when a deprecated field is removed but the changelog does not list it", () => {
      const { status, output } = releasedWithExtraField(' @deprecated(reason: "Use `key`.")', "- Nothing yet.");
      expect(status).toBe(1);
      expect(output).toContain('`Partnership.legacyCode` is not listed under "## Unreleased" in CHANGELOG.md');
    });

    it("fails when the removal is listed only under an earlier release", () => {
      const { status, output } = releasedWithExtraField(
        ' @deprecated(reason: "Use `key`.")',
        "- Nothing yet.\n\n## 0.0.9\n\n- Removed `Partnership.legacyCode`.",
      );
      expect(status).toBe(1);
      expect(output).toContain("Partnership.legacyCode");
    });

    it("passes when the field was deprecated first and its removal is listed in the changelog", () => {
      const { status, output } = releasedWithExtraField(
        ' @deprecated(reason: "Use `key`.")',
        "- Removed `Partnership.legacyCode` (deprecated in 0.1.0; use `Partnership.key`).",
      );
      expect(output).toContain(
        "Breaking change announced in CHANGELOG.md after deprecation: Field 'legacyCode' (deprecated) was removed from object type 'Partnership'",
      );
      expect(output).toMatch(/1 breaking, \d+ dangerous, \d+ safe/);
      expect(status).toBe(0);
    });

    it("counts an added field as a safe change", () => {
      const dir = mkdtempSync(join(scratch, "release-"));
      cpSync(join(ROOT, "schema"), dir, { recursive: true });
      const path = join(dir, "released", "supergraph.graphql");
      writeFileSync(path, readFileSync(path, "utf8").replace(/\n\s*"""\n[^\n]*\n\s*"""\n\s*euSharePercent: String[^\n]*/, ""));
      const { status, output } = schemaCheck(dir);
      expect(output).toContain("Safe change: Field 'euSharePercent' was added to object type 'Partnership'");
      expect(output).toMatch(/0 breaking, \d+ dangerous,/);
      expect(status).toBe(0);
    });
  });
});
