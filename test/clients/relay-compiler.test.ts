import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Kind, parse, print, type DefinitionNode } from "graphql";
import { afterAll, describe, expect, it } from "vitest";
import { codeBlocks, readmeAndGuides } from "../guides";

const ROOT = resolve(__dirname, "../..");

/** The operations clients are told to send: the dashboard's persisted ones and the examples of the README and its guides. */
function operations(): { source: string; definition: DefinitionNode }[] {
  const dashboard = parse(readFileSync(join(ROOT, "dashboard/src/operations.graphql"), "utf8")).definitions.map((definition) => ({
    source: "Dashboard",
    definition,
  }));
  const readme = readmeAndGuides().flatMap((guide) =>
    codeBlocks(guide)
      .filter((block) => block.language === "graphql")
      .flatMap((block) => parse(block.code).definitions.map((definition) => ({ source: "Readme", definition }))),
  );
  return [...dashboard, ...readme];
}

const scratch = mkdtempSync(join(tmpdir(), "relay-"));

/** Runs relay-compiler 21 (a Rust binary nobody here wrote) over the operations, each in a module of its own named as Relay wants. */
function compile(found: { source: string; definition: DefinitionNode }[]) {
  const dir = mkdtempSync(join(scratch, "project-"));
  mkdirSync(join(dir, "src"));
  found.forEach(({ source, definition }, index) => {
    if (definition.kind !== Kind.OPERATION_DEFINITION) throw new Error(`${source}: only operations are expected, found ${definition.kind}`);
    // Relay names an operation after its module and kind (`<Module>Query`).
    const module = `${source}${index + 1}`;
    const suffix = definition.operation === "mutation" ? "Mutation" : definition.operation === "subscription" ? "Subscription" : "Query";
    const renamed = { ...definition, name: { kind: Kind.NAME, value: `${module}${suffix}` } as const };
    writeFileSync(join(dir, "src", `${module}.ts`), `import { graphql } from "relay-runtime";\nexport default graphql\`\n${print(renamed)}\n\`;\n`);
  });
  writeFileSync(
    join(dir, "relay.config.json"),
    JSON.stringify({
      src: "./src",
      schema: join(ROOT, "schema/api.graphql"),
      language: "typescript",
      customScalarTypes: { DateTimeISO: "string", JSONObject: "Record<string, unknown>", Upload: "unknown" },
    }),
  );
  return spawnSync(join(ROOT, "node_modules/relay-compiler/cli.js"), [], { cwd: dir, encoding: "utf8" });
}

describe("relay-compiler 21 compiles the dashboard's and the README's operations against schema/api.graphql", () => {
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("finds no error in any of them", () => {
    const found = operations();
    const run = compile(found);
    process.stdout.write(`relay-compiler: ${found.length} operations (dashboard, README and guides), exit ${run.status}\n`);
    expect(found.length).toBeGreaterThan(15);
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
  });

  it("fails on an operation the schema does not allow", () => {
    const run = compile([{ source: "Broken", definition: parse("{ partnerships { key legacyCode } }").definitions[0]! }]);
    expect(run.status).not.toBe(0);
    expect(`${run.stdout}${run.stderr}`).toContain("legacyCode");
  });
});
