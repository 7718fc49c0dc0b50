import {
  FigureProtection,
  KEY_MODULUS,
  originOf,
  PARTNERSHIPS,
  protectGroup,
  type FigureOrigin,
  type PartnershipKey,
  type ProtectionSpec,
  type RegionFilter,
} from "@kooperacja/contract";
import { owns } from "@kooperacja/service-kit";
import type { SqlEntityManager } from "@mikro-orm/knex";
import { IndicatorAggregation, IndicatorBasis, IndicatorLevel, ProvenanceKind } from "../common/enums";
import type { RegionalContext } from "../context";
import type { OutcomeIndicator } from "../indicators/outcome-indicator.entity";
import { among, terytConditions } from "../common/region-sql";
import { quarterOf } from "../indicators/quarter-sql";
import { firstQuarterFrom, quarterOfDay } from "../common/quarters";

/**
 * Every indicator, reported or computed from records, as one shape of
 * "facts": one row per value (or record) with the site it belongs to, its
 * date or quarter, the sector it concerns, the family it is about, the value
 * and its record key. Comparisons, summaries and rankings group these in
 * SQL, inside the shard, and only mergeable partials (count, sum, min, max,
 * distinct families, and the cell keys of values and families) leave it.
 */
const NULL_TEXT = "cast(null as text)";
const NULL_INTEGER = "cast(null as integer)";

/** 1 for a synthetic record (demo data or the national test set), 0 for an observation: a figure says what it is computed from. */
const synthetic = (alias: string) =>
  `case when ${alias}.provenance_kind in ('${ProvenanceKind.SYNTHETIC_DEMO}', '${ProvenanceKind.SYNTHETIC}') then 1 else 0 end`;

interface Sql {
  sql: string;
  bindings: unknown[];
  /** The filter's dates and quarters are applied inside the source already (its rows carry none). */
  datedInside?: boolean;
  /** Its facts carry a quarter, never a day: a period is the quarter itself, which keeps the index's order. */
  quarterly?: boolean;
  /** The tables it reads: a write to any of them changes its facts. */
  tables?: string[];
}

/** Which facts count: the region fields, kinds of gmina, sectors, days and quarters; every given condition must hold. */
export interface FactFilter extends RegionFilter {
  municipalityKinds?: readonly string[] | null;
  sectors?: readonly string[] | null;
  /** Days (YYYY-MM-DD), inclusive; a quarterly value counts from the first day of its quarter. */
  from?: string | null;
  to?: string | null;
  /** Quarters (2019-Q4): these only, or a range, inclusive. */
  quarters?: readonly string[] | null;
  quarterFrom?: string | null;
  quarterTo?: string | null;
}

/**
 * The filter's days and quarters as conditions on a quarter column: a
 * quarterly value counts from the first day of its quarter, so `from` takes
 * the quarters starting on or after it and `to` those starting on or before
 * it. On the column itself, the index on (indicator, period) reads only them.
 */
export function quarterConditions(column: string, filter: FactFilter | null | undefined): { sql: string; bindings: unknown[] } {
  const conditions: string[] = [];
  const bindings: unknown[] = [];
  const condition = (sql: string, ...values: unknown[]) => {
    conditions.push(sql);
    bindings.push(...values);
  };
  if (filter?.from) condition(`${column} >= ?`, firstQuarterFrom(filter.from));
  if (filter?.to) condition(`${column} <= ?`, quarterOfDay(filter.to));
  if (filter?.quarters) condition(filter.quarters.length === 0 ? "1 = 0" : `${column} in (${filter.quarters.map(() => "?").join(", ")})`, ...filter.quarters);
  if (filter?.quarterFrom) condition(`${column} >= ?`, filter.quarterFrom);
  if (filter?.quarterTo) condition(`${column} <= ?`, filter.quarterTo);
  return { sql: conditions.map((sql) => ` and ${sql}`).join(""), bindings };
}

/** Values the region reports per site (or family) and quarter, in the filter's quarters. */
function reported(code: string, filter: FactFilter | null | undefined): Sql {
  const quarters = quarterConditions("e.period", filter);
  return {
    sql: `select e.site_id, ${NULL_TEXT} as on_date, e.period as quarter, ${NULL_TEXT} as sector, e.family_id, e.value, e.record_key, ${synthetic("e")} as synthetic from indicator_value e where e.indicator_id = ? and e.archived_at is null${quarters.sql}`,
    bindings: [code, ...quarters.bindings],
    datedInside: true,
    quarterly: true,
  };
}

/** The families behind a site-level value about families: those supported at its site during its quarter. */
function familiesBehindReported(code: string, filter: FactFilter | null | undefined): Sql {
  const quarters = quarterConditions("e.period", filter);
  return {
    sql:
      `select e.site_id, ${NULL_TEXT} as on_date, e.period as quarter, ${NULL_TEXT} as sector, sf.id as family_id, sf.record_key as family_key from indicator_value e ` +
      `join supported_family sf on sf.site_id = e.site_id and ${quarterOf("sf.started_on")} <= e.period ` +
      `and (sf.ended_on is null or ${quarterOf("sf.ended_on")} >= e.period) and sf.archived_at is null ` +
      `where e.indicator_id = ? and e.archived_at is null${quarters.sql}`,
    bindings: [code, ...quarters.bindings],
    datedInside: true,
    quarterly: true,
  };
}

/**
 * The same families counted from the families' side, for groupings without
 * PERIOD: a family counts when its site has a value in a quarter it was
 * supported in (and in the filter's dates and quarters). Each family is
 * visited once, with an index probe, instead of every (value, family) pair:
 * a national region's 1.3 million pairs become 126 000 probes.
 */
function familiesWithValues(code: string, filter: FactFilter | null | undefined): Sql {
  const quarters = quarterConditions("e.period", filter);
  return {
    sql:
      `select sf.site_id, ${NULL_TEXT} as on_date, ${NULL_TEXT} as quarter, ${NULL_TEXT} as sector, sf.id as family_id, sf.record_key as family_key from supported_family sf ` +
      `where sf.archived_at is null and exists (select 1 from indicator_value e where e.site_id = sf.site_id and e.indicator_id = ? and e.archived_at is null ` +
      `and e.period >= ${quarterOf("sf.started_on")} and (sf.ended_on is null or e.period <= ${quarterOf("sf.ended_on")})${quarters.sql})`,
    bindings: [code, ...quarters.bindings],
    datedInside: true,
  };
}

/** Families as facts: each is one record, counted once, with its own key. */
function familyRecords(condition: string, bindings: unknown[]): Sql {
  return {
    tables: ["supported_family"],
    sql: `select f.site_id, f.started_on as on_date, ${NULL_TEXT} as quarter, ${NULL_TEXT} as sector, f.id as family_id, 1 as value, f.record_key, ${synthetic("f")} as synthetic from supported_family f where f.archived_at is null${condition}`,
    bindings,
  };
}

/** Indicators the hub computes from the region's records, by code. */
const FROM_RECORDS: Record<string, Sql> = {
  FAMILIES_ENROLLED: familyRecords("", []),
  FAMILIES_WITH_SOCIAL_CONTRACT: familyRecords(" and f.social_contract = ?", [true]),
  COOPERATION_BODIES: {
    tables: ["cooperation_body"],
    sql: `select b.site_id, ${NULL_TEXT} as on_date, ${NULL_TEXT} as quarter, ${NULL_TEXT} as sector, ${NULL_TEXT} as family_id, 1 as value, ${NULL_INTEGER} as record_key, ${synthetic("b")} as synthetic from cooperation_body b where b.archived_at is null`,
    bindings: [],
  },
  BODY_MEETINGS_RECORDED: {
    tables: ["body_meeting", "cooperation_body"],
    sql:
      `select b.site_id, m.held_on as on_date, ${NULL_TEXT} as quarter, ${NULL_TEXT} as sector, ${NULL_TEXT} as family_id, 1 as value, ${NULL_INTEGER} as record_key, ${synthetic("m")} as synthetic ` +
      `from body_meeting m join cooperation_body b on b.id = m.body_id where m.archived_at is null and b.archived_at is null`,
    bindings: [],
  },
  // An institution sitting in two bodies of one site is involved there once, from the day it first joined.
  INSTITUTIONS_INVOLVED: {
    tables: ["body_member", "cooperation_body", "institution"],
    sql:
      // Synthetic when any membership behind it is: the institution's involvement rests on them all.
      `select b.site_id, min(m.joined_on) as on_date, ${NULL_TEXT} as quarter, i.sector, ${NULL_TEXT} as family_id, 1 as value, ${NULL_INTEGER} as record_key, max(${synthetic("m")}) as synthetic ` +
      `from body_member m join cooperation_body b on b.id = m.body_id join institution i on i.id = m.institution_id ` +
      `where m.archived_at is null and b.archived_at is null and i.archived_at is null group by b.site_id, i.id, i.sector`,
    bindings: [],
  },
  ACTIVITY_PARTICIPANTS: {
    tables: ["support_activity"],
    sql:
      `select a.site_id, a.held_on as on_date, ${NULL_TEXT} as quarter, ${NULL_TEXT} as sector, ${NULL_TEXT} as family_id, a.participants as value, ${NULL_INTEGER} as record_key, ${synthetic("a")} as synthetic ` +
      `from support_activity a where a.archived_at is null`,
    bindings: [],
  },
};

function recordsSource(code: string): Sql {
  const source = FROM_RECORDS[code];
  if (!source) throw new Error(`Indicator ${code} is computed from records, but no SQL computes it.`);
  return source;
}

/** The tables an indicator's facts are read from: a write to one of them changes its figures. */
export function tablesOf(indicator: OutcomeIndicator): string[] {
  if (indicator.basis === IndicatorBasis.RECORDS) return recordsSource(indicator.id).tables ?? [];
  const behindSites = indicator.aboutFamilies && indicator.level === IndicatorLevel.SITE;
  return behindSites ? ["indicator_value", "supported_family"] : ["indicator_value"];
}

/**
 * Where the families behind a site's reports come from, with their record
 * keys: a series needs every (value, family) pair; a grouping by place alone
 * only whether each family has a value.
 */
function familiesBehind(indicator: OutcomeIndicator, byPeriod: boolean, filter: FactFilter | null | undefined): Sql {
  return byPeriod ? familiesBehindReported(indicator.id, filter) : familiesWithValues(indicator.id, filter);
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

/** The quarter of a fact: its own, or the one its day falls in. */
const FACT_QUARTER = `coalesce(f.quarter, ${quarterOf("f.on_date")})`;

/**
 * The measure listing a group's quarters (`periods`), one per fact, nulls
 * skipped: string_agg is PostgreSQL's and SQLite's (3.44+) alike, and a
 * group of a site's facts has a few dozen quarters, where one group per
 * (site, quarter) would be a row for each.
 */
export const periodList = (quarter: string) => `string_agg(${quarter}, ',') as periods`;

const SITE_KEY = "f.site_id";
const SITE_NAME = "s.name";

/** The SQL of each dimension over facts f, their site s and its unit u; PARTNERSHIP is the shard's own, added outside SQL. */
function dimensionColumns(dimension: FactDimension, grain: Grain, quarterly: boolean): Record<string, string> {
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
      return { siteId: SITE_KEY, siteName: SITE_NAME };
    case FactDimension.PERIOD:
      if (quarterly) return { period: grain === Grain.YEAR ? "substr(f.quarter, 1, 4)" : "f.quarter" };
      return {
        period: grain === Grain.MONTH ? "substr(f.on_date, 1, 7)" : grain === Grain.YEAR ? "substr(coalesce(f.quarter, f.on_date), 1, 4)" : FACT_QUARTER,
      };
  }
}

/** The first day of a quarter column ("2019-Q4" → "2019-10-01"). */
function quarterStart(column: string): string {
  return `substr(${column}, 1, 4) || '-' || case substr(${column}, 7, 1) when '1' then '01' when '2' then '04' when '3' then '07' else '10' end || '-01'`;
}

/**
 * One group of facts, as mergeable partials: `recordKey` is the cell key of
 * the values (or records) counted in `n` and `sum`; `familyKey` that of what
 * `families` counts (both null for indicators not about families). The facts
 * of a family count, or of values measured per family, are about the families
 * themselves, so their family count takes their own key; the families behind
 * a site's reports are other records, counted with their own keys.
 */
export type FactGroup = Record<string, unknown> & {
  n: number;
  sum: number;
  min: number | null;
  max: number | null;
  recordKey: number | null;
  families: number | null;
  familyKey: number | null;
  /** How many of the `n` records are synthetic, and so what the figure is computed from. */
  syntheticRecords: number;
  origin: FigureOrigin;
  /** The quarters the group's facts fall in, sorted, when asked for (`periods`); undated facts add none. */
  periods?: string[];
};

/** A group's key columns: [name, SQL over facts f, their site s and its unit u]. */
export type GroupColumns = [string, string][];

/** The columns of the dimensions, for facts with or without days. */
export function columnsOf(dimensions: FactDimension[], grain: Grain): (quarterly: boolean) => GroupColumns {
  return (quarterly) => dimensions.flatMap((dimension) => Object.entries(dimensionColumns(dimension, grain, quarterly)));
}

/** Which facts the base tables are read for: the filter, and (for the rollups) the sites. */
export type BaseFilter = FactFilter & { sites?: readonly string[] };

/**
 * One indicator's facts grouped from the base tables, partials only. The
 * family count is the number of distinct families the group's figures are
 * computed from (null for an indicator not about families, or when
 * `countFamilies` is false); `byPeriod` says whether the columns split time.
 */
export async function baseGroups(
  em: SqlEntityManager,
  indicator: OutcomeIndicator,
  query: { columns: (quarterly: boolean) => GroupColumns; byPeriod: boolean; filter: BaseFilter | null | undefined; countFamilies: boolean; periods?: boolean },
): Promise<FactGroup[]> {
  const { filter } = query;
  const source = indicator.basis === IndicatorBasis.RECORDS ? recordsSource(indicator.id) : reported(indicator.id, filter);
  const columns = query.columns(Boolean(source.quarterly));
  const counted = query.countFamilies && indicator.aboutFamilies;
  const behindSites = counted && indicator.basis === IndicatorBasis.REPORTED && indicator.level === IndicatorLevel.SITE;
  const rows = await grouped(em, {
    source,
    columns,
    filter,
    measures:
      `count(*) as n, sum(f.value) as sum, min(f.value) as min, max(f.value) as max, sum(f.record_key) % ${KEY_MODULUS} as record_key, sum(f.synthetic) as synthetic` +
      (counted && !behindSites ? ", count(distinct f.family_id) as families" : "") +
      (query.periods ? `, ${periodList(source.quarterly ? "f.quarter" : FACT_QUARTER)}` : ""),
  });
  const keyOf = (row: Record<string, unknown>) => JSON.stringify(columns.map(([name]) => row[name] ?? null));
  // Each family once per group, its key once with it: a family behind several of a group's reports counts once.
  const behind = behindSites
    ? new Map(
        (
          await grouped(em, {
            source: familiesBehind(indicator, query.byPeriod, filter),
            columns,
            filter,
            distinct: "f.family_id, f.family_key",
            measures: `count(*) as families, sum(f.family_key) % ${KEY_MODULUS} as family_key`,
          })
        ).map((row) => [keyOf(row), row]),
      )
    : undefined;
  return groupsOf(rows, columns, (row) => {
    const recordKey = indicator.aboutFamilies ? Number(row.record_key ?? 0) : null;
    const families = behind?.get(keyOf(row));
    return {
      recordKey,
      families: !counted ? null : behind ? Number(families?.families ?? 0) : Number(row.families),
      familyKey: !counted ? null : behind ? Number(families?.family_key ?? 0) : recordKey,
    };
  });
}

/**
 * Grouped rows (columns, n, sum, min, max, synthetic) as fact groups, with
 * their keys and family counts as `keys` reads them. An aggregate over no
 * rows at all is one row of nulls: no group.
 */
export function groupsOf(
  rows: Record<string, unknown>[],
  columns: GroupColumns,
  keys: (row: Record<string, unknown>) => Pick<FactGroup, "recordKey" | "families" | "familyKey">,
): FactGroup[] {
  // A plain loop filling each group in place: a coverage report maps some 20 000 rows per region.
  const groups: FactGroup[] = [];
  for (const row of rows) {
    const n = Number(row.n);
    if (!(n > 0)) continue;
    const group = {} as FactGroup;
    for (const [name] of columns) group[name] = row[name] ?? null;
    const synthetic = Number(row.synthetic ?? 0);
    group.n = n;
    group.sum = Number(row.sum ?? 0);
    group.min = numberOrNull(row.min);
    group.max = numberOrNull(row.max);
    Object.assign(group, keys(row));
    group.syntheticRecords = synthetic;
    group.origin = originOf(synthetic, n);
    if (row.periods !== undefined)
      group.periods = [
        ...new Set(
          String(row.periods ?? "")
            .split(",")
            .filter(Boolean),
        ),
      ].sort();
    groups.push(group);
  }
  return groups;
}

/** The fields of a fact group the cell key method reads and writes. */
const FACT_PROTECTION: ProtectionSpec = {
  families: { field: "families", key: "familyKey" },
  counts: [
    { field: "n", key: "recordKey" },
    { field: "families", key: "familyKey" },
  ],
  sums: [{ field: "sum", key: "recordKey", largest: "max" }],
  withheld: ["min", "max"],
  derived: [],
  keys: ["recordKey", "familyKey"],
  flag: "suppressed",
  protection: "protection",
};

/** A fact group as a reader gets it: figures about families protected unless the reader owns the region. */
export type ShownGroup = Omit<FactGroup, "n" | "sum"> & { n: number | null; sum: number | null; suppressed: boolean; protection: FigureProtection };

/**
 * This shard's groups protected for the caller, where the shard itself
 * publishes them: a direct caller, or a field the gateway passes through
 * from one region. Through the gateway, merged aggregates are protected
 * there instead, after the regions' partials are added up.
 */
export function protectFacts(ctx: RegionalContext, groups: FactGroup[]): ShownGroup[] {
  return groups.map((group) => {
    const shown = { ...group } as Record<string, unknown>;
    protectGroup(shown, FACT_PROTECTION, { exact: owns(ctx.identity, ctx.partnership), threshold: ctx.suppressionThreshold });
    return shown as ShownGroup;
  });
}

/**
 * The groups as this shard answers them: through the gateway, whole
 * partials with their cell keys (the gateway protects after merging the
 * regions, where a small group split across them shows); to a direct
 * caller, protected here.
 */
export function groupsForCaller(ctx: RegionalContext, groups: FactGroup[]): ShownGroup[] {
  return ctx.viaGateway ? groups.map((group) => ({ ...group, suppressed: false, protection: FigureProtection.EXACT })) : protectFacts(ctx, groups);
}

/** A group's headline figure: the sum, or the mean (of the protected sum and count when protected). */
export function figureOf(indicator: OutcomeIndicator, group: { n: number | null; sum: number | null }): number | null {
  if (indicator.aggregation !== IndicatorAggregation.MEAN) return group.sum;
  return group.n && group.sum !== null ? group.sum / group.n : null;
}

function numberOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

/** Whether the filter's partnerships and macroregions take in this shard at all. */
export function inScope(partnership: PartnershipKey, filter: RegionFilter | null | undefined): boolean {
  if (filter?.partnerships && !filter.partnerships.includes(partnership)) return false;
  return !(filter?.macroregions && !filter.macroregions.includes(PARTNERSHIPS[partnership].macroregion));
}

export interface GroupedQuery {
  source: Sql;
  columns: GroupColumns;
  filter: BaseFilter | null | undefined;
}

/** The facts of a source with the filter applied, as `from … where …` over facts f, their site s and its unit u. */
function filtered({ source, filter, columns }: GroupedQuery): { sql: string; bindings: unknown[] } {
  const where: string[] = [];
  const bindings: unknown[] = [...source.bindings];
  const condition = (sql: string, ...values: unknown[]) => {
    where.push(sql);
    bindings.push(...values);
  };
  const region = terytConditions("f.site_id", filter);
  where.push(...region.where);
  bindings.push(...region.bindings);
  const listed = (column: string, values: readonly string[] | null | undefined) => {
    if (!values) return;
    const condition = among(column, values);
    where.push(condition.sql);
    bindings.push(...condition.bindings);
  };
  listed("u.municipality_kind", filter?.municipalityKinds);
  listed("f.sector", filter?.sectors);
  const sites = filter?.sites;
  // "" stands for the facts of no site (a regional body, an activity without a site).
  if (sites)
    condition(
      `(${sites.length === 0 ? "1 = 0" : `f.site_id in (${sites.map(() => "?").join(", ")})`}${sites.includes("") ? " or f.site_id is null" : ""})`,
      ...sites,
    );
  if (!source.datedInside) {
    // A quarterly value counts from the first day of its quarter; undated facts drop out of a dated range.
    const day = `coalesce(f.on_date, ${quarterStart("f.quarter")})`;
    if (filter?.from) condition(`${day} >= ?`, filter.from);
    if (filter?.to) condition(`${day} <= ?`, filter.to);
    listed(FACT_QUARTER, filter?.quarters);
    if (filter?.quarterFrom) condition(`${FACT_QUARTER} >= ?`, filter.quarterFrom);
    if (filter?.quarterTo) condition(`${FACT_QUARTER} <= ?`, filter.quarterTo);
  }
  // The site and its unit only when a column or a condition reads them: a join per fact is most of a summary's work.
  const needs = (alias: "s" | "u") => [...columns.map(([, column]) => column), ...where].some((text) => new RegExp(`\\b${alias}\\.`).test(text));
  const joins = needs("u")
    ? " left join pilot_site s on s.id = f.site_id left join territorial_unit u on u.id = s.unit_id"
    : needs("s")
      ? " left join pilot_site s on s.id = f.site_id"
      : "";
  const sql = `from (${source.sql}) f${joins}` + (where.length > 0 ? ` where ${where.join(" and ")}` : "");
  return { sql, bindings };
}

/**
 * The facts grouped by the columns, with the measures over facts f. With
 * `distinct`, each distinct (columns, distinct) row is one fact: the families
 * behind a group's several reports are then each counted, and keyed, once.
 */
export async function grouped(em: SqlEntityManager, query: GroupedQuery & { measures: string; distinct?: string }): Promise<Record<string, unknown>[]> {
  // A site's name depends on its key alone: joined to the groups once per site, not to every fact before grouping.
  const siteKey = query.columns.find(([, column]) => column === SITE_KEY)?.[0];
  const late = siteKey ? query.columns.filter(([, column]) => column === SITE_NAME) : [];
  const columns = query.columns.filter((entry) => !late.includes(entry));
  const { sql, bindings } = filtered({ ...query, columns });
  const groupBy = columns.length > 0 ? ` group by ${columns.map(([, column]) => column).join(", ")}` : "";
  let statement: string;
  if (query.distinct) {
    const names = columns.map(([name]) => `f."${name}"`);
    const inner = [...columns.map(([name, column]) => `${column} as "${name}"`), query.distinct].join(", ");
    const outer = [...names.map((name, index) => `${name} as "${columns[index]![0]}"`), query.measures].join(", ");
    const outerGroup = names.length > 0 ? ` group by ${names.join(", ")}` : "";
    statement = `select ${outer} from (select distinct ${inner} ${sql}) f${outerGroup}`;
  } else {
    statement = `select ${[...columns.map(([name, column]) => `${column} as "${name}"`), query.measures].join(", ")} ${sql}${groupBy}`;
  }
  if (late.length > 0) {
    const names = late.map(([name]) => `s.name as "${name}"`).join(", ");
    statement = `select g.*, ${names} from (${statement}) g left join pilot_site s on s.id = g."${siteKey}"`;
  }
  return (await em.execute(statement, bindings)) as Record<string, unknown>[];
}
