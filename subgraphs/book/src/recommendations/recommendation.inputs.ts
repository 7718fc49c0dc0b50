import { MunicipalityKind, Sector } from "@kooperacja/subgraph-kit";
import { ArrayMaxSize, ArrayMinSize, IsIn, IsOptional, Length, MaxLength } from "class-validator";
import { GraphQLJSONObject } from "graphql-scalars";
import { Field, ID, InputType } from "type-graphql";

/** Whom a recommendation is for: shared by a new draft and a change to one. */
@InputType()
abstract class RecommendationTargets {
  @IsOptional()
  @ArrayMaxSize(Object.values(MunicipalityKind).length)
  @Field(() => [MunicipalityKind], { nullable: true, description: "Kinds of gmina the recommendation is for (an empty list: all)." })
  targetMunicipalityKinds?: MunicipalityKind[];

  @IsOptional()
  @ArrayMaxSize(Object.values(Sector).length)
  @Field(() => [Sector], { nullable: true, description: "Sectors the recommendation is for (an empty list: all)." })
  targetSectors?: Sector[];
}

@InputType({ description: "The text of a recommendation and whom it is for; omitted fields stay as they are." })
export class RecommendationChanges extends RecommendationTargets {
  @IsOptional()
  @Length(3, 200)
  @Field(() => String, { nullable: true, description: "Short title (3 to 200 characters)." })
  title?: string;

  @IsOptional()
  @Length(10, 20_000)
  @Field(() => String, { nullable: true, description: "Text of the recommendation (10 to 20 000 characters)." })
  text?: string;
}

@InputType({ description: "A new draft recommendation; omitted targets: for all kinds of gmina and sectors." })
export class NewRecommendation extends RecommendationTargets {
  @Field(() => ID, { description: "Global ID of the chapter it belongs to." })
  chapterId!: string;

  @Length(3, 200)
  @Field(() => String, { description: "Short title (3 to 200 characters)." })
  title!: string;

  @Length(10, 20_000)
  @Field(() => String, { description: "Text of the recommendation (10 to 20 000 characters)." })
  text!: string;

  @IsOptional()
  @MaxLength(100, { each: true })
  @Field(() => [ID], { nullable: true, description: "Global IDs of the partnerships whose models it draws on." })
  partnershipIds?: string[];
}

const GRAINS = ["MONTH", "QUARTER", "YEAR"];

@InputType({ description: "A comparison query to cite as evidence: the arguments of `compare`." })
export class ComparisonEvidenceInput {
  @Length(3, 2000)
  @Field(() => String, { description: "What the comparison shows and why it supports the recommendation (3 to 2000 characters)." })
  note!: string;

  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @Field(() => [String], { description: "Indicator codes (1 to 20)." })
  indicators!: string[];

  @ArrayMaxSize(6)
  @Field(() => [String], { defaultValue: [], description: "Dimensions to group by (CompareDimension values)." })
  by!: string[];

  @IsIn(GRAINS)
  @Field(() => String, { defaultValue: "QUARTER", description: "Period grain: MONTH, QUARTER or YEAR." })
  grain!: string;

  @IsOptional()
  @Field(() => GraphQLJSONObject, { nullable: true, description: "The comparison's filter, as a CompareFilter object." })
  filter?: Record<string, unknown> | null;
}
