import { Entity, Index, ManyToOne, PrimaryKey, Property } from "@mikro-orm/core";
import { Directive, Field, Float, ObjectType } from "type-graphql";
import { RegionalRecord } from "../common/regional-record";
import { Node } from "../nodes/node";
import { SupportedFamily } from "../families/supported-family.entity";
import { PilotSite } from "../sites/pilot-site.entity";
import { OutcomeIndicator } from "./outcome-indicator.entity";

// Keyset pages order by (column, id): these indexes serve them.
@Index({ properties: ["period", "id"] })
@Index({ properties: ["value", "id"] })
// Summaries filter by indicator and period and read only these columns: the index covers them, so a
// summary over a million values reads the index alone, in period order, and never the table. The provenance
// kind is read too (each figure says whether synthetic records are behind it): without it in the index a
// region's national summary went to the table for every value (423 ms → 1.95 s).
@Index({ properties: ["indicator", "period", "archivedAt", "site", "family", "value", "recordKey", "provenanceKind"] })
// Whether a site has a value of an indicator in a range of quarters: the families behind a comparison ask it once per family.
@Index({ properties: ["site", "indicator", "period"] })
@Entity({ tableName: "indicator_value" })
@Directive(`@key(fields: "id")`)
@ObjectType({ implements: Node, description: "A value of an outcome indicator for a pilot site (or one family) in one period." })
export class IndicatorValue extends RegionalRecord {
  @PrimaryKey({ type: "string" })
  id!: string;

  @ManyToOne(() => OutcomeIndicator, { ref: false, index: true })
  indicator!: OutcomeIndicator;

  @ManyToOne(() => PilotSite, { ref: false, index: true })
  site!: PilotSite;

  @ManyToOne(() => SupportedFamily, { nullable: true, ref: false, index: true })
  family?: SupportedFamily | null;

  @Field(() => String, { description: "Period of the value: a quarter such as 2019-Q4." })
  @Property({ type: "string", index: true })
  period!: string;

  @Field(() => Float, { description: "The value, in the indicator's unit." })
  @Property({ type: "double" })
  value!: number;

  /** Secret and permanent: the value's share of every cell key (docs/privacy.md). Never in the schema. */
  @Property({ type: "integer", default: 0 })
  recordKey!: number;
}
