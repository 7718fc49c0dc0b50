import { Entity, ManyToOne, PrimaryKey, Property } from "@mikro-orm/core";
import { Directive, Field, ObjectType } from "type-graphql";
import { RegionalRecord } from "../common/regional-record";
import { Node } from "../nodes/node";
import { Institution } from "../institutions/institution.entity";

/**
 * Sources disagree on who leads some partnerships, so the hub keeps every
 * claim with the page that makes it instead of picking one.
 */
@Entity({ tableName: "lead_partner_claim" })
@Directive(`@key(fields: "id")`)
@ObjectType({ implements: Node, description: "A source's claim that an institution is the lead partner. Conflicting claims are all kept." })
export class LeadPartnerClaim extends RegionalRecord {
  @PrimaryKey({ type: "string" })
  id!: string;

  @ManyToOne(() => Institution, { ref: false })
  institution!: Institution;

  @Field(() => String, { description: "The words of the source that make the claim, in Polish." })
  @Property({ type: "text" })
  quote!: string;
}
