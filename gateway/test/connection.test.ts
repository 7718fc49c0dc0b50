import {
  CursorSigner,
  decodeShardCursor,
  encodeShardCursor,
  PARTNERSHIP_KEYS,
  ShardMerge,
  type PartnershipKey,
  type ShardPosition,
} from "@kooperacja/contract";
import { PUBLIC_IDENTITY } from "@kooperacja/service-kit";
import { Kind, parse, valueFromASTUntyped, type FieldNode, type OperationDefinitionNode } from "graphql";
import { describe, expect, it } from "vitest";
import { connectionStrategy } from "../src/sharding/connection";
import type { PlanContext } from "../src/sharding/plan";
import type { RootRule } from "../src/sharding/rules";

/**
 * The gateway's connection merge without servers: three fake shards page their own rows as
 * the regional contract does (keyset on value then id, `first`/`last`, the limit + 1 probe),
 * and every page the gateway merges is checked against the Relay window over the national
 * order computed here (value, then macroregion, then id), for every cursor and page size.
 */

interface Row {
  id: string;
  value: number;
}

const SCOPE_FIELD = "pilotSites";
const RULE: RootRule = { merge: ShardMerge.CONNECTION, defaultOrder: { field: "NAME", direction: "ASC" } };

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** Rows per shard, with many ties on the sort value so the tie-breakers decide. */
function shards(seed: number): Record<PartnershipKey, Row[]> {
  const next = random(seed);
  return Object.fromEntries(
    PARTNERSHIP_KEYS.map((key, shard) => [
      key,
      Array.from({ length: 3 + Math.floor(next() * 6) }, (_, index) => ({ id: `r${shard}${String(index).padStart(2, "0")}`, value: Math.floor(next() * 4) })),
    ]),
  ) as Record<PartnershipKey, Row[]>;
}

const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

/** One shard's answer, as subgraphs/regional's `paginate` gives it: the spec of a shard, written again here. */
function shardPage(rows: Row[], args: { first?: number; last?: number; after?: string; before?: string }, scope: string, ascending: boolean) {
  const sign = ascending ? 1 : -1;
  const beyond = (row: Row, position: ShardPosition, op: 1 | -1) => {
    const byValue = sign * compare(row.value, position.value as number) * op;
    if (position.id === null) return byValue > 0 || (position.inclusive && byValue === 0);
    return byValue > 0 || (byValue === 0 && sign * compare(row.id, position.id) * op > 0);
  };
  const after = args.after ? decodeShardCursor(args.after, scope) : undefined;
  const before = args.before ? decodeShardCursor(args.before, scope) : undefined;
  const backward = args.last !== undefined || (args.first === undefined && Boolean(args.before));
  const size = (backward ? args.last : args.first) ?? 50;
  const ordered = rows
    .filter((row) => (!after || beyond(row, after, 1)) && (!before || beyond(row, before, -1)))
    .sort((a, b) => sign * (compare(a.value, b.value) || compare(a.id, b.id)));
  const read = backward ? ordered.reverse() : ordered;
  const page = read.slice(0, size);
  if (backward) page.reverse();
  return {
    __typename: "PilotSiteConnection",
    _hubEdges: page.map((row) => ({
      __typename: "PilotSiteEdge",
      _hubCursor: encodeShardCursor({ scope, value: row.value, id: row.id, inclusive: false }),
      node: { id: row.id },
    })),
    _hubPageInfo: { hasNextPage: backward ? Boolean(args.before) : read.length > size, hasPreviousPage: backward ? read.length > size : Boolean(args.after) },
    _hubTotal: rows.length,
  };
}

function fieldOf(query: string): FieldNode {
  const operation = parse(query).definitions[0] as OperationDefinitionNode;
  return operation.selectionSet.selections[0] as FieldNode;
}

function argumentsOf(node: FieldNode): Record<string, unknown> {
  return Object.fromEntries((node.arguments ?? []).map((argument) => [argument.name.value, valueFromASTUntyped(argument.value, {})]));
}

const cursors = new CursorSigner("unit-test-secret");
const context: PlanContext = {
  variables: {},
  fragments: new Map(),
  shards: [...PARTNERSHIP_KEYS],
  cursors,
  identity: PUBLIC_IDENTITY,
  suppressionThreshold: 5,
};

interface Page {
  ids: string[];
  cursors: string[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  totalCount: number;
}

/** The gateway's page: the strategy's query to each fake shard, then its merge. */
function gatewayPage(data: Record<PartnershipKey, Row[]>, args: string, direction: "ASC" | "DESC"): Page {
  const node = fieldOf(
    `{ ${SCOPE_FIELD}(orderBy: { field: NAME, direction: ${direction} }${args}) { totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage } } }`,
  );
  const plan = connectionStrategy(node, RULE, context);
  expect(plan.errors).toEqual([]);
  const scope = `${SCOPE_FIELD}:NAME:${direction}`;
  const answers = plan.targets.map((shard) => {
    const asked = plan.shardField(shard);
    expect(asked.selectionSet?.kind).toBe(Kind.SELECTION_SET);
    return { shard, value: shardPage(data[shard], argumentsOf(asked) as never, scope, direction === "ASC") };
  });
  const merged = plan.merge(answers) as {
    totalCount: number;
    edges: { cursor: string; node: { id: string } }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean };
  };
  return {
    ids: merged.edges.map((edge) => edge.node.id),
    cursors: merged.edges.map((edge) => edge.cursor),
    hasNextPage: merged.pageInfo.hasNextPage,
    hasPreviousPage: merged.pageInfo.hasPreviousPage,
    totalCount: merged.totalCount,
  };
}

/** The national order: value, then the partnership's macroregion, then the row's ID, in the direction asked. */
function nationalOrder(data: Record<PartnershipKey, Row[]>, direction: "ASC" | "DESC"): string[] {
  const sign = direction === "ASC" ? 1 : -1;
  return PARTNERSHIP_KEYS.flatMap((key, rank) => data[key].map((row) => ({ ...row, rank })))
    .sort((a, b) => sign * (compare(a.value, b.value) || a.rank - b.rank || compare(a.id, b.id)))
    .map((row) => row.id);
}

/** The Relay spec's window (with the hub's page info: beyond the page in the direction of travel, else whether a cursor row lies behind). */
function relayWindow(all: string[], args: { after: number | null; before: number | null; first: number | null; last: number | null }) {
  const window = all.slice(args.after === null ? 0 : args.after + 1, args.before === null ? all.length : args.before);
  const backward = args.last !== null || (args.first === null && args.before !== null);
  const size = (backward ? args.last : args.first) ?? 50;
  return {
    ids: backward ? window.slice(Math.max(0, window.length - size)) : window.slice(0, size),
    hasNextPage: backward ? args.before !== null : window.length > size,
    hasPreviousPage: backward ? window.length > size : args.after !== null,
  };
}

describe("the gateway's connection across three shards", () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    for (const direction of ["ASC", "DESC"] as const) {
      it(`pages the national order exactly as the Relay spec windows it (seed ${seed}, ${direction})`, () => {
        const data = shards(seed);
        const all = nationalOrder(data, direction);
        const total = all.length;
        // Cursors of every row, as the gateway issues them: read by walking forward one row at a time.
        const cursorOf: string[] = [];
        let after: string | undefined;
        for (let index = 0; index < total; index++) {
          const step = gatewayPage(data, `, first: 1${after ? `, after: "${after}"` : ""}`, direction);
          expect(step.ids, `row ${index}`).toEqual([all[index]]);
          expect(step.totalCount).toBe(total);
          cursorOf.push(step.cursors[0]!);
          after = step.cursors[0];
        }
        const ends = [null, ...all.keys()];
        let cases = 0;
        for (const afterIndex of ends) {
          for (const beforeIndex of ends) {
            if (afterIndex !== null && beforeIndex !== null && beforeIndex <= afterIndex) continue;
            for (const [first, last] of [
              [2, null],
              [5, null],
              [null, 2],
              [null, 5],
              [null, null],
            ] as const) {
              const args = [
                first !== null ? `first: ${first}` : "",
                last !== null ? `last: ${last}` : "",
                afterIndex !== null ? `after: "${cursorOf[afterIndex]}"` : "",
                beforeIndex !== null ? `before: "${cursorOf[beforeIndex]}"` : "",
              ].filter(Boolean);
              const page = gatewayPage(data, args.length > 0 ? `, ${args.join(", ")}` : "", direction);
              const want = relayWindow(all, { after: afterIndex, before: beforeIndex, first, last });
              const label = `${direction} ${args.join(" ") || "(no arguments)"}`;
              expect({ ids: page.ids, hasNextPage: page.hasNextPage, hasPreviousPage: page.hasPreviousPage }, label).toEqual(want);
              // The page's cursors are the rows' own: the same row has the same cursor however it was reached.
              expect(page.cursors, label).toEqual(page.ids.map((id) => cursorOf[all.indexOf(id)]));
              cases++;
            }
          }
        }
        expect(cases).toBeGreaterThan(100);
      });
    }
  }

  it("refuses first and last together, and a cursor of another order, before asking any shard", () => {
    const both = connectionStrategy(fieldOf(`{ ${SCOPE_FIELD}(first: 2, last: 2) { edges { cursor } } }`), RULE, context);
    expect(both.errors.map((error) => error.extensions?.code)).toEqual(["BAD_USER_INPUT"]);
    const ascending = gatewayPage(shards(1), ", first: 1", "ASC").cursors[0]!;
    const foreign = connectionStrategy(
      fieldOf(`{ ${SCOPE_FIELD}(orderBy: { field: NAME, direction: DESC }, after: "${ascending}") { edges { cursor } } }`),
      RULE,
      context,
    );
    expect(foreign.errors.map((error) => [error.extensions?.code, error.path])).toEqual([["BAD_USER_INPUT", [SCOPE_FIELD]]]);
    const altered = connectionStrategy(fieldOf(`{ ${SCOPE_FIELD}(after: "${ascending.slice(0, -2)}xx") { edges { cursor } } }`), RULE, context);
    expect(altered.errors.map((error) => error.message)).toEqual([expect.stringMatching(/altered or not issued by this hub/)]);
  });
});
