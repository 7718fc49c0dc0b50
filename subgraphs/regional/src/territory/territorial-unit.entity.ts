import { Entity, Enum, ManyToOne, PrimaryKey, Property } from "@mikro-orm/core";
import { Directive, Field, Int, ObjectType } from "type-graphql";
import { MunicipalityKind, UnitLevel } from "../common/enums";
import { RegionalRecord } from "../common/regional-record";
import { Node } from "../nodes/node";

@Entity({ tableName: "territorial_unit" })
@Directive(`@key(fields: "id")`)
@ObjectType({ implements: Node, description: "A voivodeship, powiat or gmina of the Polish territorial division, identified by its TERYT code." })
export class TerritorialUnit extends RegionalRecord {
  /** The TERYT code: 2 digits voivodeship, 4 powiat, 7 gmina (with type digit). */
  @PrimaryKey({ type: "string" })
  id!: string;

  @Field(() => String, { description: "TERYT code (2 digits for a voivodeship, 4 for a powiat, 7 for a gmina including its type digit)." })
  @Property({ type: "string" })
  teryt!: string;

  @Field(() => String, { description: "Official name, in Polish." })
  @Property({ type: "string" })
  name!: string;

  @Field(() => UnitLevel, { description: "Tier of the unit." })
  @Enum({ items: () => UnitLevel })
  level!: UnitLevel;

  @Field(() => MunicipalityKind, { nullable: true, description: "For a gmina: urban, rural or urban-rural. Null for powiats and voivodeships." })
  @Enum({ items: () => MunicipalityKind, nullable: true })
  municipalityKind?: MunicipalityKind | null;

  @Field(() => Int, { nullable: true, description: "Approximate number of inhabitants, where the hub has it." })
  @Property({ type: "integer", nullable: true })
  population?: number | null;

  @ManyToOne(() => TerritorialUnit, { nullable: true, ref: false, fieldName: "parent_id" })
  parent?: TerritorialUnit | null;
}
