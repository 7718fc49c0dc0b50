import { PARTNERSHIP_KEYS } from "@kooperacja/contract";
import { Role } from "@kooperacja/service-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as, graphql, proxiedGateway, startTestHub, type ProxiedGateway, type TestHub } from "../helpers";

/** What the response holds at an error's path. */
function at(data: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((value, step) => (value as Record<string | number, unknown> | null)?.[step], data);
}

/** Every path in the response where `key` is null. */
function nullsOf(data: unknown, key: string, path: (string | number)[] = []): string[] {
  if (Array.isArray(data)) return data.flatMap((item, index) => nullsOf(item, key, [...path, index]));
  if (!data || typeof data !== "object") return [];
  return Object.entries(data).flatMap(([name, value]) =>
    name === key && value === null ? [JSON.stringify([...path, name])] : nullsOf(value, key, [...path, name]),
  );
}

const SITES = `{
  sites: pilotSites(first: 5, orderBy: { field: NAME }) {
    list: edges { site: node { name region: partnership { key } fam: families { code } } }
    all: totalCount
  }
}`;

describe("errors of merged fields are reported where the client's response has them", () => {
  let hub: TestHub;
  let gateway: ProxiedGateway;
  beforeAll(async () => {
    hub = await startTestHub();
    gateway = await proxiedGateway(hub);
  });
  afterAll(async () => {
    await gateway?.close();
    await hub?.close();
  });

  it("puts one error at each null field of a nested, aliased connection, naming the region of its row, the same on every run", async () => {
    const analyst = await as(Role.NATIONAL_ANALYST);
    const first = await graphql(hub.gateway.url, SITES, undefined, analyst);
    const nulls = nullsOf(first.data, "fam");
    expect(nulls.length).toBeGreaterThan(2);
    expect(first.errors!.map((error) => JSON.stringify(error.path)).sort()).toEqual([...nulls].sort());
    for (const error of first.errors!) {
      expect(at(first.data, error.path!)).toBeNull();
      const row = at(first.data, error.path!.slice(0, -1)) as { region: { key: string } };
      expect(error.extensions?.partnership).toBe(row.region.key);
    }
    for (let run = 0; run < 3; run++) expect((await graphql(hub.gateway.url, SITES, undefined, analyst)).errors).toEqual(first.errors);
  });

  it("maps the errors of one failing region to its own rows only, and drops those of rows the page did not keep", async () => {
    const owner = await as(Role.REGIONAL_OWNER, [...PARTNERSHIP_KEYS]);
    // Kooperacje 3D fails every site's families: null, and an error at its own path (its own edge index, the gateway's alias).
    gateway.proxies.kooperacje3d.rewrite = (body) => {
      const answer = JSON.parse(body);
      const errors: unknown[] = [];
      for (const [key, value] of Object.entries(answer.data ?? {})) {
        const edges = (value as { _hubEdges?: { node?: Record<string, unknown> }[] } | null)?._hubEdges ?? [];
        edges.forEach((edge, index) => {
          if (edge.node && "fam" in edge.node) {
            edge.node.fam = null;
            errors.push({ message: "families failed", path: [key, "_hubEdges", index, "node", "fam"], extensions: { code: "INTERNAL_SERVER_ERROR" } });
          }
        });
      }
      return JSON.stringify(errors.length > 0 ? { ...answer, errors } : answer);
    };
    try {
      const query = SITES.replace("first: 5", "first: 2");
      const result = await graphql(gateway.url, query, undefined, owner);
      const nulls = nullsOf(result.data, "fam");
      const regions = (result.data.sites.list as { site: { region: { key: string } } }[]).map((edge) => edge.site.region.key);
      expect(regions.filter((key) => key === "kooperacje3d").length).toBe(nulls.length);
      expect(result.errors!.map((error) => JSON.stringify(error.path))).toEqual(nulls);
      for (const error of result.errors!) expect(error.extensions).toMatchObject({ partnership: "kooperacje3d", code: "INTERNAL_SERVER_ERROR" });
      // All six sites, one page: each of Kooperacje 3D's two gets its error, at its place in the national order.
      const whole = await graphql(gateway.url, SITES.replace("first: 5", "first: 10"), undefined, owner);
      const placed = (whole.data.sites.list as { site: { name: string; region: { key: string } } }[]).flatMap((edge, index) =>
        edge.site.region.key === "kooperacje3d" ? [index] : [],
      );
      expect(placed).toHaveLength(2);
      expect(whole.errors!.map((error) => error.path)).toEqual(placed.map((index) => ["sites", "list", index, "site", "fam"]));
    } finally {
      gateway.proxies.kooperacje3d.rewrite = null;
    }
  });

  it("keeps the error of a region whose whole list failed: the client learns why its part is missing", async () => {
    // Kooperacja's answer to the concatenated `partnerships` list: a non-null field of its one row failed, so its list is null.
    gateway.proxies.kooperacja.rewrite = (body) => {
      const answer = JSON.parse(body);
      if (!answer.data || !("partnerships" in answer.data)) return body;
      return JSON.stringify({
        data: null,
        errors: [{ message: "the site count failed", path: ["partnerships", 0, "key"], extensions: { code: "INTERNAL_SERVER_ERROR" } }],
      });
    };
    try {
      const result = await graphql(gateway.url, "{ partnerships { key } }");
      // The other regions' rows, and the failing region's error at the list it is missing from, as for a region down
      // (it was dropped: the list came back short, with no error).
      expect(result.data.partnerships.map((partnership: { key: string }) => partnership.key)).toEqual(["liderzy", "kooperacje3d"]);
      expect(result.errors?.map((error) => [error.extensions?.code, error.extensions?.partnership, error.path])).toEqual([
        ["INTERNAL_SERVER_ERROR", "kooperacja", ["partnerships"]],
      ]);
    } finally {
      gateway.proxies.kooperacja.rewrite = null;
    }
  });
});
