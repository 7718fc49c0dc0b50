import { IsBoolean, IsNumber, IsOptional, Max, Min } from "class-validator";
import { randomUUID } from "node:crypto";
import { Field, Float, ID, InputType } from "type-graphql";
import { SupportedFamily } from "../families/supported-family.entity";
import { column } from "../imports/csv-columns";
import { ImportKind } from "../imports/import-kind";
import { PilotSite } from "../sites/pilot-site.entity";
import { localKey } from "../writes/ids";
import { IsProgrammeQuarter } from "../writes/rules";
import type { FieldProblem, WriteModel } from "../writes/write-model";
import { IndicatorBasis, IndicatorLevel } from "../common/enums";
import { IndicatorValue } from "./indicator-value.entity";
import { OutcomeIndicator } from "./outcome-indicator.entity";

@InputType({ description: "A value of an outcome indicator for a site (or one family) in one quarter. An update replaces every field." })
export class IndicatorValueInput {
  @Field(() => ID, { description: "The outcome indicator (global ID)." })
  indicator!: string;

  @Field(() => ID, { description: "The pilot site (global ID)." })
  site!: string;

  @Field(() => ID, { nullable: true, description: "The family (global ID), for family-level indicators." })
  @IsOptional()
  family?: string | null;

  @Field(() => String, { description: "Quarter, e.g. 2019-Q4, within the programme period." })
  @IsProgrammeQuarter()
  period!: string;

  @Field(() => Float, { description: "The value, in the indicator's unit; not negative." })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1_000_000_000)
  value!: number;

  @Field(() => Boolean, { nullable: true, description: "Set to record a quarter outside the programme period." })
  @IsOptional()
  @IsBoolean()
  outsideProgrammePeriod?: boolean | null;
}

const keyOf = (indicator: string, site: string, family: string | null, period: string) => `${indicator}|${site}|${family ?? ""}|${period}`;

export const indicatorValueWrites: WriteModel<IndicatorValue, IndicatorValueInput> = {
  entity: IndicatorValue,
  input: IndicatorValueInput,
  kind: ImportKind.INDICATOR_VALUES,
  keyField: "period",
  keyIsId: false,
  keyOf: (input) => keyOf(localKey(input.indicator), localKey(input.site), localKey(input.family), input.period),
  rowKeyOf: (row) => keyOf(row.indicator.id, row.site.id, row.family?.id ?? null, row.period),
  // A superset of the rows wanted (each column matched on its own); the writer matches whole keys.
  findByKeys: (em, inputs) =>
    em.find(
      IndicatorValue,
      {
        indicator: { $in: [...new Set(inputs.map((input) => localKey(input.indicator)))] },
        site: { $in: [...new Set(inputs.map((input) => localKey(input.site)))] },
        period: { $in: [...new Set(inputs.map((input) => input.period))] },
      },
      { filters: false },
    ),
  newId: () => randomUUID(),
  references: (input) => [
    { field: "indicator", entity: OutcomeIndicator, id: input.indicator },
    { field: "site", entity: PilotSite, id: input.site },
    { field: "family", entity: SupportedFamily, id: input.family },
  ],
  checkStored: async (em, inputs) => {
    const problems = new Map<number, FieldProblem[]>();
    const indicators = new Map(
      (await em.find(OutcomeIndicator, { id: { $in: [...new Set(inputs.map((input) => localKey(input.indicator)))] } })).map((indicator) => [
        indicator.id,
        indicator,
      ]),
    );
    const familyIds = [...new Set(inputs.map((input) => localKey(input.family)).filter((id): id is string => id !== null))];
    const families = new Map<string, string>();
    for (let start = 0; start < familyIds.length; start += 500) {
      for (const family of await em.find(SupportedFamily, { id: { $in: familyIds.slice(start, start + 500) } })) families.set(family.id, family.site.id);
    }
    inputs.forEach((input, index) => {
      const indicator = indicators.get(localKey(input.indicator));
      const level = indicator?.level;
      const family = localKey(input.family);
      const found: FieldProblem[] = [];
      // A value of an indicator the hub computes would be stored but never counted; one of another region's model is not this region's to report.
      if (indicator?.basis === IndicatorBasis.RECORDS)
        found.push({ field: "indicator", message: `is computed from the region's records (${indicator.id}); it takes no reported values` });
      // The shard's copy of the catalogue is owned by the shard's own partnership.
      else if (indicator && !indicator.reportedBy.includes(indicator.partnership)) {
        found.push({ field: "indicator", message: `is reported only by ${indicator.reportedBy.join(", ")} (an indicator of that model alone)` });
      }
      if (level === IndicatorLevel.FAMILY && !family) found.push({ field: "family", message: "is required: the indicator is measured per family" });
      if (level === IndicatorLevel.SITE && family) found.push({ field: "family", message: "must be empty: the indicator is measured per site" });
      if (family && families.get(family) !== undefined && families.get(family) !== localKey(input.site)) {
        found.push({ field: "family", message: `is supported at site ${families.get(family)}, not at ${localKey(input.site)}` });
      }
      if (found.length > 0) problems.set(index, found);
    });
    return problems;
  },
  data: (input) => ({
    indicator: localKey(input.indicator),
    site: localKey(input.site),
    family: localKey(input.family),
    period: input.period,
    value: input.value,
  }),
  dependents: [],
  columns: [
    column("indicator", "indicator", true, { type: "reference", entity: OutcomeIndicator }, "Indicator code, e.g. FAMILIES_SUPPORTED."),
    column("site_teryt", "site", true, { type: "reference", entity: PilotSite }, "TERYT code of the pilot site."),
    column(
      "family_code",
      "family",
      false,
      { type: "reference", entity: SupportedFamily, by: "code" },
      "Pseudonymous code of the family, for family-level indicators.",
    ),
    column("period", "period", true, { type: "text" }, "Quarter, e.g. 2019-Q4."),
    column("value", "value", true, { type: "decimal" }, "The value; a decimal comma is accepted (12,5)."),
    column("outside_programme_period", "outsideProgrammePeriod", false, { type: "boolean" }, "tak/nie: allow a quarter outside the programme period."),
  ],
};
