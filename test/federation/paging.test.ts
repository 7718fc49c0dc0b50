import { DEFAULT_PAGE_SIZE, PARTNERSHIP_KEYS, tryDecodeGlobalId } from "@kooperacja/contract";
import { Role } from "@kooperacja/service-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as, graphql, startTestHub, type GraphQLResult, type TestHub } from "../helpers";

/** The owner of every partnership reads every row; the access rules themselves are tested in access.test.ts. */
let owner: Record<string, string>;

/** A small seeded PRNG, so a failing run can be repeated. */
function random(seed: number): (min: number, max: number) => number {
  let state = seed >>> 0;
  return (min, max) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return min + Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * (max - min + 1));
  };
}

interface Case {
  connection: string;
  selection: string;
  orders: Record<string, (node: any) => string | number>;
}

const CASES: Case[] = [
  { connection: "pilotSites", selection: "id name", orders: { NAME: (n) => n.name, TERYT: (n) => tryDecodeGlobalId(n.id)!.localId } },
  { connection: "supportedFamilies", selection: "id code startedOn", orders: { CODE: (n) => n.code, STARTED_ON: (n) => n.startedOn } },
  { connection: "indicatorValues", selection: "id period value", orders: { PERIOD: (n) => n.period, VALUE: (n) => n.value } },
];
const SEEDS = [1, 2, 3, 4];

/** Every connection of the API, in one order each, for the window checks. */
const WINDOWS: { c: Case; field: string }[] = [
  { c: CASES[0]!, field: "NAME" },
  { c: CASES[1]!, field: "CODE" },
  { c: { connection: "supportActivities", selection: "id title", orders: { TITLE: (n) => n.title } }, field: "TITLE" },
  { c: CASES[2]!, field: "PERIOD" },
  { c: { connection: "institutions", selection: "id name", orders: { NAME: (n) => n.name } }, field: "NAME" },
];

/**
 * The page the Relay Cursor Connections spec defines for these arguments
 * over `all` (ApplyCursorsToEdges, then first or last), with its page info:
 * more in the direction of travel, else whether a cursor row lies behind.
 */
function relayWindow(all: string[], args: { after: number | null; before: number | null; first: number | null; last: number | null }) {
  let window = all.map((id, index) => ({ id, index }));
  if (args.after !== null) window = window.filter(({ index }) => index > args.after!);
  if (args.before !== null) window = window.filter(({ index }) => index < args.before!);
  const backward = args.last !== null || (args.first === null && args.before !== null);
  const size = (backward ? args.last : args.first) ?? DEFAULT_PAGE_SIZE;
  const page = backward ? window.slice(Math.max(0, window.length - size)) : window.slice(0, size);
  return {
    ids: page.map(({ id }) => id),
    hasNextPage: backward ? args.before !== null : window.length > size,
    hasPreviousPage: backward ? window.length > size : args.after !== null,
  };
}

function compare(a: string | number, b: string | number): number {
  return typeof a === "number" && typeof b === "number" ? a - b : a < b ? -1 : a > b ? 1 : 0;
}

describe("paging through a connection across the three shards", () => {
  let hub: TestHub;
  beforeAll(async () => {
    owner = await as(Role.REGIONAL_OWNER, [...PARTNERSHIP_KEYS]);
    // Thousands of page requests a minute: the rate limit is tested in limits.test.ts, not here.
    hub = await startTestHub({ SEED_SCALE: "3", RATE_LIMIT_PER_MINUTE: "1000000" });
  });
  afterAll(() => hub?.close());

  /** Every row of the connection, read straight from each shard, in the national order the gateway promises. */
  async function expectedOrder(c: Case, field: string, direction: string): Promise<{ ids: string[]; total: number }> {
    const rows: { id: string; value: string | number; rank: number; local: string }[] = [];
    let total = 0;
    for (const [rank, key] of PARTNERSHIP_KEYS.entries()) {
      const result = await graphql(hub.regions[key].url, `{ ${c.connection}(first: 500) { totalCount edges { node { ${c.selection} } } } }`, undefined, owner);
      expect(result.errors).toBeUndefined();
      total += result.data[c.connection].totalCount;
      for (const { node } of result.data[c.connection].edges) {
        rows.push({ id: node.id, value: c.orders[field]!(node), rank, local: tryDecodeGlobalId(node.id)!.localId });
      }
    }
    rows.sort((a, b) => compare(a.value, b.value) || a.rank - b.rank || compare(a.local, b.local));
    if (direction === "DESC") rows.reverse();
    return { ids: rows.map((row) => row.id), total };
  }

  for (const c of CASES) {
    for (const field of Object.keys(c.orders)) {
      for (const direction of ["ASC", "DESC"]) {
        it(`${c.connection} by ${field} ${direction}: every row exactly once, in order, forward and backward, with random page sizes`, async () => {
          const expected = await expectedOrder(c, field, direction);
          expect(expected.ids.length).toBeGreaterThan(0);
          expect(new Set(expected.ids).size).toBe(expected.ids.length);
          const query = `query($first: Int, $after: String, $last: Int, $before: String) {
            ${c.connection}(first: $first, after: $after, last: $last, before: $before, orderBy: { field: ${field}, direction: ${direction} }) {
              totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
            }
          }`;
          for (const seed of SEEDS) {
            const size = random(seed * 1000 + field.length);
            const forward: string[] = [];
            let after: string | null = null;
            for (let pages = 0; pages < 1000; pages++) {
              const result: GraphQLResult = await graphql(hub.gateway.url, query, { first: size(1, 50), after }, owner);
              expect(result.errors).toBeUndefined();
              const page: any = result.data[c.connection];
              expect(page.totalCount).toBe(expected.total);
              forward.push(...page.edges.map((edge: any) => edge.node.id));
              expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
              if (page.edges.length > 0) expect(page.pageInfo.endCursor).toBe(page.edges.at(-1).cursor);
              if (!page.pageInfo.hasNextPage) break;
              after = page.pageInfo.endCursor;
            }
            expect(forward, `seed ${seed} forward`).toEqual(expected.ids);

            const backward: string[][] = [];
            let before: string | null = null;
            for (let pages = 0; pages < 1000; pages++) {
              const result: GraphQLResult = await graphql(hub.gateway.url, query, { last: size(1, 50), before }, owner);
              expect(result.errors).toBeUndefined();
              const page: any = result.data[c.connection];
              backward.unshift(page.edges.map((edge: any) => edge.node.id));
              if (!page.pageInfo.hasPreviousPage) break;
              before = page.pageInfo.startCursor;
            }
            expect(backward.flat(), `seed ${seed} backward`).toEqual(expected.ids);
          }
        });
      }
    }
  }

  for (const { c, field } of WINDOWS) {
    it(`${c.connection}: every first/after/last/before combination gives the spec's window over the shards' rows, with exact page info`, async () => {
      const expected = await expectedOrder(c, field, "ASC");
      const n = expected.ids.length;
      expect(n).toBeGreaterThan(3);
      const query = `query($first: Int, $after: String, $last: Int, $before: String) {
        ${c.connection}(first: $first, after: $after, last: $last, before: $before, orderBy: { field: ${field}, direction: ASC }) {
          edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        }
      }`;
      // The cursor of every row, from one page of them all.
      const all = await graphql(hub.gateway.url, query, { first: 500 }, owner);
      expect(all.data[c.connection].edges.map((edge: any) => edge.node.id)).toEqual(expected.ids);
      const cursors: string[] = all.data[c.connection].edges.map((edge: any) => edge.cursor);
      const mid = Math.floor(n / 2);
      let checked = 0;
      for (const after of [null, 0, mid, n - 1]) {
        for (const before of [null, 1, mid + 1, n - 1]) {
          for (const first of [null, 2, 500]) {
            for (const last of [null, 2, 500]) {
              const variables = { after: after === null ? null : cursors[after], before: before === null ? null : cursors[before], first, last };
              const result = await graphql(hub.gateway.url, query, variables, owner);
              const label = JSON.stringify({ after, before, first, last });
              if (first !== null && last !== null) {
                expect(
                  result.errors?.map((error) => error.extensions?.code),
                  label,
                ).toEqual(["BAD_USER_INPUT"]);
                continue;
              }
              expect(result.errors, `${label}: ${JSON.stringify(result.errors)}`).toBeUndefined();
              const page = result.data[c.connection];
              const want = relayWindow(expected.ids, { after, before, first, last });
              expect(
                page.edges.map((edge: any) => edge.node.id),
                label,
              ).toEqual(want.ids);
              expect({ hasNextPage: page.pageInfo.hasNextPage, hasPreviousPage: page.pageInfo.hasPreviousPage }, label).toEqual({
                hasNextPage: want.hasNextPage,
                hasPreviousPage: want.hasPreviousPage,
              });
              expect([page.pageInfo.startCursor, page.pageInfo.endCursor], label).toEqual([page.edges[0]?.cursor ?? null, page.edges.at(-1)?.cursor ?? null]);
              checked += 1;
            }
          }
        }
      }
      expect(checked).toBe(4 * 4 * 5);
    });
  }
});
