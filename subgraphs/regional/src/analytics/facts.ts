import { PARTNERSHIPS, type PartnershipKey } from "@kooperacja/shared";
import { IndicatorBasis, IndicatorLevel } from "../common/enums";
import type { RegionalContext } from "../context";
import type { OutcomeIndicator } from "../indicators/outcome-indicator.entity";
import { quarterOf } from "../indicators/quarter-sql";
import type { CompareFilter } from "./compare-filter";

/**
 * Every indicator, reported or computed from records, as one shape of
 * "facts": one row per value (or record) with the site it belongs to, its
 * date or quarter, the sector it concerns, the family it is about and the
 * value. Comparisons group these in SQL, inside the shard, and only the
 * mergeable partials (count, sum, min, max, distinct families) leave it.
 */
const NULL_TEXT = "cast(null as text)";

interface Sql {
  sql: string;
  bindings: unknown[];
  /** The filter's date range is applied inside the source already (its rows carry no date). */
  datedInside?: boolean;
}

/** Values the region reports per site (or family) and quarter. */
function reported(code: string): Sql {
  return {
    sql: `select e.site_id, ${NULL_TEXT} as on_date, e.period as quarter, ${NULL_TEXT} as sector, e.family_id, e.value from indicator_value e where e.indicator_id = ? and e.archived_at is null`,
    bindings: [code],
  };
}

/** The families behind a site-level value about families: those supported at its site during its quarter. */
function familiesBehindReported(code: string): Sql {
  return {
    sql:
      `select e.site_id, ${NULL_TEXT} as on_date, e.period as quarter, ${NULL_TEXT} as sector, sf.id as family_id, e.value from indicator_value e ` +
      `join supported_family sf on sf.site_id = e.site_id and ${quarterOf("sf.started_on")} <= e.period ` +
      `and (sf.ended_on is null or ${quarterOf("sf.ended_on")} >= e.period) and sf.archived_at is null ` +
      `where e.indicator_id = ? and e.archived_at is null`,
    bindings: [code],
  };
}

/**
 * The same families counted from the families' side, for groupings by the
 * site alone (no PERIOD): a family counts when its site has a value in a
 * quarter it was supported in (and in the filter's date range). Each family
 * is visited once, with an index probe, instead of every (value, family)
 * pair: a national region's 1.3 million pairs become 126 000 probes.
 */
function familiesWithValues(code: string, filter: CompareFilter | null | undefined): Sql {
  const bindings: unknown[] = [code];
  let dated = "";
  if (filter?.from) {
    dated += ` and ${quarterStart("e.period")} >= ?`;
    bindings.push(filter.from);
  }
  if (filter?.to) {
    dated += ` and ${quarterStart("e.period")} <= ?`;
    bindings.push(filter.to);
  }
  return {
    sql:
      `select sf.site_id, ${NULL_TEXT} as on_date, ${NULL_TEXT} as quarter, ${NULL_TEXT} as sector, sf.id as family_id, 1 as value from supported_family sf ` +
      `where sf.archived_at is null and exists (select 1 from indicator_value e where e.site_id = sf.site_id and e.indicator_id = ? and e.archived_at is null ` +
      `and e.period >= ${quarterOf("sf.started_on")} and (sf.ended_on is null or e.period <= ${quarterOf("sf.ended_on")})${dated})`,
    bindings,
    datedInside: true,
  };
}

/** Indicators the hub computes from the region's records, by code. */
const FROM_RECORDS: Record<string, Sql> = {
  FAMILIES_ENROLLED: {
    sql: `select f.site_id, f.started_on as on_date, ${NULL_TEXT} as quarter, ${NULL_TEXT} as sector, f.id as family_id, 1 as value from supported_family f where f.archived_at is null`,
    bindings: [],
  },
  FAMILIES_WITH_SOCIAL_CONTRACT: {
    sql: `select f.site_id, f.started_on as on_date, ${NULL_TEXT} as quarter, ${NULL_TEXT} as sector, f.id as family_id, 1 as value from supported_family f where f.archived_at is null and f.social_contract = ?`,
    bindings: [true],
  },
  COOPERATION_BODIES: {
    sql: `select b.site_id, ${NULL_TEXT} as on_date, ${NULL_TEXT} as quarter, ${NULL_TEXT} as sector, ${NULL_TEXT} as family_id, 1 as value from cooperation_body b where b.archived_at is null`,
    bindings: [],
  },
  BODY_MEETINGS_RECORDED: {
    sql:
      `select b.site_id, m.held_on as on_date, ${NULL_TEXT} as quarter, ${NULL_TEXT} as sector, ${NULL_TEXT} as family_id, 1 as value ` +
      `from body_meeting m join cooperation_body b on b.id = m.body_id where m.archived_at is null and b.archived_at is null`,
    bindings: [],
  },
  // An institution sitting in two bodies of one site is involved there once, from the day it first joined.
  INSTITUTIONS_INVOLVED: {
    sql:
      `select b.site_id, min(m.joined_on) as on_date, ${NULL_TEXT} as quarter, i.sector, ${NULL_TEXT} as family_id, 1 as value ` +
      `from body_member m join cooperation_body b on b.id = m.body_id join institution i on i.id = m.institution_id ` +
      `where m.archived_at is null and b.archived_at is null and i.archived_at is null group by b.site_id, i.id, i.sector`,
    bindings: [],
  },
  ACTIVITY_PARTICIPANTS: {
    sql: `select a.site_id, a.held_on as on_date, ${NULL_TEXT} as quarter, ${NULL_TEXT} as sector, ${NULL_TEXT} as family_id, a.participants as value from support_activity a where a.archived_at is null`,
    bindings: [],
  },
};

function recordsSource(code: string): Sql {
  const source = FROM_RECORDS[code];
  if (!source) throw new Error(`Indicator ${code} is computed from records, but no SQL computes it.`);
  return source;
}

export enum FactDimension {
  PARTNERSHIP = "PARTNERSHIP",
  VOIVODESHIP = "VOIVODESHIP",
  MUNICIPALITY_KIND = "MUNICIPALITY_KIND",
  SECTOR = "SECTOR",
  PERIOD = "PERIOD",
  SITE = "SITE",
}

export enum Grain {
  MONTH = "MONTH",
  QUARTER = "QUARTER",
  YEAR = "YEAR",
}

/** The SQL of each dimension over facts f, their site s and its unit u; PARTNERSHIP is the shard's own, added outside SQL. */
function dimensionColumns(dimension: FactDimension, grain: Grain): Record<string, string> {
  switch (dimension) {
    case FactDimension.PARTNERSHIP:
      return {};
    case FactDimension.VOIVODESHIP:
      // A pilot site's key is its unit's TERYT code, whose first two digits are the voivodeship.
      return { voivodeship: "substr(f.site_id, 1, 2)" };
    case FactDimension.MUNICIPALITY_KIND:
      return { municipalityKind: "u.municipality_kind" };
    case FactDimension.SECTOR:
      return { sector: "f.sector" };
    case FactDimension.SITE:
      return { siteId: "f.site_id", siteName: "s.name" };
    case FactDimension.PERIOD:
      return {
        period:
          grain === Grain.MONTH
            ? "substr(f.on_date, 1, 7)"
            : grain === Grain.YEAR
              ? "substr(coalesce(f.quarter, f.on_date), 1, 4)"
              : `coalesce(f.quarter, ${quarterOf("f.on_date")})`,
      };
  }
}

/** The first day of a quarter column ("2019-Q4" → "2019-10-01"). */
function quarterStart(column: string): string {
  return `substr(${column}, 1, 4) || '-' || case substr(${column}, 7, 1) when '1' then '01' when '2' then '04' when '3' then '07' else '10' end || '-01'`;
}

export type FactGroup = Record<string, unknown> & { n: number; sum: number; min: number | null; max: number | null; families: number | null };

/**
 * One indicator's facts in this shard, grouped by the dimensions, with the
 * filter applied: partials only. The family count is the number of distinct
 * families the group's figures are computed from (null for an indicator not
 * about families, or when `countFamilies` is false: a report of which
 * quarters have values needs no count); small-cell suppression reads it.
 */
export async function groupFacts(
  ctx: RegionalContext,
  indicator: OutcomeIndicator,
  dimensions: FactDimension[],
  grain: Grain,
  filter: CompareFilter | null | undefined,
  { countFamilies = true }: { countFamilies?: boolean } = {},
): Promise<FactGroup[]> {
  if (!inScope(ctx.partnership, filter)) return [];
  const columns = dimensions.flatMap((dimension) => Object.entries(dimensionColumns(dimension, grain)));
  const source = indicator.basis === IndicatorBasis.RECORDS ? recordsSource(indicator.id) : reported(indicator.id);
  const familiesFromJoin = countFamilies && indicator.aboutFamilies && indicator.basis === IndicatorBasis.REPORTED && indicator.level === IndicatorLevel.SITE;
  const rows = await grouped(ctx, source, columns, filter, "count(*) as n, sum(f.value) as sum, min(f.value) as min, max(f.value) as max, count(distinct f.family_id) as families");
  const keyOf = (row: Record<string, unknown>) => JSON.stringify(columns.map(([name]) => row[name] ?? null));
  // A series needs every (value, family) pair; a grouping by the site alone only whether each family has a value.
  const familiesSource = dimensions.includes(FactDimension.PERIOD) ? familiesBehindReported(indicator.id) : familiesWithValues(indicator.id, filter);
  const families = familiesFromJoin
    ? new Map((await grouped(ctx, familiesSource, columns, filter, "count(distinct f.family_id) as families")).map((row) => [keyOf(row), Number(row.families)]))
    : undefined;
  return rows
    .filter((row) => Number(row.n) > 0)
    .map((row) => ({
      ...Object.fromEntries(columns.map(([name]) => [name, row[name] ?? null])),
      n: Number(row.n),
      sum: Number(row.sum ?? 0),
      min: row.min === null || row.min === undefined ? null : Number(row.min),
      max: row.max === null || row.max === undefined ? null : Number(row.max),
      families: !indicator.aboutFamilies || !countFamilies ? null : families ? (families.get(keyOf(row)) ?? 0) : Number(row.families),
    }));
}

/** Whether the filter's partnerships and macroregions take in this shard at all. */
export function inScope(partnership: PartnershipKey, filter: CompareFilter | null | undefined): boolean {
  if (filter?.partnerships && !filter.partnerships.includes(partnership)) return false;
  return !(filter?.macroregions && !filter.macroregions.includes(PARTNERSHIPS[partnership].macroregion));
}

async function grouped(ctx: RegionalContext, source: Sql, columns: [string, string][], filter: CompareFilter | null | undefined, measures: string): Promise<Record<string, unknown>[]> {
  const where: string[] = [];
  const bindings: unknown[] = [...source.bindings];
  for (const codes of [filter?.voivodeships, filter?.teryt]) {
    if (!codes) continue;
    // TERYT codes nest by prefix: a gmina's code starts with its powiat's, which starts with its voivodeship's.
    where.push(codes.length === 0 ? "1 = 0" : `(${codes.map(() => "f.site_id like ?").join(" or ")})`);
    bindings.push(...codes.map((code) => `${code}%`));
  }
  const among = (column: string, values: readonly string[] | null | undefined) => {
    if (!values) return;
    where.push(values.length === 0 ? "1 = 0" : `${column} in (${values.map(() => "?").join(", ")})`);
    bindings.push(...values);
  };
  among("u.municipality_kind", filter?.municipalityKinds);
  among("f.sector", filter?.sectors);
  // A quarterly value counts from the first day of its quarter; undated facts drop out of a dated range.
  const day = `coalesce(f.on_date, ${quarterStart("f.quarter")})`;
  if (filter?.from && !source.datedInside) {
    where.push(`${day} >= ?`);
    bindings.push(filter.from);
  }
  if (filter?.to && !source.datedInside) {
    where.push(`${day} <= ?`);
    bindings.push(filter.to);
  }
  const select = [...columns.map(([name, sql]) => `${sql} as "${name}"`), measures].join(", ");
  const sql =
    `select ${select} from (${source.sql}) f left join pilot_site s on s.id = f.site_id left join territorial_unit u on u.id = s.unit_id` +
    (where.length > 0 ? ` where ${where.join(" and ")}` : "") +
    (columns.length > 0 ? ` group by ${columns.map(([, sql]) => sql).join(", ")}` : "");
  return (await ctx.em.getConnection().execute(sql, bindings)) as Record<string, unknown>[];
}
