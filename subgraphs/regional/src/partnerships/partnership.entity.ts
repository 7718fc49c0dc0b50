import { Entity, PrimaryKey, Property } from "@mikro-orm/core";
import { Directive, Field, ObjectType } from "type-graphql";
import { ActivityKind, CooperationLevel, MunicipalityKind } from "../common/enums";
import { RegionalRecord } from "../common/regional-record";
import { Node } from "../nodes/node";

@Entity({ tableName: "partnership" })
@Directive(`@key(fields: "id")`)
@ObjectType({ implements: Node, description: "The cooperation model of one macroregion and the partnership that built and piloted it." })
export class Partnership extends RegionalRecord {
  /** The partnership key (liderzy, kooperacja, kooperacje3d). */
  @PrimaryKey({ type: "string" })
  id!: string;

  @Field(() => String, { description: "Project name, in Polish." })
  @Property({ type: "string" })
  name!: string;

  @Field(() => String, { description: "Roman numeral of the macroregion: I, II or III." })
  @Property({ type: "string" })
  macroregion!: string;

  @Field(() => [MunicipalityKind], { description: "Kinds of gmina the model is built for." })
  @Property({ type: "json" })
  targetMunicipalityKinds!: MunicipalityKind[];

  @Field(() => String, { description: "The municipalities the model targets, as the sources describe them." })
  @Property({ type: "text" })
  targetDescription!: string;

  @Field(() => String, { description: "Operational programme, e.g. PO WER 2014-2020." })
  @Property({ type: "string" })
  programme!: string;

  @Field(() => String, { description: "Priority axis of the programme." })
  @Property({ type: "string" })
  priorityAxis!: string;

  @Field(() => String, { description: "Action of the programme (2.5 Skuteczna pomoc społeczna)." })
  @Property({ type: "string" })
  action!: string;

  @Field(() => String, { description: "Fund co-financing the project." })
  @Property({ type: "string" })
  fund!: string;

  @Field(() => String, { description: "First day of the project (ISO date)." })
  @Property({ type: "string" })
  startsOn!: string;

  @Field(() => String, { description: "Last day of the project (ISO date)." })
  @Property({ type: "string" })
  endsOn!: string;

  /** Exact money in grosze; null where no source states it. */
  @Property({ type: "bigint", nullable: true })
  totalValueGrosze?: string | null;

  @Property({ type: "bigint", nullable: true })
  euCofinancingGrosze?: string | null;

  @Field(() => String, { description: "Goal of the project, in English." })
  @Property({ type: "text" })
  goal!: string;

  @Field(() => String, { description: "Description of the model as the sources state it, in English." })
  @Property({ type: "text" })
  modelDescription!: string;

  @Field(() => [CooperationLevel], { description: "Levels of cooperation the model names explicitly (empty where the sources do not name them)." })
  @Property({ type: "json" })
  cooperationLevels!: CooperationLevel[];

  @Field(() => [String], { description: "Criteria by which powiats and gminas were selected, where the sources list them (in Polish)." })
  @Property({ type: "json" })
  selectionCriteria!: string[];

  @Field(() => [ActivityKind], { description: "Forms of support the model gives to institutions and workers, as the sources list them." })
  @Property({ type: "json" })
  supportForms!: ActivityKind[];
}
