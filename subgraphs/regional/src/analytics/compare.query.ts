import { ErrorCode, hubError, PARTNERSHIPS } from "@kooperacja/contract";
import { accessDenied, Role } from "@kooperacja/service-kit";
import { type MunicipalityKind, type Sector } from "@kooperacja/subgraph-kit";
import { IndicatorBasis } from "../common/enums";
import type { RegionalContext } from "../context";
import { assertPublishedBoundaries } from "./boundaries";
import { catalogueEntries } from "./catalogue";
import { validateCompareFilter, type CompareFilter } from "./compare-filter";
import { CompareDimension, Comparison, ComparisonRow } from "./comparison";
import { FactDimension, figureOf, Grain, groupsForCaller } from "./facts";
import { groupFacts } from "./fact-groups";
import { text, voivodeshipNames } from "./group-labels";

const FACT_DIMENSION: Record<CompareDimension, FactDimension> = {
  PARTNERSHIP: FactDimension.PARTNERSHIP,
  MACROREGION: FactDimension.PARTNERSHIP,
  VOIVODESHIP: FactDimension.VOIVODESHIP,
  MUNICIPALITY_KIND: FactDimension.MUNICIPALITY_KIND,
  SECTOR: FactDimension.SECTOR,
  PERIOD: FactDimension.PERIOD,
};

/** `compare` in one region: each indicator's groups of facts as tidy rows, in the order the gateway merges them. */
export async function compareIndicators(
  ctx: RegionalContext,
  { indicators, by, grain, filter }: { indicators: string[]; by: CompareDimension[]; grain: Grain; filter: CompareFilter | undefined },
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
