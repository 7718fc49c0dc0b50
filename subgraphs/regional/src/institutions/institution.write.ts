import { PARTNERSHIPS, tryDecodeGlobalId } from "@kooperacja/contract";
import { Sector } from "@kooperacja/subgraph-kit";
import { IsEnum, IsOptional, Length } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { BodyMember } from "../bodies/body-member.entity";
import { InstitutionKind } from "../common/enums";
import { column } from "../imports/csv-columns";
import { ImportKind } from "../imports/import-kind";
import { PartnershipMember } from "../partnerships/partnership-member.entity";
import { TerritorialUnit } from "../territory/territorial-unit.entity";
import { localKey } from "../writes/ids";
import { IsLocalKey, IsPlainText } from "../writes/rules";
import type { WriteModel } from "../writes/write-model";
import { Institution } from "./institution.entity";

@InputType({
  description: "An institution taking part in the model (an OPS, a labour office, a school, a court, the police, an NGO…). An update replaces every field.",
})
export class InstitutionInput {
  @Field(() => String, { description: "The region's own identifier of the institution (letters, digits, . _ -); part of its ID, cannot change." })
  @IsLocalKey()
  key!: string;

  @Field(() => String, { description: "Full name, in Polish." })
  @IsPlainText()
  @Length(1, 300)
  name!: string;

  @Field(() => String, { description: 'Common short name, e.g. "PUP Ostróda".' })
  @IsPlainText()
  @Length(1, 100)
  shortName!: string;

  @Field(() => InstitutionKind, { description: "Kind of institution." })
  @IsEnum(InstitutionKind)
  kind!: InstitutionKind;

  @Field(() => Sector, { description: "Policy sector of the institution (comparisons group by it)." })
  @IsEnum(Sector)
  sector!: Sector;

  @Field(() => String, { nullable: true, description: "Town where the institution sits." })
  @IsOptional()
  @IsPlainText()
  @Length(1, 100)
  city?: string | null;

  @Field(() => ID, { nullable: true, description: "Its voivodeship (global ID of the territorial unit), one of the partnership's." })
  @IsOptional()
  voivodeship?: string | null;
}

export const institutionWrites: WriteModel<Institution, InstitutionInput> = {
  entity: Institution,
  input: InstitutionInput,
  kind: ImportKind.INSTITUTIONS,
  keyField: "key",
  keyIsId: true,
  keyOf: (input) => input.key,
  rowKeyOf: (row) => row.id,
  findByKeys: (em, inputs) => em.find(Institution, { id: { $in: inputs.map((input) => input.key) } }, { filters: false }),
  newId: (input) => input.key,
  references: (input) => [{ field: "voivodeship", entity: TerritorialUnit, id: input.voivodeship }],
  // Runs before references are resolved: an ID that is not one is the reference check's to report.
  check: (input, ctx) => {
    const code = tryDecodeGlobalId(input.voivodeship)?.localId;
    if (code === undefined || PARTNERSHIPS[ctx.partnership].voivodeships.includes(code)) return [];
    return [{ field: "voivodeship", message: `must be one of the partnership's voivodeships (${PARTNERSHIPS[ctx.partnership].voivodeships.join(", ")})` }];
  },
  data: (input) => ({
    name: input.name,
    shortName: input.shortName,
    kind: input.kind,
    sector: input.sector,
    city: input.city ?? null,
    voivodeship: localKey(input.voivodeship),
  }),
  dependents: [
    { entity: BodyMember, column: "institution", label: "seats in cooperation bodies" },
    { entity: PartnershipMember, column: "institution", label: "partnership memberships" },
  ],
  columns: [
    column("key", "key", true, { type: "text" }, "The region's own identifier of the institution."),
    column("name", "name", true, { type: "text" }, "Full name, in Polish."),
    column("short_name", "shortName", true, { type: "text" }, "Common short name."),
    column("kind", "kind", true, { type: "enum" }, "ROPS, RCPS, PCPR, OPS, UNIVERSITY, NGO, LOCAL_GOVERNMENT or OTHER."),
    column(
      "sector",
      "sector",
      true,
      { type: "enum" },
      "SOCIAL_ASSISTANCE, LABOUR_MARKET, EDUCATION, HEALTH, JUSTICE, POLICE, NGO, LOCAL_GOVERNMENT, SCIENCE or OTHER.",
    ),
    column("city", "city", false, { type: "text" }, "Town where it sits."),
    column("voivodeship_teryt", "voivodeship", false, { type: "reference", entity: TerritorialUnit }, "2-digit TERYT code of its voivodeship."),
  ],
};
