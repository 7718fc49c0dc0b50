import { Entity, ManyToOne, PrimaryKey, Property } from "@mikro-orm/core";
import { Directive, Field, ObjectType } from "type-graphql";
import { RegionalRecord } from "../common/regional-record";
import { Node } from "../nodes/node";
import { Institution } from "../institutions/institution.entity";
import { CooperationBody } from "./cooperation-body.entity";

@Entity({ tableName: "body_member" })
@Directive(`@key(fields: "id")`)
@ObjectType({ implements: Node, description: "An institution sitting in a cooperation body." })
export class BodyMember extends RegionalRecord {
  @PrimaryKey({ type: "string" })
  id!: string;

  @ManyToOne(() => CooperationBody, { ref: false })
  body!: CooperationBody;

  @ManyToOne(() => Institution, { ref: false })
  institution!: Institution;

  @Field(() => String, { nullable: true, description: "Date the institution joined the body (ISO date), where known." })
  @Property({ type: "string", nullable: true })
  joinedOn?: string | null;

  @Field(() => String, { nullable: true, description: "Who represents the institution or how it takes part." })
  @Property({ type: "text", nullable: true })
  representation?: string | null;
}
