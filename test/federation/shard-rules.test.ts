import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { readShardRules } from "@kooperacja/gateway/src/sharding/rules";

const supergraph = readFileSync(resolve(__dirname, "../../schema/supergraph.graphql"), "utf8");

describe("shard rules come from the regional contract", () => {
  it("reads a rule for every regional root field from the supergraph and none for the book's", () => {
    const rules = readShardRules(supergraph, "REGIONAL").root;
    expect(rules.get("partnerships")).toEqual({ merge: "CONCAT", by: undefined, prune: undefined });
    expect(rules.get("pilotSites")).toMatchObject({ merge: "CONNECTION", prune: "filter", defaultOrder: { field: "NAME", direction: "ASC" } });
    expect(rules.get("indicatorSummary")?.groupFields?.get("average")).toEqual({ merge: "RATIO", by: "sum/count", prune: undefined });
    expect(rules.get("pilotSite")).toMatchObject({ merge: "ROUTE", by: "id" });
    expect(rules.get("nodes")).toMatchObject({ merge: "ROUTE_MANY", by: "ids" });
    expect(rules.get("indicators")).toMatchObject({ merge: "UNION", by: "code" });
    expect(rules.has("recommendations")).toBe(false);
  });

  it("refuses to start on a regional root field that declares no rule", () => {
    const withoutRule = supergraph.replace(/(partnerships: \[Partnership!\]! @join__field\(graph: REGIONAL\)) @shard\(merge: "CONCAT"\)/, "$1");
    expect(withoutRule).not.toBe(supergraph);
    expect(() => readShardRules(withoutRule, "REGIONAL")).toThrow(/without a valid @shard rule.*partnerships/);
  });
});
