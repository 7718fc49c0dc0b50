import { Entity, Enum, ManyToOne, PrimaryKey, Property } from "@mikro-orm/core";
import { Directive, Field, Int, ObjectType } from "type-graphql";
import { CooperationBodyKind } from "../common/enums";
import { RegionalRecord } from "../common/regional-record";
import { Node } from "../nodes/node";
import { PilotSite } from "../sites/pilot-site.entity";

@Entity({ tableName: "cooperation_body" })
@Directive(`@key(fields: "id")`)
@ObjectType({ implements: Node, description: "A concrete cooperation structure set up under a model: a group or team at a pilot site or in a region." })
export class CooperationBody extends RegionalRecord {
  @PrimaryKey({ type: "string" })
  id!: string;

  @Field(() => CooperationBodyKind, { description: "Kind of structure, in the national vocabulary." })
  @Enum({ items: () => CooperationBodyKind })
  kind!: CooperationBodyKind;

  @Field(() => String, { description: "Name of the body, in Polish." })
  // Up to 300 characters: text, not varchar(255).
  @Property({ type: "text" })
  name!: string;

  @ManyToOne(() => PilotSite, { nullable: true, ref: false })
  site?: PilotSite | null;

  @Field(() => Int, { nullable: true, description: "Number of members, where known." })
  @Property({ type: "integer", nullable: true })
  memberCount?: number | null;

  @Field(() => String, { nullable: true, description: "How the body meets, where known." })
  @Property({ type: "text", nullable: true })
  meetingFormat?: string | null;
}
