import type { CursorSigner, PartnershipKey } from "@kooperacja/contract";
import type { Identity } from "@kooperacja/service-kit";
import type { FieldNode, FragmentDefinitionNode, GraphQLFormattedError } from "graphql";
import type { RootRule } from "./rules";

/** What one shard answered for one root field: `value` is `data[responseKey]`. */
export interface Answer {
  shard: PartnershipKey;
  value: unknown;
}

/**
 * How one root field of a fetch is spread over the shards and put back
 * together. Strategies (one per merge rule) build these; the sharded data
 * source sends and merges.
 */
export interface FieldPlan {
  key: string;
  /** Shards to ask, in national order. Empty when planning already failed. */
  targets: PartnershipKey[];
  /** The field as sent to one shard (arguments and selection may differ per shard). */
  shardField(shard: PartnershipKey): FieldNode;
  /** The merged value from the shards that answered (in national order). */
  merge(answers: Answer[]): unknown;
  /** Errors found while planning (a malformed ID, a tampered cursor). */
  errors: GraphQLFormattedError[];
  /**
   * Where an error a shard reported under this field (its path starts with
   * the field's key) stands in the merged answer, as the client sees it:
   * the shard numbered its own rows, and the gateway asked under aliases of
   * its own. None when the row it is about was not kept (past the page, a
   * duplicate); after `merge`. Left out: the shard's path is the client's.
   */
  errorPaths?(shard: PartnershipKey, path: readonly (string | number)[]): (string | number)[][];
}

/**
 * The client's path for a shard's path under a merged list: its own index becomes the merged one (none when the item
 * was not kept); the list's own path when the shard's list itself was nulled.
 */
export function listErrorPaths(
  placed: Map<PartnershipKey, Map<number, number>>,
  shard: PartnershipKey,
  path: readonly (string | number)[],
): (string | number)[][] {
  const [key, index, ...rest] = path;
  if (typeof index !== "number") return [[...path]];
  const positions = placed.get(shard);
  // The shard sent no list (an error nulled it): its error is about the rows missing from the merged list.
  if (!positions) return [[key!]];
  const merged = positions.get(index);
  return merged === undefined ? [] : [[key!, merged, ...rest]];
}

export interface PlanContext {
  variables: Record<string, unknown>;
  fragments: Map<string, FragmentDefinitionNode>;
  /** Every shard the data source knows, in national order. */
  shards: PartnershipKey[];
  /** Signs and checks the cursors of connections. */
  cursors: CursorSigner;
  /** The caller, for small-cell suppression of merged aggregates. */
  identity: Identity;
  /** Aggregate groups from fewer families are suppressed. */
  suppressionThreshold: number;
}

export type Strategy = (field: FieldNode, rule: RootRule, context: PlanContext) => FieldPlan;

export function error(message: string, code: string, path?: (string | number)[], extensions: Record<string, unknown> = {}): GraphQLFormattedError {
  return { message, ...(path ? { path } : {}), extensions: { ...extensions, code } };
}
