import { encodeGlobalId, isPartnershipKey, type PartnershipKey } from "@kooperacja/contract";
import { Role } from "@kooperacja/service-kit";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { buildSchema, isInterfaceType, isObjectType, Kind, parse, print, TypeInfo, visit, visitWithTypeInfo } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeBlocks, readmeAndGuides, relativeLinks, ROOT } from "../guides";
import { as, graphql, startTestHub, type TestHub } from "../helpers";

/** An example that needs a token says so on its first line: `# Role: national_analyst` or `# Role: regional_owner (kooperacje3d)`. */
async function headersFor(query: string): Promise<Record<string, string>> {
  const match = /^# Role: (\w+)(?: \(([\w, ]+)\))?/.exec(query);
  if (!match) return {};
  const partnerships = (match[2] ?? "")
    .split(",")
    .map((key) => key.trim())
    .filter(isPartnershipKey) as PartnershipKey[];
  return as(match[1] as Role, partnerships);
}

/**
 * The example queries of the README and its guides are documentation users
 * copy: each must run as written, in order on one fresh hub, and where a
 * guide shows the output (a json block introduced by "Output"), the answer
 * must be exactly that.
 */
const guides = readmeAndGuides();
const examples = guides.flatMap((guide) => {
  const blocks = codeBlocks(guide);
  return blocks.flatMap((block, index) => {
    if (block.language !== "graphql") return [];
    const next = blocks[index + 1];
    const output = next?.language === "json" && block.after.startsWith("Output") ? (JSON.parse(next.code) as unknown) : undefined;
    return [{ guide: guide.path, query: block.code, output }];
  });
});

const API = buildSchema(readFileSync(join(ROOT, "schema/api.graphql"), "utf8"));
const CRAWL = "crawledId";

/**
 * The example as a crawler reads it: every object it selects that has an
 * `id` also gives it, under an alias of the crawler's (JSON scalars such as
 * the audit trail's snapshots are left alone: only fields the schema types
 * as objects with an ID are read).
 */
function crawling(query: string): string {
  const info = new TypeInfo(API);
  const document = visit(
    parse(query),
    visitWithTypeInfo(info, {
      SelectionSet: {
        leave(node) {
          const type = info.getParentType();
          if (!(isObjectType(type) || isInterfaceType(type)) || !type.getFields().id) return undefined;
          return {
            ...node,
            selections: [...node.selections, { kind: Kind.FIELD, alias: { kind: Kind.NAME, value: CRAWL }, name: { kind: Kind.NAME, value: "id" } }],
          };
        },
      },
    }),
  );
  return print(document);
}

/** Every ID the crawler's alias gathered. */
function idsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(idsIn);
  if (!value || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, inner]) => (key === CRAWL && typeof inner === "string" ? [inner] : idsIn(inner)));
}

let crawled = 0;

describe("the README and its guides", () => {
  it("the README is short (at most 250 lines) and lists the guides, each of which exists", () => {
    expect(guides[0]!.text.split("\n").length).toBeLessThanOrEqual(250);
    expect(guides.map((guide) => guide.path)).toEqual([
      "README.md",
      "docs/analysts.md",
      "docs/regional-owners.md",
      "docs/dashboards.md",
      "docs/access-and-privacy.md",
      "docs/privacy.md",
      "docs/operations.md",
      "docs/scaling.md",
      "docs/architecture.md",
    ]);
  });

  it("link only to files the repository has", () => {
    const broken = guides.flatMap((guide) =>
      relativeLinks(guide)
        .filter(({ target }) => !existsSync(target))
        .map(({ link }) => `${guide.path}: ${link}`),
    );
    expect(broken).toEqual([]);
  });

  it("show only npm scripts that package.json has", () => {
    const scripts = Object.keys((JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts);
    const shown = guides.flatMap((guide) =>
      codeBlocks(guide)
        .filter((block) => block.language === "sh")
        .flatMap((block) => [...block.code.matchAll(/npm run (?:-s )?([\w:-]+)/g)].map((match) => ({ guide: guide.path, script: match[1]! }))),
    );
    expect(shown.length).toBeGreaterThan(10);
    expect(shown.filter(({ script }) => !scripts.includes(script))).toEqual([]);
  });
});

describe("the example queries of the README and its guides", () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(() => hub?.close());

  it("are there, in the README and in the analysts' and owners' guides", () => {
    expect(examples.length).toBeGreaterThanOrEqual(16);
    for (const guide of ["README.md", "docs/analysts.md", "docs/regional-owners.md"])
      expect(
        examples.some((example) => example.guide === guide),
        guide,
      ).toBe(true);
  });

  it("show what some of them answer", () => {
    expect(examples.filter((example) => example.output !== undefined).length).toBeGreaterThanOrEqual(5);
  });

  examples.forEach(({ guide, query, output }, index) => {
    it(`example ${index + 1} (${guide}) runs through the gateway without errors and returns data`, async () => {
      const variables = query.includes("$ids")
        ? { ids: [encodeGlobalId("kooperacje3d", "PilotSite", "1012011"), encodeGlobalId("liderzy", "Institution", "rops-bialystok")] }
        : {};
      const result = await graphql(hub.gateway.url, query, variables, await headersFor(query));
      expect(result.errors).toBeUndefined();
      const values = Object.values(result.data ?? {});
      expect(values.length).toBeGreaterThan(0);
      for (const value of values) expect(value).not.toBeNull();
      if (output !== undefined) expect(result.data).toEqual(output);
      // Every record the example reaches has an ID that `node` and `nodes` find again (a mutation is not run twice).
      if (/^\s*(#.*\n\s*)*mutation\b/.test(query)) return;
      const crawl = await graphql(hub.gateway.url, crawling(query), variables, await headersFor(query));
      expect(crawl.errors).toBeUndefined();
      const ids = [...new Set(idsIn(crawl.data))];
      for (let start = 0; start < ids.length; start += 100) {
        const chunk = ids.slice(start, start + 100);
        const found = await graphql(
          hub.gateway.url,
          `
            query ($ids: [ID!]!) {
              nodes(ids: $ids) {
                id
              }
            }
          `,
          { ids: chunk },
          await headersFor(query),
        );
        expect(found.errors, JSON.stringify(found.errors)).toBeUndefined();
        expect(found.data.nodes.map((node: { id: string } | null) => node?.id ?? null)).toEqual(chunk);
      }
      crawled += ids.length;
    });
  });

  it("crawl: their answers hold IDs, and node finds each one", () => {
    expect(crawled).toBeGreaterThan(20);
    process.stdout.write(`README crawl: ${crawled} IDs in the examples' answers, each found again by nodes\n`);
  });
});
