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

// The README's example queries are documentation users copy: each must run as written.
const examples = [...readFileSync(resolve(__dirname, "../README.md"), "utf8").matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]!);

describe("the README's example queries", () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(() => hub?.close());

  it("are there", () => {
    expect(examples.length).toBeGreaterThanOrEqual(6);
  });

  examples.forEach((query, index) => {
    it(`example ${index + 1} runs through the gateway without errors and returns data`, async () => {
      const variables = query.includes("$ids")
        ? { ids: [encodeGlobalId("kooperacje3d", "PilotSite", "1012011"), encodeGlobalId("liderzy", "Institution", "rops-bialystok")] }
        : {};
      const result = await graphql(hub.gateway.url, query, variables, await headersFor(query));
      expect(result.errors).toBeUndefined();
      const values = Object.values(result.data ?? {});
      expect(values.length).toBeGreaterThan(0);
      for (const value of values) expect(value).not.toBeNull();
    });
  });
});
