import { MunicipalityKind } from "@kooperacja/subgraph-kit";
import { Authorized, Field, Float, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Access } from "../access/access-rules";
import { ORIGIN_DESCRIPTION } from "../analytics/comparison";
import { FigureOrigin, FigureProtection } from "../common/enums";
import { Shard } from "../common/shard";

export enum SummaryDimension {
  PARTNERSHIP = "PARTNERSHIP",
  VOIVODESHIP = "VOIVODESHIP",
  MUNICIPALITY_KIND = "MUNICIPALITY_KIND",
  PERIOD = "PERIOD",
  SITE = "SITE",
}
registerEnumType(SummaryDimension, {
  name: "SummaryDimension",
  description: "What an indicator summary can be grouped by.",
  valuesConfig: {
    PARTNERSHIP: { description: "By partnership (macroregion)." },
    VOIVODESHIP: { description: "By voivodeship of the pilot site." },
    MUNICIPALITY_KIND: { description: "By kind of gmina of the pilot site (null for powiat sites)." },
    PERIOD: { description: "By period (quarter)." },
    SITE: { description: "By pilot site." },
  },
});

/** The dimension each key field of a group belongs to: the `@shard` KEY rules below. */
const KEY_DIMENSIONS = {
  partnership: SummaryDimension.PARTNERSHIP,
  voivodeship: SummaryDimension.VOIVODESHIP,
  voivodeshipName: SummaryDimension.VOIVODESHIP,
  municipalityKind: SummaryDimension.MUNICIPALITY_KIND,
  period: SummaryDimension.PERIOD,
  siteId: SummaryDimension.SITE,
  siteName: SummaryDimension.SITE,
} satisfies Record<string, SummaryDimension>;

/**
 * One group of a summary, as mergeable partials: the gateway adds counts,
 * sums and cell keys, takes the smallest minimum and largest maximum,
 * protects the figures about families, and divides the (protected) sum by
 * the (protected) count for the average. The `@shard` rules on the fields say so.
 */
@ObjectType({ description: "One group of an indicator summary. Dimensions not grouped by are null." })
export class IndicatorSummaryGroup {
  @Shard.key(KEY_DIMENSIONS.partnership)
  @Field(() => String, { nullable: true, description: "Partnership key, when grouped by PARTNERSHIP." })
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

  @Shard.key(KEY_DIMENSIONS.period)
  @Field(() => String, { nullable: true, description: "Period, when grouped by PERIOD." })
  period!: string | null;

  @Shard.key(KEY_DIMENSIONS.siteId)
  @Field(() => ID, { nullable: true, description: "Global ID of the pilot site, when grouped by SITE." })
  siteId!: string | null;

  @Shard.key(KEY_DIMENSIONS.siteName)
  @Field(() => String, { nullable: true, description: "Name of the pilot site, when grouped by SITE." })
  siteName!: string | null;

  @Shard.count("recordKey")
  @Field(() => Int, {
    nullable: true,
    description: "Number of values in the group, as `compare` calls it; protected like the group's figures (see `protection`), null when suppressed.",
  })
  n!: number | null;

  @Shard.count("recordKey")
  @Field(() => Int, {
    nullable: true,
    description: "Number of values in the group; the same figure as `n`.",
    deprecationReason: "Use `n`, the name `compare` gives the same figure.",
  })
  count!: number | null;

  @Shard.magnitude("recordKey", "max")
  @Field(() => Float, { nullable: true, description: "Sum of the values; protected (see `protection`), null when suppressed." })
  sum!: number | null;

  @Shard.min()
  @Field(() => Float, { nullable: true, description: "Smallest value; null when suppressed, and when protected (one family's own value)." })
  min!: number | null;

  @Shard.max()
  @Field(() => Float, { nullable: true, description: "Largest value; null when suppressed, and when protected (one family's own value)." })
  max!: number | null;

  @Shard.ratio("sum", "n")
  @Field(() => Float, { nullable: true, description: "Mean of the values (sum / n, of the protected sum and n when protected), as `compare` calls it." })
  mean!: number | null;

  @Shard.ratio("sum", "count")
  @Field(() => Float, {
    nullable: true,
    description: "Mean of the values; the same figure as `mean`.",
    deprecationReason: "Use `mean`, the name `compare` gives the same figure.",
  })
  average!: number | null;

  @Shard.count("familyKey")
  @Field(() => Int, {
    nullable: true,
    description:
      "Number of distinct supported families the group's values are computed from (families supported at its sites during its periods; for family-level indicators, the families measured). Null for indicators not about families, and when suppressed; protected like the group's figures.",
  })
  families!: number | null;

  @Shard.suppress("families")
  @Field(() => Boolean, {
    description:
      "True when the group is computed from too few families to publish (fewer than the minimum cell size, decided on a protected count): its figures are then null. Never true for the owner of every partnership in the group.",
  })
  suppressed!: boolean;

  @Shard.protection()
  @Field(() => FigureProtection, { description: "How the group's figures reached you: EXACT, PERTURBED (the cell key method, docs/privacy.md) or SUPPRESSED." })
  protection!: FigureProtection;

  @Shard.origin("syntheticRecords", "n")
  @Field(() => FigureOrigin, { description: ORIGIN_DESCRIPTION })
  origin!: FigureOrigin;

  @Shard.hiddenSum()
  @Authorized(Access.GATEWAY)
  @Field(() => Int, { description: "How many of the values behind n are synthetic (the gateway's own: it derives `origin` from it)." })
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

@ObjectType({ description: "An indicator's values summarised by group." })
export class IndicatorSummary {
  @Field(() => String, { description: "The indicator code." })
  indicator!: string;

  @Field(() => [SummaryDimension], { description: "The dimensions grouped by." })
  groupBy!: SummaryDimension[];

  @Field(() => [IndicatorSummaryGroup], { description: "One entry per group." })
  groups!: IndicatorSummaryGroup[];
}
