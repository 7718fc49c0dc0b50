import { encodeGlobalId, ErrorCode, hubError } from "@kooperacja/contract";
import { accessDenied, Role } from "@kooperacja/service-kit";
import { assertPublishedBoundaries } from "../analytics/boundaries";
import { groupFacts } from "../analytics/fact-groups";
import { FactDimension, Grain, groupsForCaller, type FactFilter } from "../analytics/facts";
import { text, voivodeshipNames } from "../analytics/group-labels";
import type { RegionalContext } from "../context";
import { IndicatorSummary, IndicatorSummaryGroup, SummaryDimension } from "./indicator-summary";
import { validateIndicatorValueFilter, type IndicatorValueFilter } from "./indicator-value-filter";
import { OutcomeIndicator } from "./outcome-indicator.entity";

/** Each dimension of a summary as a dimension of the facts every aggregate groups. */
const FACT_DIMENSION: Record<SummaryDimension, FactDimension> = {
  PARTNERSHIP: FactDimension.PARTNERSHIP,
  VOIVODESHIP: FactDimension.VOIVODESHIP,
  MUNICIPALITY_KIND: FactDimension.MUNICIPALITY_KIND,
  PERIOD: FactDimension.PERIOD,
  SITE: FactDimension.SITE,
};

/** `indicatorSummary` in one region: the indicator's facts by group, protected for the caller. */
export async function summariseIndicator(
  ctx: RegionalContext,
  { indicator, groupBy, filter }: { indicator: string; groupBy: SummaryDimension[]; filter: IndicatorValueFilter | undefined },
): Promise<IndicatorSummary> {
  validateIndicatorValueFilter(filter);
  if (new Set(groupBy).size !== groupBy.length) throw hubError(ErrorCode.BAD_USER_INPUT, "groupBy names a dimension twice.", { argument: "groupBy" });
  if (groupBy.includes(SummaryDimension.PERIOD) && ctx.identity.role === Role.PUBLIC) {
    throw accessDenied(ctx.identity, "a series (indicatorSummary grouped by PERIOD)");
  }
  const definition = await ctx.loaders.byId(OutcomeIndicator).load(indicator);
  if (!definition)
    throw hubError(ErrorCode.BAD_USER_INPUT, `Unknown indicator ${JSON.stringify(indicator)}; the catalogue is in \`indicators\`.`, {
      argument: "indicator",
    });
  const facts = factFilterOf(filter);
  assertPublishedBoundaries(
    ctx,
    {
      indicators: [definition],
      filter: facts,
      byPeriod: groupBy.includes(SummaryDimension.PERIOD),
      grain: Grain.QUARTER,
      bySite: groupBy.includes(SummaryDimension.SITE),
    },
    { filter: "filter", by: "groupBy", grain: "groupBy", fields: { quarters: "periods" } },
  );
  const dimensions = groupBy.map((dimension) => FACT_DIMENSION[dimension]);
  const found = filter?.indicators && !filter.indicators.includes(indicator) ? [] : await groupFacts(ctx, definition, dimensions, Grain.QUARTER, facts);
  const names = await voivodeshipNames(ctx, found);
  const byPartnership = groupBy.includes(SummaryDimension.PARTNERSHIP);
  const groups = groupsForCaller(ctx, found).map((group) =>
    Object.assign(new IndicatorSummaryGroup(), {
      partnership: byPartnership ? ctx.partnership : null,
      voivodeship: text(group.voivodeship),
      voivodeshipName: typeof group.voivodeship === "string" ? (names.get(group.voivodeship) ?? null) : null,
      municipalityKind: text(group.municipalityKind),
      period: text(group.period),
      siteId: group.siteId === undefined || group.siteId === null ? null : encodeGlobalId(ctx.partnership, "PilotSite", String(group.siteId)),
      siteName: text(group.siteName),
      n: group.n,
      count: group.n,
      sum: group.sum,
      min: group.min,
      max: group.max,
      mean: group.n && group.sum !== null ? group.sum / group.n : null,
      average: group.n && group.sum !== null ? group.sum / group.n : null,
      families: group.families,
      suppressed: group.suppressed,
      protection: group.protection,
      recordKey: group.recordKey,
      familyKey: group.familyKey,
      origin: group.origin,
      syntheticRecords: group.syntheticRecords,
    }),
  );
  return Object.assign(new IndicatorSummary(), { indicator, groupBy, groups });
}

/** A summary's filter as a filter of facts: its periods are quarters. */
function factFilterOf(filter: IndicatorValueFilter | null | undefined): FactFilter | undefined {
  if (!filter) return undefined;
  return { ...filter, quarters: filter.periods, quarterFrom: filter.periodFrom, quarterTo: filter.periodTo };
}
