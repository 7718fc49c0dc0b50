import { encodeGlobalId, PARTNERSHIP_KEYS, Role } from "@kooperacja/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as, graphql, startTestHub, type TestHub } from "./helpers";

describe("global object identification", () => {
  let hub: TestHub;
  let owner: Record<string, string>;
  beforeAll(async () => {
    hub = await startTestHub();
    owner = await as(Role.REGIONAL_OWNER, [...PARTNERSHIP_KEYS]);
  });
  afterAll(() => hub?.close());

  it("gives a catalogue indicator one ID, whichever region answers, and finds it by node and nodes", async () => {
    const catalogue = await graphql(hub.gateway.url, `{ indicators { id code } }`);
    expect(catalogue.errors).toBeUndefined();
    const ids = new Map<string, string>(catalogue.data.indicators.map((indicator: { id: string; code: string }) => [indicator.code, indicator.id]));
    expect(ids.size).toBeGreaterThan(5);
    // Each region, asked on its own, names every entry by the same ID.
    for (const key of PARTNERSHIP_KEYS) {
      const own = await graphql(hub.regions[key].url, `{ indicators { id code } }`, undefined, owner);
      expect(new Map(own.data.indicators.map((indicator: { id: string; code: string }) => [indicator.code, indicator.id])), key).toEqual(ids);
    }
    // Reached through a value of each region, it is the same entry.
    const values = await graphql(hub.gateway.url, `{ indicatorValues(first: 500) { edges { node { indicator { id code } } } } }`, undefined, owner);
    for (const { node } of values.data.indicatorValues.edges) expect(node.indicator.id).toBe(ids.get(node.indicator.code));
    const found = await graphql(hub.gateway.url, `query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on OutcomeIndicator { code } } }`, { ids: [...ids.values()] });
    expect(found.errors).toBeUndefined();
    expect(found.data.nodes.map((node: { id: string; code: string }) => [node.code, node.id])).toEqual([...ids.entries()]);
    const one = await graphql(hub.gateway.url, `query ($id: ID!) { node(id: $id) { id ... on OutcomeIndicator { code } } }`, { id: ids.get("FAMILIES_ENROLLED") });
    expect(one.data.node).toEqual({ id: ids.get("FAMILIES_ENROLLED"), code: "FAMILIES_ENROLLED" });
  });

  it("still finds an indicator by the ID a region gave it before (a reference stored then), answering with its one ID", async () => {
    const catalogue = await graphql(hub.gateway.url, `{ indicators { id code } }`);
    const current = catalogue.data.indicators.find((indicator: { code: string }) => indicator.code === "FAMILIES_ENROLLED").id;
    for (const key of PARTNERSHIP_KEYS) {
      const old = encodeGlobalId(key, "OutcomeIndicator", "FAMILIES_ENROLLED");
      const found = await graphql(hub.gateway.url, `query ($id: ID!) { node(id: $id) { id ... on OutcomeIndicator { code } } }`, { id: old });
      expect(found.errors, key).toBeUndefined();
      expect(found.data.node).toEqual({ id: current, code: "FAMILIES_ENROLLED" });
    }
  });
});
