import { PARTNERSHIPS } from "@kooperacja/contract";
import { IsBoolean, IsEnum, IsInt, IsOptional, Length, Max, MaxLength, Min } from "class-validator";
import { Field, InputType, Int } from "type-graphql";
import { CooperationBody } from "../bodies/cooperation-body.entity";
import { SupportActivity } from "../activities/support-activity.entity";
import { MunicipalityKind, ProvenanceKind, SiteStatus, UnitLevel } from "../common/enums";
import { SupportedFamily } from "../families/supported-family.entity";
import { IndicatorValue } from "../indicators/indicator-value.entity";
import { column } from "../imports/csv-columns";
import { ImportKind } from "../imports/import-kind";
import { TerritorialUnit } from "../territory/territorial-unit.entity";
import { InProgrammePeriod, IsIsoDate, IsPlainText, IsTeryt } from "../writes/rules";
import type { WriteModel } from "../writes/write-model";
import { PilotSite } from "./pilot-site.entity";

@InputType({ description: "A pilot site as its partnership's owner enters it. An update replaces every field." })
export class PilotSiteInput {
  @Field(() => String, { description: "TERYT code of the gmina (7 digits) or powiat (4 digits); identifies the site and cannot change." })
  @IsTeryt()
  teryt!: string;

  @Field(() => String, { description: 'Display name, in Polish (e.g. "Gmina Radomsko").' })
  @IsPlainText()
  @Length(1, 200)
  name!: string;

  @Field(() => SiteStatus, { description: "Stage of participation." })
  @IsEnum(SiteStatus)
  status!: SiteStatus;

  @Field(() => String, { nullable: true, description: "Date the site joined (YYYY-MM-DD), within the programme period." })
  @IsOptional()
  @IsIsoDate()
  @InProgrammePeriod()
  joinedOn?: string | null;

  @Field(() => String, { nullable: true, description: "The agreement under which the site takes part." })
  @IsOptional()
  @IsPlainText()
  @MaxLength(2000)
  agreement?: string | null;

  @Field(() => String, { nullable: true, description: "Official name of the gmina or powiat, when the hub does not know the unit yet (defaults to `name`)." })
  @IsOptional()
  @IsPlainText()
  @Length(1, 200)
  unitName?: string | null;

  @Field(() => Int, { nullable: true, description: "Inhabitants of the unit, when the hub does not know the unit yet." })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  population?: number | null;

  @Field(() => Boolean, { nullable: true, description: "Set to record a date outside the programme period (2018-04-01 to 2021-03-31)." })
  @IsOptional()
  @IsBoolean()
  outsideProgrammePeriod?: boolean | null;
}

/** The kind of gmina by the TERYT type digit (4 and 5 are the town and rural area of an urban-rural gmina). */
const KIND_BY_TYPE_DIGIT: Record<string, MunicipalityKind> = {
  "1": MunicipalityKind.URBAN,
  "2": MunicipalityKind.RURAL,
  "3": MunicipalityKind.URBAN_RURAL,
  "4": MunicipalityKind.URBAN_RURAL,
  "5": MunicipalityKind.URBAN_RURAL,
};

export const pilotSiteWrites: WriteModel<PilotSite, PilotSiteInput> = {
  entity: PilotSite,
  input: PilotSiteInput,
  kind: ImportKind.SITES,
  keyField: "teryt",
  keyIsId: true,
  keyOf: (input) => input.teryt,
  rowKeyOf: (row) => row.id,
  findByKeys: (em, inputs) => em.find(PilotSite, { id: { $in: inputs.map((input) => input.teryt) } }, { filters: false }),
  newId: (input) => input.teryt,
  references: () => [],
  check: (input, ctx) => {
    const info = PARTNERSHIPS[ctx.partnership];
    const voivodeship = input.teryt.slice(0, 2);
    return info.voivodeships.includes(voivodeship)
      ? []
      : [
          {
            field: "teryt",
            message: `lies in voivodeship ${voivodeship}, outside macroregion ${info.macroregion} of ${info.name} (voivodeships ${info.voivodeships.join(", ")})`,
          },
        ];
  },
  data: (input) => ({
    name: input.name,
    unit: input.teryt,
    status: input.status,
    joinedOn: input.joinedOn ?? null,
    agreement: input.agreement ?? null,
  }),
  prepare: async (em, inputs, ctx) => {
    const codes = inputs.map((input) => input.teryt);
    const parents = [...new Set(codes.flatMap((code) => [code.slice(0, 2), code.slice(0, 4)]))];
    const known = new Set((await em.find(TerritorialUnit, { id: { $in: [...codes, ...parents] } }, { filters: false, fields: ["id"] })).map((unit) => unit.id));
    return inputs
      .filter((input) => !known.has(input.teryt))
      .map((input) => {
        known.add(input.teryt);
        const gmina = input.teryt.length === 7;
        const parent = [input.teryt.slice(0, gmina ? 4 : 2), input.teryt.slice(0, 2)].find((code) => known.has(code)) ?? null;
        return em.create(TerritorialUnit, {
          id: input.teryt,
          teryt: input.teryt,
          name: input.unitName ?? input.name,
          level: gmina ? UnitLevel.GMINA : UnitLevel.POWIAT,
          municipalityKind: gmina ? (KIND_BY_TYPE_DIGIT[input.teryt[6]!] ?? null) : null,
          population: input.population ?? null,
          parent,
          partnership: ctx.partnership,
          provenanceKind: ProvenanceKind.ENTERED,
          provenanceNote: `Added by the regional owner with pilot site ${input.teryt}; not checked against the GUS TERYT register.`,
        });
      });
  },
  dependents: [
    { entity: CooperationBody, column: "site", label: "cooperation bodies" },
    { entity: SupportActivity, column: "site", label: "support activities" },
    { entity: SupportedFamily, column: "site", label: "supported families" },
    { entity: IndicatorValue, column: "site", label: "indicator values" },
  ],
  columns: [
    column("teryt", "teryt", true, { type: "text" }, "TERYT code, 7 digits for a gmina or 4 for a powiat."),
    column("name", "name", true, { type: "text" }, "Display name of the site, in Polish."),
    column("status", "status", true, { type: "enum" }, "INVITED, QUALIFIED, ACTIVE or COMPLETED."),
    column("joined_on", "joinedOn", false, { type: "text" }, "Date the site joined, YYYY-MM-DD."),
    column("agreement", "agreement", false, { type: "text" }, "The agreement under which the site takes part."),
    column("unit_name", "unitName", false, { type: "text" }, "Official name of the unit, when the hub does not know it yet."),
    column("population", "population", false, { type: "integer" }, "Inhabitants of the unit, when the hub does not know it yet."),
    column("outside_programme_period", "outsideProgrammePeriod", false, { type: "boolean" }, "tak/nie: allow a date outside 2018-04-01..2021-03-31."),
  ],
};
