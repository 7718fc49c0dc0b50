import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from "@mikro-orm/core";
import { Directive, Field, ObjectType } from "type-graphql";
import { SiteStatus } from "../common/enums";
import { RegionalRecord } from "../common/regional-record";
import { Node } from "../nodes/node";
import { TerritorialUnit } from "../territory/territorial-unit.entity";

// Keyset pages order by (column, id): these indexes serve them without a sort.
@Index({ properties: ["name", "id"] })
@Entity({ tableName: "pilot_site" })
@Directive(`@key(fields: "id")`)
@ObjectType({ implements: Node, description: "A gmina or powiat taking part in a partnership's pilot of its model." })
export class PilotSite extends RegionalRecord {
  /** The TERYT code of the unit: a unit takes part in a partnership at most once. */
  @PrimaryKey({ type: "string" })
  id!: string;

  @Field(() => String, { description: 'Display name of the site, in Polish (e.g. "Gmina Wysokie Mazowieckie").' })
  @Property({ type: "string" })
  name!: string;

  @ManyToOne(() => TerritorialUnit, { ref: false })
  unit!: TerritorialUnit;

  @Field(() => SiteStatus, { description: "Stage of participation." })
  @Enum({ items: () => SiteStatus })
  status!: SiteStatus;

  @Field(() => String, { nullable: true, description: "Date the site joined the partnership (ISO date), where known." })
  @Property({ type: "string", nullable: true })
  joinedOn?: string | null;

  @Field(() => String, { nullable: true, description: "The agreement under which the site takes part, as the source describes it." })
  @Property({ type: "text", nullable: true })
  agreement?: string | null;
}
