import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { composeChecked } from "../src/schema/schema-files";

const FEDERATION = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])`;

describe("composing the supergraph", () => {
  it("refuses a hint: two subgraphs describing one type differently", () => {
    const owner = `${FEDERATION}\n"""A pilot site, as its region describes it."""\ntype PilotSite @key(fields: "id") { id: ID! name: String }\ntype Query { sites: [PilotSite] }`;
    const citing = `${FEDERATION}\n"""A placeholder."""\ntype PilotSite @key(fields: "id", resolvable: false) { id: ID! }\ntype Evidence { site: PilotSite }\ntype Query { evidence: [Evidence] }`;
    expect(() =>
      composeChecked([
        { name: "regional", sdl: owner },
        { name: "book", sdl: citing },
      ]),
    ).toThrow(/Composition left hints.*INCONSISTENT_DESCRIPTION/s);
    // The citing subgraph leaving the description to the owner composes cleanly, with the owner's.
    const silent = citing.replace('"""A placeholder."""\n', "");
    expect(
      composeChecked([
        { name: "regional", sdl: owner },
        { name: "book", sdl: silent },
      ]).supergraphSdl,
    ).toContain("A pilot site, as its region describes it.");
  });

  it("gives the regional types the regions' own descriptions in the API schema", () => {
    const api = readFileSync(join(__dirname, "..", "..", "schema", "api.graphql"), "utf8");
    for (const placeholder of [
      "A pilot site of a regional partnership.",
      "An indicator value of a regional partnership.",
      "An outcome indicator of the catalogue.",
    ])
      expect(api).not.toContain(placeholder);
    const site = api.slice(api.indexOf("\ntype PilotSite "), api.indexOf("\n}", api.indexOf("\ntype PilotSite ")));
    expect(site).toContain("Global, opaque ID. It carries the owning partnership");
  });
});
