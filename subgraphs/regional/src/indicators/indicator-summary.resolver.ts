import { Arg, Ctx, Query, Resolver } from "type-graphql";
import { aggregateCost, Shard } from "../common/shard";
import type { RegionalContext } from "../context";
import { IndicatorSummary, SummaryDimension } from "./indicator-summary";
import { summariseIndicator } from "./indicator-summary.query";
import { IndicatorValueFilter } from "./indicator-value-filter";

@Resolver()
export class IndicatorSummaryResolver {
  @Shard.aggregate("groups", "filter")
  @aggregateCost()
  @Query(() => IndicatorSummary, {
    description:
      "Number (n), sum, min, max and mean of one indicator's values by group, computed in SQL inside each region and merged by the gateway: the same facts, and so the same figures, as `compare`. Figures about families are protected for everyone but their owner (docs/privacy.md). Grouping by PERIOD (a series) needs a token.",
  })
  indicatorSummary(
    @Arg("indicator", () => String, { description: "Indicator code." }) indicator: string,
    @Arg("groupBy", () => [SummaryDimension], { description: "Dimensions to group by (none: one group of everything)." }) groupBy: SummaryDimension[],
    @Arg("filter", () => IndicatorValueFilter, { nullable: true, description: "Which values." }) filter: IndicatorValueFilter | undefined,
    @Ctx() ctx: RegionalContext,
  ): Promise<IndicatorSummary> {
    return summariseIndicator(ctx, { indicator, groupBy, filter });
  }
}
