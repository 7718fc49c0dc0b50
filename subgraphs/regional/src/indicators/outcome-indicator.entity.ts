import { Entity, Enum, PrimaryKey, Property } from "@mikro-orm/core";
import { Directive, Field, ObjectType } from "type-graphql";
import { PARTNERSHIP_KEYS } from "@kooperacja/contract";
import { IndicatorAggregation, IndicatorBasis, IndicatorDirection, IndicatorLevel } from "../common/enums";
import { RegionalRecord } from "../common/regional-record";
import { Node } from "../nodes/node";

@Entity({ tableName: "outcome_indicator" })
@Directive(`@key(fields: "id")`)
@ObjectType({ implements: Node, description: "An outcome indicator of the catalogue shared by the three models." })
export class OutcomeIndicator extends RegionalRecord {
  /** The indicator code, identical in every shard. */
  @PrimaryKey({ type: "string" })
  id!: string;

  @Field(() => String, { description: "Stable code, the same in every region (e.g. FAMILIES_SUPPORTED)." })
  @Property({ type: "string" })
  code!: string;

  @Field(() => String, { description: "Name, in English." })
  @Property({ type: "string" })
  name!: string;

  @Field(() => String, { description: "Unit of the values (families, contracts, meetings, percent...)." })
  @Property({ type: "string" })
  unit!: string;

  @Field(() => String, { description: "Definition of the indicator." })
  @Property({ type: "text" })
  definition!: string;

  @Field(() => IndicatorLevel, { description: "Whether values are per pilot site or per family." })
  @Enum({ items: () => IndicatorLevel })
  level!: IndicatorLevel;

  @Field(() => Boolean, {
    description:
      "Whether the values count or describe supported families; such values are shown only in aggregates, with small cells suppressed, except to the region's owner.",
  })
  @Property({ type: "boolean", default: false })
  aboutFamilies!: boolean;

  @Field(() => IndicatorBasis, { description: "Whether the figures are values the regions report per quarter or are computed from their records." })
  @Enum({ items: () => IndicatorBasis, default: IndicatorBasis.REPORTED })
  basis!: IndicatorBasis;

  @Field(() => IndicatorAggregation, { description: "How the values add up to a group's figure: their sum or their mean." })
  @Enum({ items: () => IndicatorAggregation, default: IndicatorAggregation.SUM })
  aggregation!: IndicatorAggregation;

  @Field(() => IndicatorDirection, { description: "Which way the indicator improves." })
  @Enum({ items: () => IndicatorDirection, default: IndicatorDirection.HIGHER_IS_BETTER })
  direction!: IndicatorDirection;

  @Field(() => [String], { description: "Partnerships whose models report the indicator (keys: liderzy, kooperacja, kooperacje3d)." })
  @Property({ type: "json", default: JSON.stringify(PARTNERSHIP_KEYS) })
  reportedBy!: string[];

  @Field(() => Boolean, { description: "True for an indicator of one region's model only; a comparison shows it for that region alone." })
  @Property({ type: "boolean", default: false })
  regionSpecific!: boolean;
}
