import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import config from "../../dashboard/codegen";

const DASHBOARD = resolve(__dirname, "../../dashboard");
const API_SCHEMA = resolve(__dirname, "../../schema/api.graphql");
// The codegen is the dashboard workspace's own dependency; it resolves presets and paths from the working directory, which here is the repository's.
const dashboardRequire = createRequire(join(DASHBOARD, "package.json"));
const { generate } = dashboardRequire("@graphql-codegen/cli") as {
  generate(config: object, saveToFile: boolean): Promise<{ filename: string; content: string }[]>;
};
const { preset } = dashboardRequire("@graphql-codegen/client-preset") as { preset: object };

/** Runs the dashboard's own codegen configuration against another schema, writing nothing. */
function codegenAgainst(schemaPath: string) {
  const generates = Object.fromEntries(Object.entries(config.generates).map(([path, target]) => [join(scratch, path), { ...(target as object), preset }]));
  const documents = (config.documents as string[]).map((pattern) => join(DASHBOARD, pattern));
  return generate({ ...config, schema: schemaPath, documents, generates, silent: true }, false);
}

const scratch = mkdtempSync(join(tmpdir(), "kooperacja-codegen-"));

describe("the dashboard's typed documents (GraphQL Code Generator)", () => {
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("are generated from the checked-in API schema, with a manifest entry per operation", async () => {
    const outputs = await codegenAgainst(API_SCHEMA);
    const manifest = JSON.parse(outputs.find((output) => output.filename.endsWith("persisted-documents.json"))!.content) as Record<string, string>;
    expect(
      Object.values(manifest)
        .map((document) => /^query (\w+)/.exec(document)?.[1])
        .sort(),
    ).toEqual([
      "DashboardComparison",
      "DashboardCoverage",
      "DashboardIndicators",
      "DashboardMap",
      "DashboardOverview",
      "DashboardSeries",
      "DashboardSiteFigures",
      "DashboardVoivodeships",
    ]);
    const types = outputs.find((output) => output.filename.endsWith("graphql.ts"))!.content;
    expect(types).toContain("euSharePercent?: string | null");
  });

  it("fail the build when the schema loses a field the dashboard reads, naming the field", async () => {
    const schema = readFileSync(API_SCHEMA, "utf8");
    const without = schema.replace(/\n\s*"""\n[^\n]*\n\s*"""\n\s*euSharePercent: String\n/, "\n");
    expect(without).not.toBe(schema);
    const path = join(scratch, "api.graphql");
    writeFileSync(path, without);
    await expect(codegenAgainst(path)).rejects.toThrow(/Cannot query field "euSharePercent" on type "Partnership"/);
  });
});
