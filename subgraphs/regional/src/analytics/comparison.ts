import { MunicipalityKind, Sector } from "@kooperacja/subgraph-kit";
import { Authorized, Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Access } from "../access/access-rules";
import { FigureOrigin, FigureProtection, IndicatorAggregation } from "../common/enums";
import { Shard } from "../common/shard";
import { Grain } from "./facts";

export enum CompareDimension {
  PARTNERSHIP = "PARTNERSHIP",
  MACROREGION = "MACROREGION",
  VOIVODESHIP = "VOIVODESHIP",
  MUNICIPALITY_KIND = "MUNICIPALITY_KIND",
  SECTOR = "SECTOR",
  PERIOD = "PERIOD",
}
registerEnumType(CompareDimension, {
  name: "CompareDimension",
  description: "What a comparison groups by.",
  valuesConfig: {
    PARTNERSHIP: { description: "By partnership (model); fills partnership and macroregion." },
    MACROREGION: { description: "By macroregion (I, II, III): the same groups as PARTNERSHIP, one partnership per macroregion." },
    VOIVODESHIP: { description: "By voivodeship of the pilot site." },
    MUNICIPALITY_KIND: { description: "By kind of gmina of the pilot site (null for powiat sites and facts of no site)." },
    SECTOR: { description: "By policy sector (null for indicators not broken down by sector)." },
    PERIOD: { description: "By period, at the comparison's grain (month, quarter or year): a time series." },
  },
});

registerEnumType(Grain, {
  name: "PeriodGrain",
  description: "How long a period of a comparison is.",
  valuesConfig: {
    MONTH: { description: "Months (2019-10); only indicators computed from dated records have them." },
    QUARTER: { description: "Quarters (2019-Q4), as the regions report." },
    YEAR: { description: "Years (2019)." },
  },
});

/** How every published figure says what it is computed from. */
export const ORIGIN_DESCRIPTION =
  "What the figure is computed from: OBSERVED (real records only), SYNTHETIC (synthetic demo records only: not a real observation) or MIXED (some synthetic). Quote a figure only with it.";

/** The dimension each key field of a row belongs to: the `@shard` KEY rules below. */
const KEY_DIMENSIONS = {
  macroregion: CompareDimension.PARTNERSHIP,
  partnership: CompareDimension.PARTNERSHIP,
  voivodeship: CompareDimension.VOIVODESHIP,
  voivodeshipName: CompareDimension.VOIVODESHIP,
  municipalityKind: CompareDimension.MUNICIPALITY_KIND,
  sector: CompareDimension.SECTOR,
  period: CompareDimension.PERIOD,
} satisfies Record<string, CompareDimension>;

/**
 * One row of a comparison's tidy table: a group, an indicator and its figure.
 * Shards send the partials (n, sum, min, max, families and the cell keys);
 * the gateway merges them by key, protects the figures about families
 * indicator by indicator, and derives the mean and the headline value from
 * the protected partials.
 */
@ObjectType({ description: "One row of a comparison: one indicator in one group. Dimensions not grouped by are null." })
export class ComparisonRow {
  @Shard.table()
  @Field(() => String, { description: "Indicator code." })
  indicator!: string;

  @Shard.table()
  @Field(() => String, { description: "Unit of the indicator's values." })
  unit!: string;

  @Shard.table()
  @Field(() => IndicatorAggregation, { description: "Whether value is the sum or the mean of the values." })
  aggregation!: IndicatorAggregation;

  @Shard.key(KEY_DIMENSIONS.macroregion)
  @Field(() => String, { nullable: true, description: "Macroregion (I, II, III), when grouped by PARTNERSHIP or MACROREGION." })
  macroregion!: string | null;

  @Shard.key(KEY_DIMENSIONS.partnership)
  @Field(() => String, { nullable: true, description: "Partnership key, when grouped by PARTNERSHIP or MACROREGION." })
  partnership!: string | null;

  @Shard.key(KEY_DIMENSIONS.voivodeship)
  @Field(() => String, { nullable: true, description: "Voivodeship TERYT code, when grouped by VOIVODESHIP." })
  voivodeship!: string | null;

  @Shard.key(KEY_DIMENSIONS.voivodeshipName)
  @Field(() => String, { nullable: true, description: "Voivodeship name, when grouped by VOIVODESHIP." })
  voivodeshipName!: string | null;

  @Shard.key(KEY_DIMENSIONS.municipalityKind)
  @Field(() => MunicipalityKind, { nullable: true, description: "Kind of gmina, when grouped by MUNICIPALITY_KIND." })
  municipalityKind!: MunicipalityKind | null;

  @Shard.key(KEY_DIMENSIONS.sector)
  @Field(() => Sector, { nullable: true, description: "Sector, when grouped by SECTOR." })
  sector!: Sector | null;

  @Shard.key(KEY_DIMENSIONS.period)
  @Field(() => String, { nullable: true, description: "Period (2019-10, 2019-Q4 or 2019), when grouped by PERIOD." })
  period!: string | null;

  @Shard.count("recordKey")
  @Field(() => Int, {
    nullable: true,
    description: "Number of values (or records) behind the figure; protected like the figure (see `protection`), null when suppressed.",
  })
  n!: number | null;

  @Shard.magnitude("recordKey", "max")
  @Field(() => Float, { nullable: true, description: "Sum of the values; protected like the figure (see `protection`), null when suppressed." })
  sum!: number | null;

  @Shard.min()
  @Field(() => Float, { nullable: true, description: "Smallest value; null when suppressed, and when protected (one family's own value)." })
  min!: number | null;

  @Shard.max()
  @Field(() => Float, { nullable: true, description: "Largest value; null when suppressed, and when protected (one family's own value)." })
  max!: number | null;

  @Shard.ratio("sum", "n")
  @Field(() => Float, { nullable: true, description: "Mean of the values (sum / n, of the protected sum and n when protected); null when suppressed." })
  mean!: number | null;

  @Shard.choose("aggregation")
  @Field(() => Float, { nullable: true, description: "The figure: the sum or the mean, as the indicator's aggregation says; null when suppressed." })
  value!: number | null;

  @Shard.count("familyKey")
  @Field(() => Int, {
    nullable: true,
    description:
      "Distinct supported families behind the figure; null for indicators not about families, and when suppressed. Protected like the figure (see `protection`).",
  })
  families!: number | null;

  @Shard.suppress("families")
  @Field(() => Boolean, {
    description:
      "True when the row is computed from too few families to publish (fewer than the minimum cell size, decided on a protected count): its figures are then null. Never true for the owner of every region in the row.",
  })
  suppressed!: boolean;

  @Shard.protection()
  @Field(() => FigureProtection, { description: "How the row's figures reached you: EXACT, PERTURBED (the cell key method, docs/privacy.md) or SUPPRESSED." })
  protection!: FigureProtection;

  @Shard.missing("partnership")
  @Field(() => [String], {
    description: "Partnerships asked whose figures are missing from this row because the region did not answer (see the response's errors).",
  })
  regionsMissing!: string[];

  @Shard.origin("syntheticRecords", "n")
  @Field(() => FigureOrigin, { description: ORIGIN_DESCRIPTION })
  origin!: FigureOrigin;

  @Shard.hiddenSum()
  @Authorized(Access.GATEWAY)
  @Field(() => Int, { description: "How many of the records behind n are synthetic (the gateway's own: it derives `origin` from it)." })
  syntheticRecords!: number;

  @Shard.keySum()
  @Authorized(Access.GATEWAY)
  @Field(() => Int, { nullable: true, description: "Cell key of the values behind n and sum (the gateway's own: it protects the merged figures with it)." })
  recordKey!: number | null;

  @Shard.keySum()
  @Authorized(Access.GATEWAY)
  @Field(() => Int, { nullable: true, description: "Cell key of the families behind `families` (the gateway's own: it protects the merged figures with it)." })
  familyKey!: number | null;
}

@ObjectType({ description: "A comparison of indicators across the models: a tidy table of rows." })
export class Comparison {
  @Field(() => [String], { description: "The indicator codes compared." })
  indicators!: string[];

  @Field(() => [CompareDimension], { description: "The dimensions grouped by." })
  by!: CompareDimension[];

  @Field(() => Grain, { description: "Length of the periods, when grouped by PERIOD." })
  grain!: Grain;

  @Field(() => [ComparisonRow], { description: "One row per indicator and group, ordered by indicator and then by group." })
  rows!: ComparisonRow[];
}

@ObjectType({ description: "A pilot site's place among its partnership's sites on one indicator." })
export class SiteRank {
  @Field(() => Int, { nullable: true, description: "Place, 1 the best by the indicator's direction; ties share a place. Null when suppressed." })
  rank!: number | null;

  @Field(() => ID, { description: "Global ID of the pilot site." })
  siteId!: string;

  @Field(() => String, { description: "Name of the pilot site." })
  siteName!: string;

  @Field(() => Float, {
    nullable: true,
    description:
      "The site's figure (sum or mean, as the indicator's aggregation says); protected for a caller who does not own the partnership (see `protection`), null when suppressed.",
  })
  value!: number | null;

  @Field(() => Int, { nullable: true, description: "Number of values behind the figure; protected like the figure, null when suppressed." })
  n!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "Distinct supported families behind the figure; null for indicators not about families, and when suppressed. Protected like the figure.",
  })
  families!: number | null;

  @Field(() => Boolean, { description: "True when the site's figure is computed from too few families to publish; suppressed sites come last, unranked." })
  suppressed!: boolean;

  @Field(() => FigureProtection, {
    description: "How the site's figures reached you: EXACT, PERTURBED (the cell key method, docs/privacy.md) or SUPPRESSED. Ranks follow the figures shown.",
  })
  protection!: FigureProtection;

  @Field(() => FigureOrigin, { description: ORIGIN_DESCRIPTION })
  origin!: FigureOrigin;
}

@ObjectType({ description: "Which periods of a reported indicator a pilot site has values for, so gaps in the evidence show." })
export class CoverageRow {
  @Field(() => String, { description: "Partnership key." })
  partnership!: string;

  @Field(() => ID, { description: "Global ID of the pilot site." })
  siteId!: string;

  @Field(() => String, { description: "Name of the pilot site." })
  siteName!: string;

  @Field(() => String, { description: "Indicator code." })
  indicator!: string;

  @Field(() => [String], { description: "Quarters with at least one value." })
  periodsReported!: string[];

  @Field(() => [String], { description: "Quarters of the programme period (within the filter's dates) without any value." })
  periodsMissing!: string[];

  @Field(() => Boolean, { description: "True when no quarter is missing." })
  complete!: boolean;

  @Field(() => FigureOrigin, {
    nullable: true,
    description:
      "What the site's reported values are: OBSERVED (real records only), SYNTHETIC (synthetic demo records only: not real observations) or MIXED (some synthetic). Null when the site has none.",
  })
  origin!: FigureOrigin | null;
}

@ObjectType({
  description:
    "One partnership's coverage of one reported indicator at a glance: how many of its pilot sites have gaps, how many quarters are missing in all, and the sites with the most missing. What a dashboard shows without fetching a row per site.",
})
export class CoverageSummary {
  @Field(() => String, { description: "Partnership key." })
  partnership!: string;

  @Field(() => String, { description: "Indicator code." })
  indicator!: string;

  @Field(() => Int, { description: "Pilot sites covered (those the filter takes in)." })
  sites!: number;

  @Field(() => Int, { description: "Sites missing at least one quarter." })
  sitesWithGaps!: number;

  @Field(() => Int, { description: "Quarters missing, summed over the sites." })
  periodsMissing!: number;

  @Field(() => [CoverageRow], {
    description:
      "The sites with gaps, most quarters missing first, then by name (Polish collation) and ID; at most `worst` of them. Each partnership's list is in the same order, so merging the lists and keeping the first N gives the N worst of all.",
  })
  worst!: CoverageRow[];
}
