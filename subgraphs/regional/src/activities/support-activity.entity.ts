import { BigIntType, Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from "@mikro-orm/core";
import { Directive, Field, Int, ObjectType } from "type-graphql";
import { ActivityKind } from "../common/enums";
import { RegionalRecord } from "../common/regional-record";
import { Node } from "../nodes/node";
import { PilotSite } from "../sites/pilot-site.entity";

// Keyset pages order by (column, id): these indexes serve them without a sort.
@Index({ properties: ["heldOn", "id"] })
@Index({ properties: ["title", "id"] })
@Entity({ tableName: "support_activity" })
@Directive(`@key(fields: "id")`)
@ObjectType({ implements: Node, description: "A support activity for institutions and workers: a training, coaching, conference, workshop..." })
export class SupportActivity extends RegionalRecord {
  @PrimaryKey({ type: "string" })
  id!: string;

  @Field(() => ActivityKind, { description: "Kind of support." })
  @Enum({ items: () => ActivityKind })
  kind!: ActivityKind;

  @Field(() => String, { description: "Title of the activity." })
  // Up to 300 characters: text, not varchar(255).
  @Property({ type: "text" })
  title!: string;

  @Field(() => String, { description: "Date the activity was held (ISO date)." })
  @Property({ type: "string", index: true })
  heldOn!: string;

  @ManyToOne(() => PilotSite, { nullable: true, ref: false, index: true })
  site?: PilotSite | null;

  @Field(() => Int, { description: "Number of participants." })
  @Property({ type: "integer" })
  participants!: number;

  /** Exact money in grosze (see Money); null where not recorded. */
  @Property({ type: new BigIntType("string"), nullable: true })
  costGrosze?: string | null;
}
