import type { CursorSigner, Identity, PartnershipKey } from "@kooperacja/shared";
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
