import { parse, type FieldNode, type OperationDefinitionNode } from "graphql";
import { describe, expect, it } from "vitest";
import { clientPaths } from "../src/sharding/connection";
import { fragmentsOf } from "../src/sharding/operation";
import { listErrorPaths } from "../src/sharding/plan";

/** The root field of a query, and its fragments. */
function rootField(query: string): { node: FieldNode; context: { fragments: ReturnType<typeof fragmentsOf> } } {
  const document = parse(query);
  const operation = document.definitions[0] as OperationDefinitionNode;
  return { node: operation.selectionSet.selections[0] as FieldNode, context: { fragments: fragmentsOf(document) } };
}

describe("a shard's error path under a merged connection", () => {
  const { node, context } = rootField(`{
    sites: pilotSites(first: 3) {
      a: edges { n: node { fam: families { code } } }
      b: edges { node { ...Named } }
      count: totalCount
    }
  }
  fragment Named on PilotSite { name }`);
  const placed = new Map([
    [0, 2],
    [1, 0],
  ]);

  it("takes the client's aliases and the merged index, once for each alias that selects the failed field", () => {
    expect(clientPaths(node, context, ["sites", "_hubEdges", 0, "node", "fam"], (index) => placed.get(index))).toEqual([["sites", "a", 2, "n", "fam"]]);
    expect(clientPaths(node, context, ["sites", "_hubEdges", 1, "node", "name"], (index) => placed.get(index))).toEqual([["sites", "b", 0, "node", "name"]]);
    expect(clientPaths(node, context, ["sites", "_hubEdges", 1, "node"], (index) => placed.get(index))).toEqual([
      ["sites", "a", 0, "n"],
      ["sites", "b", 0, "node"],
    ]);
  });

  it("drops the errors of an edge the page did not keep, and renames the total's alias", () => {
    expect(clientPaths(node, context, ["sites", "_hubEdges", 7, "node", "fam"], (index) => placed.get(index))).toEqual([]);
    expect(clientPaths(node, context, ["sites", "_hubTotal"], () => undefined)).toEqual([["sites", "count"]]);
    expect(clientPaths(node, context, ["sites"], () => undefined)).toEqual([["sites"]]);
  });
});

describe("a shard's error path under a concatenated list", () => {
  it("moves to the item's place in the merged list, goes when the item was not kept, and stays at the list when the shard sent none", () => {
    const placed = new Map([
      [
        "kooperacja" as const,
        new Map([
          [0, 3],
          [1, 4],
        ]),
      ],
    ]);
    expect(listErrorPaths(placed, "kooperacja", ["partnerships", 1, "members", 0])).toEqual([["partnerships", 4, "members", 0]]);
    expect(listErrorPaths(placed, "kooperacja", ["partnerships", 2])).toEqual([]);
    // Liderzy sent no list (an error nulled it): its error is about the rows the merged list lacks.
    expect(listErrorPaths(placed, "liderzy", ["partnerships", 0, "key"])).toEqual([["partnerships"]]);
    expect(listErrorPaths(placed, "kooperacja", ["partnerships"])).toEqual([["partnerships"]]);
  });
});
