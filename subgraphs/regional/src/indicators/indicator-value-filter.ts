import { ErrorCode, hubError, type PartnershipKey } from "@kooperacja/contract";
import type { QueryBuilder } from "@mikro-orm/knex";
import { Field, InputType } from "type-graphql";
import { whereRegion } from "../common/connection";
import { RegionFilterInput, validateRegionFilter } from "../common/region-filter-input";

const PERIOD = /^\d{4}-Q[1-4]$/;

@InputType({ description: "Which indicator values: every given condition must hold." })
export class IndicatorValueFilter extends RegionFilterInput {
  @Field(() => [String], { nullable: true, description: "Only these indicator codes." })
  indicators?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Only these periods (e.g. 2019-Q4)." })
  periods?: string[] | null;

  @Field(() => String, { nullable: true, description: "Only periods from this one on (inclusive)." })
  periodFrom?: string | null;

  @Field(() => String, { nullable: true, description: "Only periods up to this one (inclusive)." })
  periodTo?: string | null;
}

export function validateIndicatorValueFilter(filter: IndicatorValueFilter | null | undefined): void {
  validateRegionFilter(filter);
  const periods = [...(filter?.periods ?? []), ...(filter?.periodFrom ? [filter.periodFrom] : []), ...(filter?.periodTo ? [filter.periodTo] : [])];
  const bad = periods.find((period) => !PERIOD.test(period));
  if (bad !== undefined) throw hubError(ErrorCode.BAD_USER_INPUT, `${JSON.stringify(bad)} is not a period like 2019-Q4.`, { field: "filter.periods" });
}

/** The filter's conditions on indicator values (alias `e`). */
export function whereIndicatorValues<T extends object>(
  qb: QueryBuilder<T>,
  partnership: PartnershipKey,
  filter: IndicatorValueFilter | null | undefined,
): void {
  whereRegion(qb, partnership, filter, "e.site_id");
  if (!filter) return;
  if (filter.indicators) qb.andWhere({ indicator: { $in: filter.indicators } } as never);
  if (filter.periods) qb.andWhere({ period: { $in: filter.periods } } as never);
  // Periods sort as text: "2019-Q4" < "2020-Q1".
  if (filter.periodFrom) qb.andWhere({ period: { $gte: filter.periodFrom } } as never);
  if (filter.periodTo) qb.andWhere({ period: { $lte: filter.periodTo } } as never);
}
