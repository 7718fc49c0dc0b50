import { Entity, Enum, ManyToOne, PrimaryKey, Property } from "@mikro-orm/core";
import { Directive, Field, ObjectType } from "type-graphql";
import { MemberRole } from "../common/enums";
import { RegionalRecord } from "../common/regional-record";
import { Node } from "../nodes/node";
import { Institution } from "../institutions/institution.entity";

@Entity({ tableName: "partnership_member" })
@Directive(`@key(fields: "id")`)
@ObjectType({ implements: Node, description: "An institution's membership in a partnership, with its role." })
export class PartnershipMember extends RegionalRecord {
  @PrimaryKey({ type: "string" })
  id!: string;

  @ManyToOne(() => Institution, { ref: false })
  institution!: Institution;

  @Field(() => MemberRole, { description: "Role of the institution in the partnership." })
  @Enum({ items: () => MemberRole })
  role!: MemberRole;

  @Field(() => String, { nullable: true, description: "What the institution does in the partnership, as the source describes it." })
  @Property({ type: "text", nullable: true })
  roleDescription?: string | null;
}
