/**
 * The contract between the regional subgraph and the gateway on how each root
 * field of the regional schema is merged across the three shards. The regional
 * schema declares it with `@shard` on each root field; composition carries the
 * directive into the supergraph (`@composeDirective`), where the gateway reads it.
 */
export const SHARD_DIRECTIVE = "shard";
export const SHARD_SPEC_URL = "https://specs.kooperacja-hub.pl/shard/v1.0";

export const ShardMerge = {
  /** Ask every shard, concatenate the lists in macroregion order (I, II, III). */
  CONCAT: "CONCAT",
  /** Ask only the shard named by the global ID in argument `by`. */
  ROUTE: "ROUTE",
  /** Ask every shard, concatenate, keep the first item for each value of field `by`. */
  UNION: "UNION",
} as const;

export type ShardMerge = (typeof ShardMerge)[keyof typeof ShardMerge];

export interface ShardRule {
  merge: ShardMerge;
  /** ROUTE: the argument holding the ID; UNION: the field that identifies an item. */
  by?: string;
}
