import {
  DEFAULT_PAGE_SIZE,
  ErrorCode,
  hubError,
  decodeShardCursor,
  encodeShardCursor,
  partnershipRank,
  type GatewayPosition,
  type PartnershipKey,
  type ShardPosition,
  type SortValue,
} from "@kooperacja/contract";
import { GraphQLError, Kind, type FieldNode, type SelectionNode, type SelectionSetNode } from "graphql";
import { field, fieldsOf, HUB_ALIAS, responseKey, stringValue, withArgument } from "./operation";
import type { Answer, FieldPlan, PlanContext } from "./plan";
import type { RootRule } from "./rules";
import { argumentValue, pruned } from "./arguments";

const EDGES = `${HUB_ALIAS}Edges`;
const CURSOR = `${HUB_ALIAS}Cursor`;
const PAGE_INFO = `${HUB_ALIAS}PageInfo`;
const TOTAL = `${HUB_ALIAS}Total`;

interface ShardEdge {
  __typename: string;
  [CURSOR]: string;
  node?: unknown;
}

interface ShardPage {
  __typename: string;
  [EDGES]: ShardEdge[];
  [PAGE_INFO]: { hasNextPage: boolean; hasPreviousPage: boolean };
  /** Present when the client selected totalCount. */
  [TOTAL]?: number;
}

interface RankedEdge {
  edge: ShardEdge;
  shard: PartnershipKey;
  /** The edge's place in its shard's page. */
  index: number;
  position: GatewayPosition;
}

function compareValues(a: SortValue, b: SortValue): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  const left = String(a);
  const right = String(b);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** The national order: sort value, then partnership (macroregion I, II, III), then the row's own ID, all in one direction. */
export function compareNational(a: GatewayPosition, b: GatewayPosition, ascending: boolean): number {
  const order = compareValues(a.value, b.value) || a.rank - b.rank || compareValues(a.id, b.id);
  return ascending ? order : -order;
}

/**
 * Where one shard stands relative to a position in the national order: the
 * shard that holds the row continues from the row itself; a shard ranked
 * after it (in the direction of travel) still has the rows with an equal
 * value ahead, a shard ranked before it does not.
 */
export function shardBound(anchor: GatewayPosition, shard: PartnershipKey, ascending: boolean, forward: boolean): ShardPosition {
  const rank = partnershipRank(shard);
  if (rank === anchor.rank) return { scope: anchor.scope, value: anchor.value, id: anchor.id, inclusive: false };
  const laterInOrder = ascending ? rank > anchor.rank : rank < anchor.rank;
  return { scope: anchor.scope, value: anchor.value, id: null, inclusive: forward ? laterInOrder : !laterInOrder };
}

/**
 * A Relay connection over every shard: each shard is asked for one page from
 * its own position, the pages are merge-sorted into the national order, and
 * the client gets one page whose cursors hold a position in that order.
 */
export function connectionStrategy(node: FieldNode, rule: RootRule, context: PlanContext): FieldPlan {
  const key = responseKey(node);
  const value = (name: string) => argumentValue(node, name, context.variables);
  const order = (value("orderBy") as { field?: string; direction?: string } | undefined) ?? rule.defaultOrder!;
  const direction = order.direction ?? "ASC";
  const ascending = direction === "ASC";
  const scope = `${node.name.value}:${order.field}:${direction}`;
  const first = value("first") as number | null | undefined;
  const last = value("last") as number | null | undefined;
  const refuse = (error: GraphQLError): FieldPlan => ({
    key,
    targets: [],
    shardField: () => node,
    merge: () => null,
    errors: [{ ...error.toJSON(), path: [key] }],
  });
  if (first !== undefined && first !== null && last !== undefined && last !== null) {
    return refuse(hubError(ErrorCode.BAD_USER_INPUT, "Give `first` or `last`, not both.", { argument: "last" }));
  }
  const backward = (last !== undefined && last !== null) || ((first === undefined || first === null) && Boolean(value("before")));
  const size = (backward ? last : first) ?? DEFAULT_PAGE_SIZE;

  // Both ends of the window: every shard is bounded by each, so `after` and `before` together give the rows between them.
  const anchors: { after?: GatewayPosition; before?: GatewayPosition } = {};
  try {
    for (const end of ["after", "before"] as const) {
      const cursor = value(end);
      if (cursor !== undefined && cursor !== null) anchors[end] = context.cursors.decode(cursor, scope);
    }
  } catch (cause) {
    if (!(cause instanceof GraphQLError)) throw cause;
    return refuse(cause);
  }

  const selection = canonicalSelection(node, context);
  // Where each shard's edge went in the merged page, for the paths of its errors.
  const placed = new Map<PartnershipKey, Map<number, number>>();
  return {
    key,
    targets: pruned(node, rule, context),
    shardField: (shard) => {
      let shardNode = node;
      for (const end of ["after", "before"] as const) {
        const anchor = anchors[end];
        shardNode = withArgument(shardNode, end, anchor ? stringValue(encodeShardCursor(shardBound(anchor, shard, ascending, end === "after"))) : undefined);
      }
      return { ...shardNode, selectionSet: selection };
    },
    merge: (answers) => {
      const pages = answers.filter((answer): answer is Answer & { value: ShardPage } => Boolean(answer.value));
      if (pages.length === 0) return null;
      const ranked: RankedEdge[] = pages.flatMap(({ shard, value: page }) =>
        page[EDGES].map((edge, index) => {
          const position = decodeShardCursor(edge[CURSOR], scope);
          return { edge, shard, index, position: { scope, value: position.value, rank: partnershipRank(shard), id: position.id! } };
        }),
      );
      ranked.sort((a, b) => compareNational(a.position, b.position, ascending));
      const page = backward ? ranked.slice(Math.max(0, ranked.length - size)) : ranked.slice(0, size);
      page.forEach(({ shard, index }, merged) => placed.set(shard, (placed.get(shard) ?? new Map()).set(index, merged)));
      const more =
        ranked.length > size || pages.some(({ value: shardPage }) => (backward ? shardPage[PAGE_INFO].hasPreviousPage : shardPage[PAGE_INFO].hasNextPage));
      const cursors = page.map(({ position }) => context.cursors.encode(position));
      return shapeConnection(node, context, {
        typename: pages[0]!.value.__typename,
        edges: page.map(({ edge }, index) => ({ edge, cursor: cursors[index]! })),
        pageInfo: {
          __typename: "PageInfo",
          // As the Relay spec's HasNextPage/HasPreviousPage: beyond the page in the direction of travel, else whether a cursor row lies behind.
          hasNextPage: backward ? Boolean(anchors.before) : more,
          hasPreviousPage: backward ? more : Boolean(anchors.after),
          startCursor: cursors[0] ?? null,
          endCursor: cursors.at(-1) ?? null,
        },
        totalCount: pages.reduce((sum, { value: shardPage }) => sum + (shardPage[TOTAL] ?? 0), 0),
      });
    },
    errors: [],
    errorPaths: (shard, path) => clientPaths(node, context, path, (index) => placed.get(shard)?.get(index)),
  };
}

/**
 * A shard's error path under the connection, as the client's response has
 * it: the gateway's aliases become the client's (each alias the client gave
 * `edges`, `node`, `pageInfo` or `totalCount` gets the error once), and the
 * shard's edge index the merged page's. An edge not kept in the page: none.
 */
export function clientPaths(
  node: FieldNode,
  context: Pick<PlanContext, "fragments">,
  path: readonly (string | number)[],
  mergedIndex: (index: number) => number | undefined,
): (string | number)[][] {
  const [key, alias, index, ...rest] = path;
  const selected = (set: SelectionSetNode | undefined, name: string) => fieldsOf(set, context.fragments).filter((candidate) => candidate.name.value === name);
  const named = (candidates: FieldNode[], next: string | number | undefined) =>
    typeof next === "string" && candidates.length > 0
      ? candidates.filter((candidate) => fieldsOf(candidate.selectionSet, context.fragments).some((inner) => responseKey(inner) === next))
      : candidates;
  if (alias === EDGES) {
    if (typeof index !== "number") return [[...path]];
    const merged = mergedIndex(index);
    if (merged === undefined) return [];
    const [nodeName, ...inside] = rest;
    return selected(node.selectionSet, "edges").flatMap((edges) => {
      if (nodeName !== "node") return [[key!, responseKey(edges), merged, ...rest]];
      return named(selected(edges.selectionSet, "node"), inside[0]).map((nodeField) => [key!, responseKey(edges), merged, responseKey(nodeField), ...inside]);
    });
  }
  if (alias === PAGE_INFO) return selected(node.selectionSet, "pageInfo").map((info) => [key!, responseKey(info), ...path.slice(2)]);
  if (alias === TOTAL) return selected(node.selectionSet, "totalCount").map((total) => [key!, responseKey(total), ...path.slice(2)]);
  return [[...path]];
}

/** What the gateway asks every shard for, whatever the client selected: cursors and page info, the count if the client reads it, plus the client's node selection. */
function canonicalSelection(node: FieldNode, context: PlanContext): SelectionSetNode {
  const nodeSelections: SelectionNode[] = [];
  for (const edges of fieldsOf(node.selectionSet, context.fragments).filter((candidate) => candidate.name.value === "edges")) {
    for (const nodeField of fieldsOf(edges.selectionSet, context.fragments).filter((candidate) => candidate.name.value === "node")) {
      nodeSelections.push(...(nodeField.selectionSet?.selections ?? []));
    }
  }
  const edgeSelections: SelectionNode[] = [field("__typename"), field("cursor", CURSOR)];
  if (nodeSelections.length > 0) edgeSelections.push(field("node", undefined, nodeSelections));
  // Each shard counts its rows only for a client that reads the total: a count reads every matching row.
  const counted = fieldsOf(node.selectionSet, context.fragments).some((candidate) => candidate.name.value === "totalCount");
  return {
    kind: Kind.SELECTION_SET,
    selections: [
      field("__typename"),
      field("edges", EDGES, edgeSelections),
      field("pageInfo", PAGE_INFO, [field("hasNextPage"), field("hasPreviousPage")]),
      ...(counted ? [field("totalCount", TOTAL)] : []),
    ],
  };
}

interface MergedConnection {
  typename: string;
  edges: { edge: ShardEdge; cursor: string }[];
  pageInfo: Record<string, unknown>;
  totalCount: number;
}

/** The merged page in the shape (and under the aliases) the client asked for. */
function shapeConnection(node: FieldNode, context: PlanContext, merged: MergedConnection): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const selected of fieldsOf(node.selectionSet, context.fragments)) {
    const name = selected.name.value;
    if (name === "__typename") out[responseKey(selected)] = merged.typename;
    else if (name === "totalCount") out[responseKey(selected)] = merged.totalCount;
    else if (name === "pageInfo") {
      out[responseKey(selected)] = Object.fromEntries(
        fieldsOf(selected.selectionSet, context.fragments).map((info) => [responseKey(info), merged.pageInfo[info.name.value]]),
      );
    } else if (name === "edges") {
      const edgeFields = fieldsOf(selected.selectionSet, context.fragments);
      out[responseKey(selected)] = merged.edges.map(({ edge, cursor }) =>
        Object.fromEntries(
          edgeFields.map((edgeField) => {
            const edgeName = edgeField.name.value;
            return [responseKey(edgeField), edgeName === "cursor" ? cursor : edgeName === "__typename" ? edge.__typename : edge.node];
          }),
        ),
      );
    }
  }
  return out;
}
