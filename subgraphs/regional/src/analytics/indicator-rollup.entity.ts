import { Entity, PrimaryKey, Property } from "@mikro-orm/core";

/** The time grain of a rollup cell: one quarter, one year, or the whole of time. */
export enum RollupGrain {
  QUARTER = "QUARTER",
  YEAR = "YEAR",
  ALL = "ALL",
}

/**
 * One cell of an indicator's facts at one site: the mergeable partials of
 * every fact of the site in one quarter (or year, or all time) and sector,
 * exactly as the aggregates would compute them from the base tables. The
 * writer keeps the cells of the sites a write touches current inside the
 * write's own transaction, so a figure is never older than the last commit
 * (docs/scaling.md, "Rollups").
 *
 * Distinct families do not add up over quarters, but a family's facts all
 * belong to its one site, so they add up over sites: the YEAR and ALL cells
 * hold each site's distinct families over the longer spans.
 */
@Entity({ tableName: "indicator_rollup" })
export class IndicatorRollup {
  @PrimaryKey({ type: "string" })
  indicatorId!: string;

  @PrimaryKey({ type: "string" })
  grain!: RollupGrain;

  /** "2019-Q4" or "2019"; "" for an ALL cell, and for the undated facts of a QUARTER or YEAR cell. */
  @PrimaryKey({ type: "string" })
  period!: string;

  /** The institutions' sector for INSTITUTIONS_INVOLVED; "" for every other fact. */
  @PrimaryKey({ type: "string" })
  sector!: string;

  @PrimaryKey({ type: "string" })
  siteId!: string;

  /** The shard's own partnership, as on every row of a region's database. */
  @Property({ type: "string" })
  partnership!: string;

  @Property({ type: "integer" })
  n!: number;

  @Property({ type: "double" })
  sum!: number;

  @Property({ type: "double", nullable: true })
  min!: number | null;

  @Property({ type: "double", nullable: true })
  max!: number | null;

  /** The facts' record keys summed, modulo KEY_MODULUS. */
  @Property({ type: "integer" })
  recordKey!: number;

  /** How many of the n facts are synthetic. */
  @Property({ type: "integer" })
  synthetic!: number;

  /** Distinct families behind the cell's facts (null for an indicator not about families). */
  @Property({ type: "integer", nullable: true })
  families!: number | null;

  /** Those families' record keys summed, each family once, modulo KEY_MODULUS. */
  @Property({ type: "integer", nullable: true })
  familyKey!: number | null;
}

/**
 * When the rollups were last built whole, and by which definition: a shard
 * serves aggregates from them only when this row names the code's version,
 * and rebuilds them at start otherwise.
 */
@Entity({ tableName: "rollup_build" })
export class RollupBuild {
  @PrimaryKey({ type: "string" })
  name!: string;

  @Property({ type: "string" })
  partnership!: string;

  @Property({ type: "integer" })
  version!: number;

  @Property({ type: "string" })
  builtAt!: string;

  @Property({ type: "integer" })
  cells!: number;
}
