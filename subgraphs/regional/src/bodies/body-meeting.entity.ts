import { Entity, Index, ManyToOne, PrimaryKey, Property } from "@mikro-orm/core";
import { Directive, Field, Int, ObjectType } from "type-graphql";
import { RegionalRecord } from "../common/regional-record";
import { Node } from "../nodes/node";
import { CooperationBody } from "./cooperation-body.entity";

@Index({ properties: ["body", "heldOn"] })
@Entity({ tableName: "body_meeting" })
@Directive(`@key(fields: "id")`)
@ObjectType({ implements: Node, description: "A meeting of a cooperation body." })
export class BodyMeeting extends RegionalRecord {
  @PrimaryKey({ type: "string" })
  id!: string;

  @ManyToOne(() => CooperationBody, { ref: false })
  body!: CooperationBody;

  @Field(() => String, { description: "Date of the meeting (ISO date)." })
  @Property({ type: "string" })
  heldOn!: string;

  @Field(() => Int, { nullable: true, description: "Number of people present, where recorded." })
  @Property({ type: "integer", nullable: true })
  participants?: number | null;

  @Field(() => String, { nullable: true, description: "What the meeting was about, in the region's words." })
  @Property({ type: "text", nullable: true })
  topic?: string | null;
}
