import { Arg, Ctx, Int, Query, Resolver } from "type-graphql";
import { aggregateCost, Shard } from "../common/shard";
import type { RegionalContext } from "../context";
import { MAX_INDICATORS } from "./catalogue";
import { CompareFilter } from "./compare-filter";
import { compareIndicators } from "./compare.query";
import { CompareDimension, Comparison, CoverageRow, CoverageSummary, SiteRank } from "./comparison";
import { coverageRows, coverageSummaries, MAX_WORST_SITES } from "./coverage.query";
import { Grain } from "./facts";
import { rankSites } from "./site-ranking.query";

/** The analytics queries: arguments and access in, the query modules compute. */
@Resolver()
export class AnalyticsResolver {
  @Shard.aggregate("rows", "filter")
  @aggregateCost()
  @Query(() => Comparison, {
    description:
      "Compares indicators across the models: one tidy row per indicator and group, computed in SQL inside each region and merged by the gateway. Figures about families are protected by the cell key method for everyone but the owner of every region in the row (see `protection`; docs/privacy.md), and such questions keep to the published boundaries. Grouping by PERIOD (a time series) needs a token.",
  })
  compare(
    @Arg("indicators", () => [String], { description: `Indicator codes of the catalogue (1 to ${MAX_INDICATORS}).` }) indicators: string[],
    @Arg("by", () => [CompareDimension], { defaultValue: [], description: "Dimensions to group by (none: one row per indicator)." }) by: CompareDimension[],
    @Arg("grain", () => Grain, { defaultValue: Grain.QUARTER, description: "Length of the periods when grouping by PERIOD." }) grain: Grain,
    @Arg("filter", () => CompareFilter, { nullable: true, description: "Which facts count." }) filter: CompareFilter | undefined,
    @Ctx() ctx: RegionalContext,
  ): Promise<Comparison> {
    return compareIndicators(ctx, { indicators, by, grain, filter });
  }

  @Shard.partnership("partnership")
  @aggregateCost()
  @Query(() => [SiteRank], {
    description:
      "Ranks one partnership's pilot sites on one indicator, best first by the indicator's direction, by the figures shown: figures about families are protected for everyone but the partnership's owner, and sites of too few families come last, unranked.",
  })
  siteRanking(
    @Arg("partnership", () => String, { description: "Partnership key (liderzy, kooperacja, kooperacje3d)." }) partnership: string,
    @Arg("indicator", () => String, { description: "Indicator code." }) indicator: string,
    @Arg("filter", () => CompareFilter, { nullable: true, description: "Which facts count." }) filter: CompareFilter | undefined,
    @Ctx() ctx: RegionalContext,
  ): Promise<SiteRank[]> {
    return rankSites(ctx, { partnership, indicator, filter });
  }

  @Shard.concat("filter")
  @aggregateCost()
  @Query(() => [CoverageRow], {
    description:
      "Which quarters of the programme period each pilot site has reported values for, per reported indicator its partnership reports: the gaps in the evidence. Indicators measured per family are covered for the partnership's owner only (whether a value exists says when families were measured). Needs a token.",
  })
  coverage(
    @Arg("indicators", () => [String], { nullable: true, description: "Only these indicator codes (default: every reported indicator)." })
    indicators: string[] | undefined,
    @Arg("filter", () => CompareFilter, { nullable: true, description: "Which sites and dates." }) filter: CompareFilter | undefined,
    @Ctx() ctx: RegionalContext,
  ): Promise<CoverageRow[]> {
    return coverageRows(ctx, { indicators, filter });
  }

  @Shard.concat("filter")
  @aggregateCost()
  @Query(() => [CoverageSummary], {
    description:
      "The coverage report summed up: per partnership and reported indicator, how many sites have gaps and the sites with the most quarters missing (the same rows as `coverage`, which lists every site). Needs a token.",
  })
  coverageSummary(
    @Arg("indicators", () => [String], { nullable: true, description: "Only these indicator codes (default: every reported indicator)." })
    indicators: string[] | undefined,
    @Arg("filter", () => CompareFilter, { nullable: true, description: "Which sites and dates." }) filter: CompareFilter | undefined,
    @Arg("worst", () => Int, { defaultValue: 50, description: `How many of the sites with gaps to list, worst first (0 to ${MAX_WORST_SITES}).` })
    worst: number,
    @Ctx() ctx: RegionalContext,
  ): Promise<CoverageSummary[]> {
    return coverageSummaries(ctx, { indicators, filter, worst });
  }
}
