import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { readShardRules } from "@kooperacja/gateway/src/shard-rules";

const supergraph = readFileSync(resolve(__dirname, "../schema/supergraph.graphql"), "utf8");

describe("shard rules come from the regional contract", () => {
  it("reads a rule for every regional root field from the supergraph and none for the book's", () => {
    const rules = readShardRules(supergraph, "REGIONAL");
    expect(rules.get("partnerships")).toEqual({ merge: "CONCAT", by: undefined });
    expect(rules.get("pilotSite")).toEqual({ merge: "ROUTE", by: "id" });
    expect(rules.get("indicators")).toEqual({ merge: "UNION", by: "code" });
    expect(rules.has("recommendations")).toBe(false);
  });

  it("refuses to start on a regional root field that declares no rule", () => {
    const withoutRule = supergraph.replace(/(pilotSites: \[PilotSite!\]! @join__field\(graph: REGIONAL\)) @shard\(merge: "CONCAT"\)/, "$1");
    expect(withoutRule).not.toBe(supergraph);
    expect(() => readShardRules(withoutRule, "REGIONAL")).toThrow(/without a valid @shard rule.*pilotSites/);
  });
});
