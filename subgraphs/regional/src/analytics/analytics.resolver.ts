import { encodeGlobalId, ErrorCode, hubError, originOf, PARTNERSHIPS } from "@kooperacja/contract";
import { accessDenied, owns, Role } from "@kooperacja/service-kit";
import { type MunicipalityKind, type Sector } from "@kooperacja/subgraph-kit";
import { Arg, Ctx, Query, Resolver } from "type-graphql";
import { IndicatorBasis, IndicatorDirection, IndicatorLevel } from "../common/enums";
import { assertServes } from "../common/lookup";
import { firstDayOf } from "../common/quarters";
import { aggregateCost, Shard } from "../common/shard";
import type { RegionalContext } from "../context";
import { OutcomeIndicator } from "../indicators/outcome-indicator.entity";
import { PilotSite } from "../sites/pilot-site.entity";
import { TerritorialUnit } from "../territory/territorial-unit.entity";
import { PROGRAMME_PERIOD } from "../writes/rules";
import { CompareFilter, validateCompareFilter } from "./compare-filter";
import { assertPublishedBoundaries } from "./boundaries";
import { CompareDimension, Comparison, ComparisonRow, CoverageRow, SiteRank } from "./comparison";
import { FactDimension, figureOf, Grain, groupFacts, groupsForCaller, inScope, protectFacts, type FactGroup } from "./facts";

const MAX_INDICATORS = 20;

const FACT_DIMENSION: Record<CompareDimension, FactDimension> = {
  PARTNERSHIP: FactDimension.PARTNERSHIP,
  MACROREGION: FactDimension.PARTNERSHIP,
  VOIVODESHIP: FactDimension.VOIVODESHIP,
  MUNICIPALITY_KIND: FactDimension.MUNICIPALITY_KIND,
  SECTOR: FactDimension.SECTOR,
  PERIOD: FactDimension.PERIOD,
};

@Resolver()
export class AnalyticsResolver {
  @Shard.aggregate("rows", "filter")
  @aggregateCost()
  @Query(() => Comparison, {
    description:
      "Compares indicators across the models: one tidy row per indicator and group, computed in SQL inside each region and merged by the gateway. Figures about families are protected by the cell key method for everyone but the owner of every region in the row (see `protection`; docs/privacy.md), and such questions keep to the published boundaries. Grouping by PERIOD (a time series) needs a token.",
  })
  async compare(
    @Arg("indicators", () => [String], { description: `Indicator codes of the catalogue (1 to ${MAX_INDICATORS}).` }) indicators: string[],
    @Arg("by", () => [CompareDimension], { defaultValue: [], description: "Dimensions to group by (none: one row per indicator)." }) by: CompareDimension[],
    @Arg("grain", () => Grain, { defaultValue: Grain.QUARTER, description: "Length of the periods when grouping by PERIOD." }) grain: Grain,
    @Arg("filter", () => CompareFilter, { nullable: true, description: "Which facts count." }) filter: CompareFilter | undefined,
    @Ctx() ctx: RegionalContext,
  ): Promise<Comparison> {
    validateCompareFilter(filter);
    if (new Set(by).size !== by.length) throw hubError(ErrorCode.BAD_USER_INPUT, "by names a dimension twice.", { field: "by" });
    if (by.includes(CompareDimension.PERIOD) && ctx.identity.role === Role.PUBLIC) throw accessDenied(ctx.identity, "a time series (compare by PERIOD)");
    const definitions = await catalogueEntries(ctx, indicators);
    if (by.includes(CompareDimension.PERIOD) && grain === Grain.MONTH) {
      const quarterly = definitions.filter((definition) => definition.basis === IndicatorBasis.REPORTED).map((definition) => definition.id);
      if (quarterly.length > 0) {
        throw hubError(
          ErrorCode.BAD_USER_INPUT,
          `${quarterly.join(", ")} ${quarterly.length > 1 ? "are" : "is"} reported per quarter and has no months; compare by QUARTER or YEAR.`,
          {
            field: "grain",
          },
        );
      }
    }
    const byPeriod = by.includes(CompareDimension.PERIOD);
    assertPublishedBoundaries(ctx, { indicators: definitions, filter, byPeriod, grain, bySite: false }, { filter: "filter", by: "by", grain: "grain" });
    const dimensions = [...new Set(by.map((dimension) => FACT_DIMENSION[dimension]))];
    const info = PARTNERSHIPS[ctx.partnership];
    const byPartnership = dimensions.includes(FactDimension.PARTNERSHIP);
    const rows: ComparisonRow[] = [];
    for (const definition of definitions) {
      const groups = await groupFacts(ctx, definition, dimensions, grain, filter);
      const names = await voivodeshipNames(ctx, groups);
      for (const group of groupsForCaller(ctx, groups)) {
        rows.push(
          Object.assign(new ComparisonRow(), {
            indicator: definition.id,
            unit: definition.unit,
            aggregation: definition.aggregation,
            macroregion: byPartnership ? info.macroregion : null,
            partnership: byPartnership ? ctx.partnership : null,
            voivodeship: text(group.voivodeship),
            voivodeshipName: typeof group.voivodeship === "string" ? (names.get(group.voivodeship) ?? null) : null,
            municipalityKind: text(group.municipalityKind) as MunicipalityKind | null,
            sector: text(group.sector) as Sector | null,
            period: text(group.period),
            n: group.n,
            sum: group.sum,
            min: group.min,
            max: group.max,
            mean: group.n && group.sum !== null ? group.sum / group.n : null,
            value: figureOf(definition, group),
            families: group.families,
            suppressed: group.suppressed,
            protection: group.protection,
            regionsMissing: [],
            recordKey: group.recordKey,
            familyKey: group.familyKey,
            origin: group.origin,
            syntheticRecords: group.syntheticRecords,
          }),
        );
      }
    }
    rows.sort((a, b) => compareKeys(rowKey(a), rowKey(b)));
    return Object.assign(new Comparison(), { indicators: definitions.map((definition) => definition.id), by, grain, rows });
  }

  @Shard.partnership("partnership")
  @aggregateCost()
  @Query(() => [SiteRank], {
    description:
      "Ranks one partnership's pilot sites on one indicator, best first by the indicator's direction, by the figures shown: figures about families are protected for everyone but the partnership's owner, and sites of too few families come last, unranked.",
  })
  async siteRanking(
    @Arg("partnership", () => String, { description: "Partnership key (liderzy, kooperacja, kooperacje3d)." }) partnership: string,
    @Arg("indicator", () => String, { description: "Indicator code." }) indicator: string,
    @Arg("filter", () => CompareFilter, { nullable: true, description: "Which facts count." }) filter: CompareFilter | undefined,
    @Ctx() ctx: RegionalContext,
  ): Promise<SiteRank[]> {
    assertServes(ctx, partnership);
    validateCompareFilter(filter);
    const [definition] = await catalogueEntries(ctx, [indicator]);
    assertPublishedBoundaries(
      ctx,
      { indicators: [definition!], filter, byPeriod: false, grain: Grain.QUARTER, bySite: true },
      { filter: "filter", by: "partnership", grain: "grain" },
    );
    // Routed to this one shard: the shard protects, the gateway merges nothing here.
    const groups = protectFacts(
      ctx,
      (await groupFacts(ctx, definition!, [FactDimension.SITE], Grain.QUARTER, filter)).filter((group) => group.siteId !== null),
    );
    const ranks = groups.map((group) =>
      Object.assign(new SiteRank(), {
        rank: null as number | null,
        siteId: encodeGlobalId(ctx.partnership, "PilotSite", String(group.siteId)),
        siteName: String(group.siteName),
        value: figureOf(definition!, group),
        n: group.n,
        families: group.families,
        suppressed: group.suppressed,
        protection: group.protection,
        origin: group.origin,
      }),
    );
    // Ranked by the figures shown, so a rank gives away no more than the figures do.
    const better = definition!.direction === IndicatorDirection.LOWER_IS_BETTER ? 1 : -1;
    const shown = ranks.filter((rank) => rank.value !== null).sort((a, b) => better * (a.value! - b.value!) || a.siteName.localeCompare(b.siteName, "pl"));
    shown.forEach((rank, index) => {
      const previous = shown[index - 1];
      rank.rank = previous && previous.value === rank.value ? previous.rank : index + 1;
    });
    const hidden = ranks.filter((rank) => rank.value === null).sort((a, b) => a.siteName.localeCompare(b.siteName, "pl"));
    return [...shown, ...hidden];
  }

  @Shard.concat("filter")
  @aggregateCost()
  @Query(() => [CoverageRow], {
    description:
      "Which quarters of the programme period each pilot site has reported values for, per reported indicator its partnership reports: the gaps in the evidence. Indicators measured per family are covered for the partnership's owner only (whether a value exists says when families were measured). Needs a token.",
  })
  async coverage(
    @Arg("indicators", () => [String], { nullable: true, description: "Only these indicator codes (default: every reported indicator)." })
    indicators: string[] | undefined,
    @Arg("filter", () => CompareFilter, { nullable: true, description: "Which sites and dates." }) filter: CompareFilter | undefined,
    @Ctx() ctx: RegionalContext,
  ): Promise<CoverageRow[]> {
    if (ctx.identity.role === Role.PUBLIC) throw accessDenied(ctx.identity, "the coverage report");
    validateCompareFilter(filter);
    if (!inScope(ctx.partnership, filter)) return [];
    const definitions = indicators
      ? await catalogueEntries(ctx, indicators)
      : await ctx.em.find(OutcomeIndicator, { basis: IndicatorBasis.REPORTED }, { orderBy: { id: "asc" } });
    // Whether a family-level value exists in a quarter says a family was measured then: the owner's to know alone.
    const exact = owns(ctx.identity, ctx.partnership);
    const reported = definitions.filter(
      (definition) =>
        definition.basis === IndicatorBasis.REPORTED &&
        definition.reportedBy.includes(ctx.partnership) &&
        (exact || definition.level !== IndicatorLevel.FAMILY),
    );
    const codes = reported.map((definition) => definition.id);
    const expected = programmeQuarters().filter((quarter) => within(firstDayOf(quarter), filter));
    // Every site the facts could belong to, with the quarters each has values in: one grouped query per indicator.
    const groups = new Map<string, Set<string>>();
    // What each site's values are: its synthetic and all values over the quarters.
    const counts = new Map<string, { synthetic: number; records: number }>();
    for (const definition of reported) {
      for (const group of await groupFacts(ctx, definition, [FactDimension.SITE, FactDimension.PERIOD], Grain.QUARTER, filter, { countFamilies: false })) {
        const key = `${definition.id}\n${String(group.siteId)}`;
        groups.set(key, (groups.get(key) ?? new Set()).add(String(group.period)));
        const count = counts.get(key) ?? { synthetic: 0, records: 0 };
        counts.set(key, { synthetic: count.synthetic + group.syntheticRecords, records: count.records + group.n });
      }
    }
    const sites = await ctx.em.find(PilotSite, siteCondition(filter), { orderBy: { name: "asc" }, populate: ["unit"] as never });
    const rows: CoverageRow[] = [];
    for (const site of sites) {
      const kind = (site.unit as TerritorialUnit).municipalityKind;
      if (filter?.municipalityKinds && (!kind || !filter.municipalityKinds.includes(kind))) continue;
      for (const code of codes) {
        const present = groups.get(`${code}\n${site.id}`) ?? new Set<string>();
        const count = counts.get(`${code}\n${site.id}`);
        const periodsMissing = expected.filter((quarter) => !present.has(quarter));
        rows.push(
          Object.assign(new CoverageRow(), {
            partnership: ctx.partnership,
            siteId: encodeGlobalId(ctx.partnership, "PilotSite", site.id),
            siteName: site.name,
            indicator: code,
            periodsReported: [...present].sort(),
            periodsMissing,
            complete: periodsMissing.length === 0,
            origin: count ? originOf(count.synthetic, count.records) : null,
          }),
        );
      }
    }
    return rows;
  }
}

/** The catalogue entries of the codes, in the order asked; an unknown or repeated code is refused. */
async function catalogueEntries(ctx: RegionalContext, codes: string[]): Promise<OutcomeIndicator[]> {
  if (codes.length === 0 || codes.length > MAX_INDICATORS) {
    throw hubError(ErrorCode.BAD_USER_INPUT, `Name 1 to ${MAX_INDICATORS} indicators; got ${codes.length}.`, { field: "indicators" });
  }
  if (new Set(codes).size !== codes.length) throw hubError(ErrorCode.BAD_USER_INPUT, "indicators names an indicator twice.", { field: "indicators" });
  const found = new Map((await ctx.em.find(OutcomeIndicator, { id: { $in: codes } })).map((row) => [row.id, row]));
  const unknown = codes.filter((code) => !found.has(code));
  if (unknown.length > 0) {
    throw hubError(
      ErrorCode.BAD_USER_INPUT,
      `Unknown indicator ${unknown.map((code) => JSON.stringify(code)).join(", ")}; the catalogue is in \`indicators\`.`,
      {
        field: "indicators",
      },
    );
  }
  return codes.map((code) => found.get(code)!);
}

async function voivodeshipNames(ctx: RegionalContext, groups: FactGroup[]): Promise<Map<string, string>> {
  const codes = [...new Set(groups.map((group) => group.voivodeship).filter((code): code is string => typeof code === "string"))];
  const units = await ctx.loaders.byId(TerritorialUnit).loadMany(codes);
  return new Map(units.filter((unit): unit is TerritorialUnit => unit instanceof TerritorialUnit).map((unit) => [unit.id, unit.name]));
}

function text(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

const ROW_KEY = [
  "indicator",
  "unit",
  "aggregation",
  "macroregion",
  "partnership",
  "voivodeship",
  "voivodeshipName",
  "municipalityKind",
  "sector",
  "period",
] as const;

/** The order the gateway merges rows in (indicator, then group), so a shard asked directly answers in the same order. */
function rowKey(row: ComparisonRow): string {
  return JSON.stringify(ROW_KEY.map((field) => row[field] ?? null));
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function programmeQuarters(): string[] {
  const quarters: string[] = [];
  for (let year = 2018; year <= 2021; year++) {
    for (let quarter = 1; quarter <= 4; quarter++) {
      const code = `${year}-Q${quarter}`;
      if (code >= PROGRAMME_PERIOD.firstQuarter && code <= PROGRAMME_PERIOD.lastQuarter) quarters.push(code);
    }
  }
  return quarters;
}

function within(day: string, filter: CompareFilter | null | undefined): boolean {
  return (!filter?.from || day >= filter.from) && (!filter?.to || day <= filter.to);
}

/** Sites in the filter's voivodeships and TERYT codes (a site's key is its unit's TERYT code). */
function siteCondition(filter: CompareFilter | null | undefined): object {
  const prefixes = [filter?.voivodeships, filter?.teryt].filter((codes): codes is string[] => Boolean(codes));
  if (prefixes.length === 0) return {};
  return { $and: prefixes.map((codes) => ({ $or: codes.length === 0 ? [{ id: null }] : codes.map((code) => ({ id: { $like: `${code}%` } })) })) };
}
