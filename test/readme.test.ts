import { encodeGlobalId, isPartnershipKey, Role, type PartnershipKey } from "@kooperacja/shared";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as, graphql, startTestHub, type TestHub } from "./helpers";

/** An example that needs a token says so on its first line: `# Role: national_analyst` or `# Role: regional_owner (kooperacje3d)`. */
async function headersFor(query: string): Promise<Record<string, string>> {
  const match = /^# Role: (\w+)(?: \(([\w, ]+)\))?/.exec(query);
  if (!match) return {};
  const partnerships = (match[2] ?? "").split(",").map((key) => key.trim()).filter(isPartnershipKey) as PartnershipKey[];
  return as(match[1] as Role, partnerships);
}

/**
 * The README's example queries are documentation users copy: each must run
 * as written, in order on a fresh hub, and where the README shows the output
 * (a json block introduced by "Output"), the answer must be exactly that.
 */
const examples = (() => {
  const blocks = [...readFileSync(resolve(__dirname, "../README.md"), "utf8").matchAll(/```(\w*)\n([\s\S]*?)```/g)];
  return blocks.flatMap((block, index) => {
    if (block[1] !== "graphql") return [];
    const next = blocks[index + 1];
    const between = next ? block.input!.slice(block.index! + block[0].length, next.index).trim() : "";
    const output = next?.[1] === "json" && between.startsWith("Output") ? (JSON.parse(next[2]!) as unknown) : undefined;
    return [{ query: block[2]!, output }];
  });
})();

describe("the README's example queries", () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(() => hub?.close());

  it("are there", () => {
    expect(examples.length).toBeGreaterThanOrEqual(6);
  });

  it("show what some of them answer", () => {
    expect(examples.filter((example) => example.output !== undefined).length).toBeGreaterThanOrEqual(5);
  });

  examples.forEach(({ query, output }, index) => {
    it(`example ${index + 1} runs through the gateway without errors and returns data`, async () => {
      const variables = query.includes("$ids")
        ? { ids: [encodeGlobalId("kooperacje3d", "PilotSite", "1012011"), encodeGlobalId("liderzy", "Institution", "rops-bialystok")] }
        : {};
      const result = await graphql(hub.gateway.url, query, variables, await headersFor(query));
      expect(result.errors).toBeUndefined();
      const values = Object.values(result.data ?? {});
      expect(values.length).toBeGreaterThan(0);
      for (const value of values) expect(value).not.toBeNull();
      if (output !== undefined) expect(result.data).toEqual(output);
    });
  });
});
