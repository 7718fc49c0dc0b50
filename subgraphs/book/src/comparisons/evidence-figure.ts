import { Field, Float, GraphQLISODateTime, Int, ObjectType } from "type-graphql";

/** A row of a comparison as the book keeps and shows it. */
@ObjectType({ description: "One figure of a saved comparison: one indicator in one group (the row of `compare`)." })
export class EvidenceFigure {
  @Field(() => String, { description: "Indicator code." })
  indicator!: string;

  @Field(() => String, { description: "Unit of the indicator's values." })
  unit!: string;

  @Field(() => String, { description: "SUM or MEAN: what `value` is." })
  aggregation!: string;

  @Field(() => String, { nullable: true, description: "Macroregion, when grouped by partnership or macroregion." })
  macroregion!: string | null;

  @Field(() => String, { nullable: true, description: "Partnership key, when grouped by partnership or macroregion." })
  partnership!: string | null;

  @Field(() => String, { nullable: true, description: "Voivodeship TERYT code, when grouped by voivodeship." })
  voivodeship!: string | null;

  @Field(() => String, { nullable: true, description: "Voivodeship name, when grouped by voivodeship." })
  voivodeshipName!: string | null;

  @Field(() => String, { nullable: true, description: "Kind of gmina, when grouped by municipality kind." })
  municipalityKind!: string | null;

  @Field(() => String, { nullable: true, description: "Sector, when grouped by sector." })
  sector!: string | null;

  @Field(() => String, { nullable: true, description: "Period, when grouped by period." })
  period!: string | null;

  @Field(() => Int, { nullable: true, description: "Number of values behind the figure; protected like it, null when suppressed." })
  n!: number | null;

  @Field(() => Float, { nullable: true, description: "The figure; protected when about families (see `protection`), null when suppressed." })
  value!: number | null;

  @Field(() => Float, { nullable: true, description: "Mean of the values; null when suppressed." })
  mean!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "Distinct families behind the figure; null when not about families or suppressed. Protected like the figure.",
  })
  families!: number | null;

  @Field(() => Boolean, { description: "True when the figure is suppressed (too few families)." })
  suppressed!: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      "How the figure reached the reader, as `compare` says it: EXACT, PERTURBED (the cell key method, docs/privacy.md) or SUPPRESSED. Null in snapshots kept before the hub protected its figures (release 0.1.0).",
  })
  protection!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "What the figure is computed from, as `compare` says it: OBSERVED, SYNTHETIC (synthetic demo records: not a real observation) or MIXED. Null in snapshots kept before figures said so.",
  })
  origin!: string | null;

  @Field(() => [String], { description: "Partnerships whose figures were missing (a region did not answer)." })
  regionsMissing!: string[];
}

@ObjectType({ description: "The figures of a saved comparison as they were when the recommendation was adopted." })
export class ComparisonSnapshot {
  @Field(() => GraphQLISODateTime, { description: "When the figures were taken (the adoption)." })
  takenAt!: Date;

  @Field(() => [EvidenceFigure], { description: "The figures then." })
  rows!: EvidenceFigure[];
}

@ObjectType({ description: "A figure that is not what it was at adoption: changed, new, or gone." })
export class FigureDifference {
  @Field(() => String, { description: "Indicator code." })
  indicator!: string;

  @Field(() => String, { description: 'The group, as its dimensions\' values joined by " / " ("all" when not grouped).' })
  group!: string;

  @Field(() => Float, { nullable: true, description: "The figure at adoption (null: no such row then, or suppressed)." })
  snapshotValue!: number | null;

  @Field(() => Float, { nullable: true, description: "The figure now (null: no such row now, or suppressed)." })
  liveValue!: number | null;
}
