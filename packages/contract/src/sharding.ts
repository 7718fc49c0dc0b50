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
  /** Ask only the shard of the partnership key in argument `by` (writes, imports, a region's audit trail). */
  PARTNERSHIP: "PARTNERSHIP",
  /** Ask the shards named by the global IDs in list argument `by`, each for its own IDs; answers keep the order of the IDs. */
  ROUTE_MANY: "ROUTE_MANY",
  /** A Relay connection: merge-sort the shards' pages into one page with cursors over the national order. */
  CONNECTION: "CONNECTION",
  /** Grouped partials: merge the groups of list field `by` by their KEY fields. */
  AGGREGATE: "AGGREGATE",
  /** On a group field: part of the group key; `by` names its dimension (an ID and its name share one). */
  KEY: "KEY",
  /**
   * On a group field: part of the group key that splits the groups into
   * separate tables (the indicator of a comparison): groups of different
   * tables never merge.
   */
  TABLE: "TABLE",
  /** On a group field: add the shards' values. */
  SUM: "SUM",
  /** On a group field: the smallest of the shards' values. */
  MIN: "MIN",
  /** On a group field: the largest of the shards' values. */
  MAX: "MAX",
  /** On a group field: merged `numerator/denominator` (`by`), e.g. an average as sum/count. */
  RATIO: "RATIO",
  /**
   * On a group field: the value of the sibling field that the group's field
   * `by` names, lower-cased (the headline figure: `sum` or `mean`, as the
   * indicator's aggregation says). Derived after the ratios.
   */
  CHOOSE: "CHOOSE",
  /**
   * On a group field (a list): the partnerships that were asked but did not
   * answer, so their figures are missing from the group. Empty when the
   * group's field `by` names a partnership: that group is its own region's only.
   */
  MISSING: "MISSING",
  /**
   * On a group's flag field: the minimum cell size, on the family count in
   * field `by`, decided by the gateway on the merged group (never per shard,
   * where a small group split across regions would escape it).
   */
  SUPPRESS: "SUPPRESS",
  /** On a group field: how the group's figures were protected (FigureProtection), decided with SUPPRESS. */
  PROTECTION: "PROTECTION",
  /** On a group field: a cell key, the shards' record keys added modulo 2^31 (the field is @inaccessible: clients never see it). */
  KEYSUM: "KEYSUM",
  /**
   * On a group field: what the figure is computed from (FigureOrigin), from
   * the merged `synthetic/records` counts (`by`) before any protection: all
   * synthetic demo records, none, or some.
   */
  ORIGIN: "ORIGIN",
} as const;

/** What a figure is computed from: real observations, synthetic demo records, or both. */
export const FigureOrigin = {
  OBSERVED: "OBSERVED",
  SYNTHETIC: "SYNTHETIC",
  MIXED: "MIXED",
} as const;
export type FigureOrigin = (typeof FigureOrigin)[keyof typeof FigureOrigin];

/** The origin of a group of `records` records of which `synthetic` are synthetic (demo or the national test set). */
export function originOf(synthetic: number, records: number): FigureOrigin {
  if (synthetic <= 0) return FigureOrigin.OBSERVED;
  return synthetic >= records ? FigureOrigin.SYNTHETIC : FigureOrigin.MIXED;
}

/**
 * How a group figure is protected when the caller does not own every region
 * in the group (the `protect` argument of `@shard`): `COUNT <key field>`,
 * `SUM <key field> <field of the largest value>`, or `WITHHOLD`.
 */
export const ShardProtect = {
  COUNT: "COUNT",
  SUM: "SUM",
  WITHHOLD: "WITHHOLD",
} as const;

export type ShardMerge = (typeof ShardMerge)[keyof typeof ShardMerge];

export interface ShardRule {
  merge: ShardMerge;
  /** ROUTE: the argument holding the ID; UNION: the field that identifies an item; see ShardMerge. */
  by?: string;
  /** The filter argument the gateway prunes the fan-out by. */
  prune?: string;
  /** On a group figure: how it is protected (ShardProtect, with its fields). */
  protect?: string;
}

/** Page size of a connection asked with neither `first` nor `last`. */
export const DEFAULT_PAGE_SIZE = 50;

/** The most rows one page may ask for; the gateway refuses more before asking any shard. */
export const MAX_PAGE_SIZE = 500;
