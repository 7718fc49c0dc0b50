import { ErrorCode, hubError } from "@kooperacja/contract";
import { MunicipalityKind, Sector } from "@kooperacja/subgraph-kit";
import { Field, InputType } from "type-graphql";
import { RegionFilterInput, validateRegionFilter } from "../common/region-filter-input";
import { isIsoDate } from "../writes/rules";

@InputType({ description: "Which facts a comparison counts: every given condition must hold." })
export class CompareFilter extends RegionFilterInput {
  @Field(() => [MunicipalityKind], { nullable: true, description: "Only pilot sites in gminas of these kinds." })
  municipalityKinds?: MunicipalityKind[] | null;

  @Field(() => [Sector], { nullable: true, description: "Only facts about these sectors (indicators broken down by sector, e.g. INSTITUTIONS_INVOLVED)." })
  sectors?: Sector[] | null;

  @Field(() => String, { nullable: true, description: "Only facts from this day on (YYYY-MM-DD); a quarterly value counts from the first day of its quarter." })
  from?: string | null;

  @Field(() => String, { nullable: true, description: "Only facts up to this day (YYYY-MM-DD), inclusive." })
  to?: string | null;
}

export function validateCompareFilter(filter: CompareFilter | null | undefined): void {
  validateRegionFilter(filter);
  for (const field of ["from", "to"] as const) {
    const value = filter?.[field];
    if (value !== null && value !== undefined && !isIsoDate(value)) {
      throw hubError(ErrorCode.BAD_USER_INPUT, `filter.${field}: ${JSON.stringify(value)} is not a date written YYYY-MM-DD.`, { field: `filter.${field}` });
    }
  }
  if (filter?.from && filter.to && filter.from > filter.to) {
    throw hubError(ErrorCode.BAD_USER_INPUT, `filter.from (${filter.from}) is after filter.to (${filter.to}).`, { field: "filter.from" });
  }
}
