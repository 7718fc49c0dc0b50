import { Entity, PrimaryKey, Property } from "@mikro-orm/core";
import { Directive, Field, ObjectType } from "type-graphql";
import { IndicatorLevel } from "../common/enums";
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
  @Property({ type: "string" })
  level!: IndicatorLevel;

  @Field(() => Boolean, {
    description: "Whether the values count or describe supported families; such values are shown only in aggregates, with small cells suppressed, except to the region's owner.",
  })
  @Property({ type: "boolean", default: false })
  aboutFamilies!: boolean;
}
