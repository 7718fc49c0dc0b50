import { Entity, Enum, PrimaryKey, Property } from "@mikro-orm/core";
import { Directive, Field, Int, ObjectType } from "type-graphql";
import { CooperationBodyKind } from "../common/enums";
import { RegionalRecord } from "../common/regional-record";
import { Node } from "../nodes/node";

@Entity({ tableName: "model_structure" })
@Directive(`@key(fields: "id")`)
@ObjectType({ implements: Node, description: "A kind of cooperation structure a model uses, with its typical composition and meeting format." })
export class ModelStructure extends RegionalRecord {
  @PrimaryKey({ type: "string" })
  id!: string;

  @Field(() => CooperationBodyKind, { description: "Kind of structure, in the national vocabulary." })
  @Enum({ items: () => CooperationBodyKind })
  kind!: CooperationBodyKind;

  @Field(() => String, { description: "Name the partnership uses, in Polish." })
  @Property({ type: "string" })
  localName!: string;

  @Field(() => String, { description: "Who sits in it and what it does, in English." })
  @Property({ type: "text" })
  description!: string;

  @Field(() => Int, { nullable: true, description: "Typical number of members, where stated." })
  @Property({ type: "integer", nullable: true })
  typicalMembers?: number | null;

  @Field(() => String, { nullable: true, description: "How meetings are held, where stated." })
  @Property({ type: "text", nullable: true })
  meetingFormat?: string | null;
}
