import { encodeGlobalId, PARTNERSHIP_KEYS } from "@kooperacja/contract";
import { Role } from "@kooperacja/service-kit";
import { query } from "../databases";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { as, graphql, proxiedGateway, startTestHub, type ProxiedGateway, type TestHub } from "../helpers";

describe("cross-region queries", () => {
  let hub: TestHub;
  let gateway: ProxiedGateway;
  const requests = () => Object.fromEntries(PARTNERSHIP_KEYS.map((key) => [key, gateway.proxies[key].requests]));

  // The owner of every partnership sees every row and unsuppressed aggregates: what plain SQL sees. Access rules are access.test.ts's.
  let owner: Record<string, string>;
  const ask = (url: string, query: string, variables?: Record<string, unknown>) => graphql(url, query, variables, owner);

  beforeAll(async () => {
    hub = await startTestHub({ SEED_SCALE: "3" });
    gateway = await proxiedGateway(hub);
    owner = await as(Role.REGIONAL_OWNER, [...PARTNERSHIP_KEYS]);
  });
  afterAll(async () => {
    await gateway?.close();
    await hub?.close();
  });
  beforeEach(() => {
    for (const proxy of Object.values(gateway.proxies)) proxy.reset();
  });

  describe("pruning", () => {
    const cases: [string, string, string[]][] = [
      ["one partnership", `{ partnerships: ["kooperacja"] }`, ["kooperacja"]],
      ["one macroregion", `{ macroregions: ["I"] }`, ["liderzy"]],
      ["one voivodeship", `{ voivodeships: ["10"] }`, ["kooperacje3d"]],
      ["one TERYT code", `{ teryt: ["2013052"] }`, ["liderzy"]],
      ["two voivodeships", `{ voivodeships: ["20", "28"] }`, ["liderzy", "kooperacja"]],
    ];
    for (const [name, filter, shards] of cases) {
      it(`sends a query filtered to ${name} only to the shards that can hold it`, async () => {
        const result = await ask(gateway.url, `{ pilotSites(filter: ${filter}) { totalCount edges { node { partnership { key } } } } }`);
        expect(result.errors).toBeUndefined();
        expect(
          Object.entries(requests())
            .filter(([, count]) => count > 0)
            .map(([key]) => key),
        ).toEqual(shards);
        for (const key of shards) expect(gateway.proxies[key as "liderzy"].requests).toBe(1);
        const keys = new Set(result.data.pilotSites.edges.map((edge: any) => edge.node.partnership.key));
        for (const key of keys) expect(shards).toContain(key);
      });
    }

    it("sends an unfiltered query to every shard once", async () => {
      const result = await ask(gateway.url, `{ pilotSites { totalCount } }`);
      expect(result.data.pilotSites.totalCount).toBe(6);
      expect(requests()).toEqual({ liderzy: 1, kooperacja: 1, kooperacje3d: 1 });
    });

    it("filters by TERYT prefix inside a shard: a powiat holds its gminas", async () => {
      const result = await ask(gateway.url, `{ pilotSites(filter: { teryt: ["1012"] }, orderBy: { field: TERYT }) { edges { node { name } } } }`);
      expect(result.data.pilotSites.edges.map((edge: any) => edge.node.name)).toEqual(["Powiat radomszczański", "Gmina Miasto Radomsko"]);
    });

    it("answers a filter that rules out every region with no rows, and a malformed one with BAD_USER_INPUT", async () => {
      const none = await ask(gateway.url, `{ pilotSites(filter: { partnerships: ["liderzy"], voivodeships: ["10"] }) { totalCount edges { cursor } } }`);
      expect(none.data.pilotSites).toEqual({ totalCount: 0, edges: [] });
      const bad = await ask(gateway.url, `{ pilotSites(filter: { teryt: ["12x"] }) { totalCount } }`);
      expect(bad.errors?.map((e) => e.extensions?.code)).toEqual(["BAD_USER_INPUT"]);
    });
  });

  describe("indicatorSummary", () => {
    const summary = (groupBy: string) =>
      ask(
        gateway.url,
        `{ indicatorSummary(indicator: "CONTRACT_GOALS_MET", groupBy: [${groupBy}]) { groups { partnership voivodeship voivodeshipName count sum min max average } } }`,
      );

    async function plainSql(groupColumn: string) {
      const rows = [];
      for (const key of PARTNERSHIP_KEYS) {
        rows.push(
          ...(await query<Record<string, any>>(
            hub.databaseUrl(key),
            `select ${groupColumn} as grp, count(*) as count, sum(value) as sum, min(value) as min, max(value) as max
               from indicator_value where indicator_id = 'CONTRACT_GOALS_MET' group by ${groupColumn}`,
          )),
        );
      }
      // Voivodeships never span regions, so each group comes from one database.
      return rows.sort((a, b) => String(a.grp).localeCompare(String(b.grp)));
    }

    it("equals plain SQL over the three databases, grouped by partnership", async () => {
      const result = await summary("PARTNERSHIP");
      expect(result.errors).toBeUndefined();
      const expected = await plainSql("partnership");
      const groups = [...result.data.indicatorSummary.groups].sort((a: any, b: any) => a.partnership.localeCompare(b.partnership));
      expect(groups.map((g: any) => [g.partnership, g.count, g.sum, g.min, g.max])).toEqual(expected.map((r) => [r.grp, r.count, r.sum, r.min, r.max]));
      for (const group of groups) expect(group.average).toBeCloseTo(group.sum / group.count, 10);
    });

    it("lists its groups in macroregion order, with compare's names for the count and the mean (the old ones deprecated, the same figures)", async () => {
      const result = await ask(
        gateway.url,
        `{ indicatorSummary(indicator: "CONTRACT_GOALS_MET", groupBy: [PARTNERSHIP]) { groups { partnership n count mean average sum } } }`,
      );
      expect(result.errors).toBeUndefined();
      const groups = result.data.indicatorSummary.groups;
      expect(groups.map((group: any) => group.partnership)).toEqual(["liderzy", "kooperacja", "kooperacje3d"]);
      for (const group of groups) {
        expect(group.n).toBe(group.count);
        expect(group.mean).toBe(group.average);
        expect(group.mean).toBeCloseTo(group.sum / group.n, 10);
      }
      const compare = await ask(gateway.url, `{ compare(indicators: ["CONTRACT_GOALS_MET"], by: [PARTNERSHIP]) { rows { partnership n mean } } }`);
      expect(compare.data.compare.rows.map((row: any) => [row.partnership, row.n, row.mean])).toEqual(
        groups.map((group: any) => [group.partnership, group.n, group.mean]),
      );
    });

    it("equals plain SQL over the three databases, grouped by voivodeship", async () => {
      const result = await summary("VOIVODESHIP");
      const expected = await plainSql("substr(site_id, 1, 2)");
      const groups = [...result.data.indicatorSummary.groups].sort((a: any, b: any) => a.voivodeship.localeCompare(b.voivodeship));
      expect(groups.map((g: any) => [g.voivodeship, g.count, g.sum, g.min, g.max])).toEqual(expected.map((r) => [r.grp, r.count, r.sum, r.min, r.max]));
      expect(new Set(groups.map((g: any) => g.voivodeshipName))).toEqual(new Set(["podlaskie", "warmińsko-mazurskie", "łódzkie"]));
    });

    it("equals plain SQL grouped by municipality kind, site and period", async () => {
      const result = await ask(
        gateway.url,
        `{ indicatorSummary(indicator: "FAMILIES_SUPPORTED", groupBy: [MUNICIPALITY_KIND, SITE, PERIOD], filter: { periodFrom: "2020-Q1" }) {
             groups { municipalityKind siteId siteName period count sum } } }`,
      );
      expect(result.errors).toBeUndefined();
      const expected = [];
      for (const key of PARTNERSHIP_KEYS) {
        const rows = await query<Record<string, any>>(
          hub.databaseUrl(key),
          `select u.municipality_kind as kind, s.id as site, s.name as name, v.period as period, count(*) as count, sum(v.value) as sum
             from indicator_value v join pilot_site s on s.id = v.site_id join territorial_unit u on u.id = s.unit_id
            where v.indicator_id = 'FAMILIES_SUPPORTED' and v.period >= '2020-Q1' group by u.municipality_kind, s.id, s.name, v.period`,
        );
        expected.push(...rows.map((r) => [r.kind, encodeGlobalId(key, "PilotSite", r.site), r.name, r.period, r.count, r.sum]));
      }
      const actual = result.data.indicatorSummary.groups.map((g: any) => [g.municipalityKind, g.siteId, g.siteName, g.period, g.count, g.sum]);
      const byKey = (rows: unknown[][]) => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
      expect(byKey(actual)).toEqual(byKey(expected));
      expect(actual.length).toBe(6 * 4);
    });

    it("merges the same group across shards: one group of everything", async () => {
      const result = await summary("");
      const [total] = await Promise.all([
        Promise.all(
          PARTNERSHIP_KEYS.map((key) =>
            query<Record<string, any>>(
              hub.databaseUrl(key),
              "select count(*) as n, sum(value) as s from indicator_value where indicator_id = 'CONTRACT_GOALS_MET'",
            ),
          ),
        ),
      ]);
      const rows = total.map((r) => r[0]!);
      expect(result.data.indicatorSummary.groups).toHaveLength(1);
      expect(result.data.indicatorSummary.groups[0]).toMatchObject({
        partnership: null,
        count: rows.reduce((a, r) => a + r.n, 0),
        sum: rows.reduce((a, r) => a + r.s, 0),
      });
    });

    it("moves only grouped partials across the network, never the rows behind them", async () => {
      const result = await summary("PARTNERSHIP");
      const rowsCounted = result.data.indicatorSummary.groups.reduce((sum: number, g: any) => sum + g.count, 0);
      expect(rowsCounted).toBeGreaterThan(50);
      for (const key of PARTNERSHIP_KEYS) {
        const [body] = gateway.proxies[key].bodies;
        const answer = JSON.parse(body!).data.indicatorSummary;
        const lists = Object.values(answer).filter(Array.isArray) as unknown[][];
        // The only list in the shard's answer is its groups: one per partnership here, with partial fields (and cell keys) only.
        expect(lists).toHaveLength(1);
        expect(lists[0]).toHaveLength(1);
        expect(Object.keys(lists[0]![0] as object).sort()).toEqual(
          [
            "__typename",
            "count",
            "families",
            "familyKey",
            "max",
            "min",
            "municipalityKind",
            "n",
            "partnership",
            "period",
            "recordKey",
            "siteId",
            "siteName",
            "sum",
            "syntheticRecords",
            "voivodeship",
            "voivodeshipName",
          ].sort(),
        );
        expect(body!.length).toBeLessThan(600);
      }
    });
  });

  describe("node and nodes", () => {
    it("returns the right entity from each shard", async () => {
      const ids = [
        encodeGlobalId("liderzy", "PilotSite", "2013102"),
        encodeGlobalId("kooperacja", "Institution", "umk-torun"),
        encodeGlobalId("kooperacje3d", "CooperationBody", "pzk-radomsko"),
        encodeGlobalId("kooperacje3d", "Partnership", "kooperacje3d"),
      ];
      for (const id of ids) {
        const result = await ask(gateway.url, `query($id: ID!) { node(id: $id) { __typename id } }`, { id });
        expect(result.errors).toBeUndefined();
        expect(result.data.node.id).toBe(id);
      }
      const many = await ask(
        gateway.url,
        `query($ids: [ID!]!) { nodes(ids: $ids) { __typename ... on PilotSite { name } ... on Institution { shortName } ... on CooperationBody { name } ... on Partnership { key } } }`,
        { ids: [ids[3], ids[0], ids[2], ids[1], encodeGlobalId("liderzy", "PilotSite", "0000000")] },
      );
      expect(many.errors).toBeUndefined();
      expect(many.data.nodes).toEqual([
        { __typename: "Partnership", key: "kooperacje3d" },
        { __typename: "PilotSite", name: "Gmina Wysokie Mazowieckie" },
        { __typename: "CooperationBody", name: "Partnerski Zespół Kooperacyjny w Gminie Miasto Radomsko" },
        { __typename: "Institution", shortName: "UMK Toruń" },
        null,
      ]);
      // Each node(id) went to its own shard only; nodes(ids) asked each shard once, for its own IDs.
      expect(requests()).toEqual({ liderzy: 2, kooperacja: 2, kooperacje3d: 3 });
    });

    it("refuses forged, malformed and foreign-type IDs with BAD_USER_INPUT", async () => {
      const forged = [
        "not-an-id",
        Buffer.from("mazowsze:PilotSite:2013102").toString("base64url"),
        Buffer.from("liderzy:NoSuchType:1").toString("base64url"),
        `${encodeGlobalId("liderzy", "PilotSite", "2013102")}=`,
      ];
      for (const id of forged) {
        const result = await ask(gateway.url, `query($id: ID!) { node(id: $id) { id } }`, { id });
        expect(
          result.errors?.map((e) => e.extensions?.code),
          id,
        ).toEqual(["BAD_USER_INPUT"]);
      }
      const many = await ask(gateway.url, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: ["bad", "worse"] });
      expect(many.data).toEqual({ nodes: [null, null] });
      expect(many.errors?.map((e) => [e.extensions?.code, e.path])).toEqual([
        ["BAD_USER_INPUT", ["nodes", 0]],
        ["BAD_USER_INPUT", ["nodes", 1]],
      ]);
      const foreignType = await ask(gateway.url, `query($id: ID!) { pilotSite(id: $id) { name } }`, {
        id: encodeGlobalId("liderzy", "Institution", "rops-bialystok"),
      });
      expect(foreignType.errors?.map((e) => e.extensions?.code)).toEqual(["BAD_USER_INPUT"]);
    });
  });

  describe("cursors", () => {
    it("refuse tampered, foreign and other-order cursors with BAD_USER_INPUT, and the hub stays up", async () => {
      const page = await ask(gateway.url, `{ pilotSites(first: 2) { pageInfo { endCursor } } supportedFamilies(first: 2) { pageInfo { endCursor } } }`);
      const cursor: string = page.data.pilotSites.pageInfo.endCursor;
      const familyCursor: string = page.data.supportedFamilies.pageInfo.endCursor;
      const [body, signature] = cursor.split(".") as [string, string];
      const decoded = Buffer.from(body, "base64url").toString();
      const tampered = [
        `${Buffer.from(decoded.replace("Gmina", "Gmino")).toString("base64url")}.${signature}`,
        `${body}.${signature.slice(0, -1)}${signature.endsWith("A") ? "B" : "A"}`,
        body,
        "garbage",
      ];
      const attempts = [
        ...tampered.map((after) => ({ query: `query($after: String) { pilotSites(first: 2, after: $after) { totalCount } }`, after })),
        { query: `query($after: String) { pilotSites(first: 2, after: $after) { totalCount } }`, after: familyCursor },
        { query: `query($after: String) { pilotSites(first: 2, after: $after, orderBy: { field: TERYT }) { totalCount } }`, after: cursor },
        { query: `query($after: String) { pilotSites(first: 2, after: $after, orderBy: { field: NAME, direction: DESC }) { totalCount } }`, after: cursor },
        { query: `query($after: String) { supportedFamilies(last: 2, before: $after) { totalCount } }`, after: cursor },
      ];
      for (const attempt of attempts) {
        const result = await ask(gateway.url, attempt.query, { after: attempt.after });
        expect(
          result.errors?.map((e) => e.extensions?.code),
          attempt.after,
        ).toEqual(["BAD_USER_INPUT"]);
      }
      const again = await ask(gateway.url, `query($after: String) { pilotSites(first: 2, after: $after) { totalCount edges { node { name } } } }`, {
        after: cursor,
      });
      expect(again.errors).toBeUndefined();
      expect(again.data.pilotSites.edges).toHaveLength(2);
    });
  });
});
