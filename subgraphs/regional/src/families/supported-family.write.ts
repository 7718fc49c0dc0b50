import { IsBoolean, IsEnum, IsOptional } from "class-validator";
import { randomUUID } from "node:crypto";
import { Field, ID, InputType } from "type-graphql";
import { CooperationLevel } from "../common/enums";
import { IndicatorValue } from "../indicators/indicator-value.entity";
import { column } from "../imports/csv-columns";
import { ImportKind } from "../imports/import-kind";
import { PilotSite } from "../sites/pilot-site.entity";
import { localKey } from "../writes/ids";
import { InProgrammePeriod, IsIsoDate, IsLocalKey } from "../writes/rules";
import type { FieldProblem, WriteModel } from "../writes/write-model";
import { SupportedFamily } from "./supported-family.entity";

@InputType({ description: "A supported person or family, pseudonymous: no name, address or PESEL has a field. An update replaces every field." })
export class SupportedFamilyInput {
  @Field(() => String, { description: "The region's pseudonymous code, unique in the region." })
  @IsLocalKey()
  code!: string;

  @Field(() => ID, { description: "The pilot site (global ID)." })
  site!: string;

  @Field(() => CooperationLevel, { description: "Level of cooperation at which the family is supported." })
  @IsEnum(CooperationLevel)
  cooperationLevel!: CooperationLevel;

  @Field(() => Boolean, { description: "Whether a social contract was concluded." })
  @IsBoolean()
  socialContract!: boolean;

  @Field(() => String, { description: "Start of support (YYYY-MM-DD), within the programme period." })
  @IsIsoDate()
  @InProgrammePeriod()
  startedOn!: string;

  @Field(() => String, { nullable: true, description: "End of support (YYYY-MM-DD); null while support continues." })
  @IsOptional()
  @IsIsoDate()
  @InProgrammePeriod()
  endedOn?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Set to record a date outside the programme period." })
  @IsOptional()
  @IsBoolean()
  outsideProgrammePeriod?: boolean | null;
}

export const supportedFamilyWrites: WriteModel<SupportedFamily, SupportedFamilyInput> = {
  entity: SupportedFamily,
  input: SupportedFamilyInput,
  kind: ImportKind.FAMILIES,
  keyField: "code",
  keyIsId: false,
  keyOf: (input) => input.code,
  rowKeyOf: (row) => row.code,
  findByKeys: (em, inputs) => em.find(SupportedFamily, { code: { $in: inputs.map((input) => input.code) } }, { filters: false }),
  newId: () => randomUUID(),
  references: (input) => [{ field: "site", entity: PilotSite, id: input.site }],
  check: (input) => {
    const problems: FieldProblem[] = [];
    // An 11-digit code is what a PESEL looks like; the hub keeps no personal identifiers.
    if (/^\d{11}$/.test(input.code ?? "")) problems.push({ field: "code", message: "looks like a PESEL; use the region's pseudonymous code" });
    if (input.endedOn && input.startedOn && input.endedOn < input.startedOn) problems.push({ field: "endedOn", message: "must not be before startedOn" });
    return problems;
  },
  data: (input) => ({
    code: input.code,
    site: localKey(input.site),
    cooperationLevel: input.cooperationLevel,
    socialContract: input.socialContract,
    startedOn: input.startedOn,
    endedOn: input.endedOn ?? null,
  }),
  dependents: [{ entity: IndicatorValue, column: "family", label: "indicator values" }],
  columns: [
    column("code", "code", true, { type: "text" }, "Pseudonymous code of the family, unique in the region (never a name or PESEL)."),
    column("site_teryt", "site", true, { type: "reference", entity: PilotSite }, "TERYT code of the pilot site."),
    column("cooperation_level", "cooperationLevel", true, { type: "enum" }, "INSTITUTION, WORKER or CLIENT."),
    column("social_contract", "socialContract", true, { type: "boolean" }, "tak/nie: a social contract was concluded."),
    column("started_on", "startedOn", true, { type: "text" }, "Start of support, YYYY-MM-DD."),
    column("ended_on", "endedOn", false, { type: "text" }, "End of support, YYYY-MM-DD; empty while it continues."),
    column("outside_programme_period", "outsideProgrammePeriod", false, { type: "boolean" }, "tak/nie: allow a date outside the programme period."),
  ],
};
