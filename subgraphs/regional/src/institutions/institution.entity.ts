import { Sector } from "@kooperacja/subgraph-kit";
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from "@mikro-orm/core";
import { Directive, Field, ObjectType } from "type-graphql";
import { InstitutionKind } from "../common/enums";
import { RegionalRecord } from "../common/regional-record";
import { Node } from "../nodes/node";
import { TerritorialUnit } from "../territory/territorial-unit.entity";

// Keyset pages order by (column, id): these indexes serve them without a sort.
@Index({ properties: ["shortName", "id"] })
@Index({ properties: ["name", "id"] })
@Entity({ tableName: "institution" })
@Directive(`@key(fields: "id")`)
@ObjectType({ implements: Node, description: "An institution taking part in a partnership: a ROPS/RCPS, PCPR, OPS, university, NGO or local government." })
export class Institution extends RegionalRecord {
  @PrimaryKey({ type: "string" })
  id!: string;

  @Field(() => String, { description: "Full name, in Polish." })
  // Up to 300 characters: text, not varchar(255).
  @Property({ type: "text" })
  name!: string;

  @Field(() => String, { description: 'Common short name, e.g. "ROPS Białystok".' })
  @Property({ type: "string" })
  shortName!: string;

  @Field(() => InstitutionKind, { description: "Kind of institution." })
  @Enum({ items: () => InstitutionKind })
  kind!: InstitutionKind;

  @Field(() => Sector, { description: "Policy sector of the institution (cross-sector comparisons group by it)." })
  @Enum({ items: () => Sector, default: Sector.OTHER })
  sector!: Sector;

  @Field(() => String, { nullable: true, description: "Town where the institution sits." })
  @Property({ type: "string", nullable: true })
  city?: string | null;

  @ManyToOne(() => TerritorialUnit, { nullable: true, ref: false })
  voivodeship?: TerritorialUnit | null;
}

/** The sector an institution of a kind belongs to, where its kind says (the seeded partners; OTHER when it does not). */
export function sectorOfKind(kind: InstitutionKind): Sector {
  switch (kind) {
    case InstitutionKind.ROPS:
    case InstitutionKind.RCPS:
    case InstitutionKind.PCPR:
    case InstitutionKind.OPS:
      return Sector.SOCIAL_ASSISTANCE;
    case InstitutionKind.UNIVERSITY:
      return Sector.SCIENCE;
    case InstitutionKind.NGO:
      return Sector.NGO;
    case InstitutionKind.LOCAL_GOVERNMENT:
      return Sector.LOCAL_GOVERNMENT;
    default:
      return Sector.OTHER;
  }
}
