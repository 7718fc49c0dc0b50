import { findRows } from "@kooperacja/database";
import { encodeGlobalId, ErrorCode, hubError, originOf } from "@kooperacja/contract";
import { accessDenied, owns, Role } from "@kooperacja/service-kit";
import { IndicatorBasis, IndicatorLevel } from "../common/enums";
import { firstDayOf } from "../common/quarters";
import type { RegionalContext } from "../context";
import { OutcomeIndicator } from "../indicators/outcome-indicator.entity";
import { PilotSite } from "../sites/pilot-site.entity";
import { TerritorialUnit } from "../territory/territorial-unit.entity";
import { PROGRAMME_PERIOD } from "../writes/rules";
import { catalogueEntries } from "./catalogue";
import { validateCompareFilter, type CompareFilter } from "./compare-filter";
import { CoverageRow, CoverageSummary } from "./comparison";
import { FactDimension, Grain, inScope } from "./facts";
import { groupFacts } from "./fact-groups";

/** `coverage` in one region: per site and reported indicator, the quarters with values and those without. */
export async function coverageRows(
  ctx: RegionalContext,
  { indicators, filter }: { indicators: string[] | undefined; filter: CompareFilter | undefined },
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
      definition.basis === IndicatorBasis.REPORTED && definition.reportedBy.includes(ctx.partnership) && (exact || definition.level !== IndicatorLevel.FAMILY),
  );
  const codes = reported.map((definition) => definition.id);
  const expected = programmeQuarters().filter((quarter) => within(firstDayOf(quarter), filter));
  // Every site the facts could belong to, with the quarters each has values in: one grouped query per indicator.
  const groups = new Map<string, { periods: string[]; synthetic: number; records: number }>();
  for (const definition of reported) {
    for (const group of await groupFacts(ctx, definition, [FactDimension.SITE], Grain.QUARTER, filter, { countFamilies: false, periods: true })) {
      groups.set(`${definition.id}\n${String(group.siteId)}`, { periods: group.periods ?? [], synthetic: group.syntheticRecords, records: group.n });
    }
  }
  const sites = await findRows(ctx.em, PilotSite, siteCondition(filter), { name: "asc", id: "asc" });
  const kinds = filter?.municipalityKinds;
  const units = kinds ? await ctx.loaders.byId(TerritorialUnit).loadMany(sites.map((site) => site.unit.id)) : [];
  const rows: CoverageRow[] = [];
  for (const [index, site] of sites.entries()) {
    const kind = (units[index] as TerritorialUnit | null | undefined)?.municipalityKind;
    if (kinds && (!kind || !kinds.includes(kind))) continue;
    for (const code of codes) {
      const group = groups.get(`${code}\n${site.id}`);
      const present = new Set(group?.periods);
      const periodsMissing = expected.filter((quarter) => !present.has(quarter));
      rows.push(
        Object.assign(new CoverageRow(), {
          partnership: ctx.partnership,
          siteId: encodeGlobalId(ctx.partnership, "PilotSite", site.id),
          siteName: site.name,
          indicator: code,
          periodsReported: group?.periods ?? [],
          periodsMissing,
          complete: periodsMissing.length === 0,
          origin: group ? originOf(group.synthetic, group.records) : null,
        }),
      );
    }
  }
  return rows;
}

/** The most sites a coverage summary lists: a page of them, as a connection's page. */
export const MAX_WORST_SITES = 500;

/**
 * `coverageSummary` in one region: per reported indicator, its sites, those
 * with gaps and the quarters missing, counted from the same rows `coverage`
 * returns, with the `worst` sites that have the most missing.
 */
export async function coverageSummaries(
  ctx: RegionalContext,
  { indicators, filter, worst }: { indicators: string[] | undefined; filter: CompareFilter | undefined; worst: number },
): Promise<CoverageSummary[]> {
  if (!Number.isInteger(worst) || worst < 0 || worst > MAX_WORST_SITES) {
    throw hubError(ErrorCode.BAD_USER_INPUT, `\`worst\` must be between 0 and ${MAX_WORST_SITES}.`, { argument: "worst" });
  }
  const rows = await coverageRows(ctx, { indicators, filter });
  const byIndicator = new Map<string, CoverageRow[]>();
  for (const row of rows) {
    const covered = byIndicator.get(row.indicator);
    if (covered) covered.push(row);
    else byIndicator.set(row.indicator, [row]);
  }
  return [...byIndicator].map(([indicator, covered]) => {
    const gaps = covered.filter((row) => !row.complete);
    return Object.assign(new CoverageSummary(), {
      partnership: ctx.partnership,
      indicator,
      sites: covered.length,
      sitesWithGaps: gaps.length,
      periodsMissing: gaps.reduce((sum, row) => sum + row.periodsMissing.length, 0),
      worst: gaps.sort(worstFirst).slice(0, worst),
    });
  });
}

const collator = new Intl.Collator("pl");

/** Most quarters missing first, then by name (Polish collation), then by ID: the same order in every region. */
export function worstFirst(a: CoverageRow, b: CoverageRow): number {
  return (
    b.periodsMissing.length - a.periodsMissing.length || collator.compare(a.siteName, b.siteName) || (a.siteId < b.siteId ? -1 : a.siteId > b.siteId ? 1 : 0)
  );
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
