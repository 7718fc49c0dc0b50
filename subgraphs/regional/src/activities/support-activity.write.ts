import { IsBoolean, IsEnum, IsInt, IsOptional, Length, Max, Min } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import { ActivityKind } from "../common/enums";
import { column } from "../imports/csv-columns";
import { ImportKind } from "../imports/import-kind";
import { PilotSite } from "../sites/pilot-site.entity";
import { localKey } from "../writes/ids";
import { InProgrammePeriod, IsIsoDate, IsLocalKey, IsMoney, IsPlainText, parseMoney } from "../writes/rules";
import type { WriteModel } from "../writes/write-model";
import { SupportActivity } from "./support-activity.entity";

@InputType({ description: "A support activity as its partnership's owner enters it. An update replaces every field." })
export class SupportActivityInput {
  @Field(() => String, { description: "The region's own identifier of the activity; part of its ID, cannot change." })
  @IsLocalKey()
  key!: string;

  @Field(() => ActivityKind, { description: "Kind of support." })
  @IsEnum(ActivityKind)
  kind!: ActivityKind;

  @Field(() => String, { description: "Title of the activity." })
  @IsPlainText()
  @Length(1, 300)
  title!: string;

  @Field(() => String, { description: "Date held (YYYY-MM-DD), within the programme period." })
  @IsIsoDate()
  @InProgrammePeriod()
  heldOn!: string;

  @Field(() => ID, { nullable: true, description: "The pilot site served (global ID); null for a region-wide activity." })
  @IsOptional()
  site?: string | null;

  @Field(() => Int, { description: "Number of participants." })
  @IsInt()
  @Min(0)
  @Max(100_000)
  participants!: number;

  @Field(() => String, { nullable: true, description: 'Cost in złoty as an exact decimal, e.g. "12345.67" or "12 345,67".' })
  @IsOptional()
  @IsMoney()
  cost?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Set to record a date outside the programme period." })
  @IsOptional()
  @IsBoolean()
  outsideProgrammePeriod?: boolean | null;
}

export const supportActivityWrites: WriteModel<SupportActivity, SupportActivityInput> = {
  entity: SupportActivity,
  input: SupportActivityInput,
  kind: ImportKind.ACTIVITIES,
  keyField: "key",
  keyIsId: true,
  keyOf: (input) => input.key,
  rowKeyOf: (row) => row.id,
  findByKeys: (em, inputs) => em.find(SupportActivity, { id: { $in: inputs.map((input) => input.key) } }, { filters: false }),
  newId: (input) => input.key,
  references: (input) => [{ field: "site", entity: PilotSite, id: input.site }],
  data: (input) => ({
    kind: input.kind,
    title: input.title,
    heldOn: input.heldOn,
    site: localKey(input.site),
    participants: input.participants,
    costGrosze: input.cost === null || input.cost === undefined ? null : parseMoney(input.cost)!.toString(),
  }),
  dependents: [],
  columns: [
    column("key", "key", true, { type: "text" }, "The region's own identifier of the activity."),
    column("kind", "kind", true, { type: "enum" }, "TRAINING, COACHING, SUPERVISION, ADVISORY, CONFERENCE, WORKSHOP, ..."),
    column("title", "title", true, { type: "text" }, "Title of the activity."),
    column("held_on", "heldOn", true, { type: "text" }, "Date held, YYYY-MM-DD."),
    column("site_teryt", "site", false, { type: "reference", entity: PilotSite }, "TERYT code of the pilot site; empty for a region-wide activity."),
    column("participants", "participants", true, { type: "integer" }, "Number of participants."),
    column("cost", "cost", false, { type: "text" }, "Cost in złoty, e.g. 12 345,67."),
    column("outside_programme_period", "outsideProgrammePeriod", false, { type: "boolean" }, "tak/nie: allow a date outside the programme period."),
  ],
};
