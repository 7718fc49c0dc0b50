import { accessDenied, encodeGlobalId, ErrorCode, hubError, MunicipalityKind, owns, Role, suppressSmallCells, type PartnershipKey, type SuppressionSpec } from "@kooperacja/shared";
import { raw, type RawQueryFragment } from "@mikro-orm/core";
import type { Knex } from "@mikro-orm/knex";
import { Arg, Ctx, Field, Float, ID, Int, ObjectType, Query, registerEnumType, Resolver } from "type-graphql";
import { IndicatorLevel } from "../common/enums";
import { Shard } from "../common/shard";
import type { RegionalContext } from "../context";
import { TerritorialUnit } from "../territory/territorial-unit.entity";
import { IndicatorValue } from "./indicator-value.entity";
import { OutcomeIndicator } from "./outcome-indicator.entity";
import { quarterOf } from "./quarter-sql";
import { IndicatorValueFilter, validateIndicatorValueFilter, whereIndicatorValues } from "./indicator-value-filter";

export enum SummaryDimension {
  PARTNERSHIP = "PARTNERSHIP",
  VOIVODESHIP = "VOIVODESHIP",
  MUNICIPALITY_KIND = "MUNICIPALITY_KIND",
  PERIOD = "PERIOD",
  SITE = "SITE",
}
registerEnumType(SummaryDimension, {
  name: "SummaryDimension",
  description: "What an indicator summary can be grouped by.",
  valuesConfig: {
    PARTNERSHIP: { description: "By partnership (macroregion)." },
    VOIVODESHIP: { description: "By voivodeship of the pilot site." },
    MUNICIPALITY_KIND: { description: "By kind of gmina of the pilot site (null for powiat sites)." },
    PERIOD: { description: "By period (quarter)." },
    SITE: { description: "By pilot site." },
  },
});

/**
 * One group of a summary, as mergeable partials: the gateway adds counts and
 * sums, takes the smallest minimum and largest maximum, and divides the merged
 * sum by the merged count for the average. The `@shard` rules on the fields say so.
 */
/** The dimension each key field of a group belongs to: the `@shard` KEY rules below, and suppression in a subgraph asked directly. */
const KEY_DIMENSIONS = {
  partnership: SummaryDimension.PARTNERSHIP,
  voivodeship: SummaryDimension.VOIVODESHIP,
  voivodeshipName: SummaryDimension.VOIVODESHIP,
  municipalityKind: SummaryDimension.MUNICIPALITY_KIND,
  period: SummaryDimension.PERIOD,
  siteId: SummaryDimension.SITE,
  siteName: SummaryDimension.SITE,
} satisfies Record<string, SummaryDimension>;

@ObjectType({ description: "One group of an indicator summary. Dimensions not grouped by are null." })
export class IndicatorSummaryGroup {
  @Shard.key(KEY_DIMENSIONS.partnership)
  @Field(() => String, { nullable: true, description: "Partnership key, when grouped by PARTNERSHIP." })
  partnership!: string | null;

  @Shard.key(KEY_DIMENSIONS.voivodeship)
  @Field(() => String, { nullable: true, description: "Voivodeship TERYT code, when grouped by VOIVODESHIP." })
  voivodeship!: string | null;

  @Shard.key(KEY_DIMENSIONS.voivodeshipName)
  @Field(() => String, { nullable: true, description: "Voivodeship name, when grouped by VOIVODESHIP." })
  voivodeshipName!: string | null;

  @Shard.key(KEY_DIMENSIONS.municipalityKind)
  @Field(() => MunicipalityKind, { nullable: true, description: "Kind of gmina, when grouped by MUNICIPALITY_KIND." })
  municipalityKind!: MunicipalityKind | null;

  @Shard.key(KEY_DIMENSIONS.period)
  @Field(() => String, { nullable: true, description: "Period, when grouped by PERIOD." })
  period!: string | null;

  @Shard.key(KEY_DIMENSIONS.siteId)
  @Field(() => ID, { nullable: true, description: "Global ID of the pilot site, when grouped by SITE." })
  siteId!: string | null;

  @Shard.key(KEY_DIMENSIONS.siteName)
  @Field(() => String, { nullable: true, description: "Name of the pilot site, when grouped by SITE." })
  siteName!: string | null;

  @Shard.sum()
  @Field(() => Int, { nullable: true, description: "Number of values in the group; null when suppressed." })
  count!: number | null;

  @Shard.sum()
  @Field(() => Float, { nullable: true, description: "Sum of the values; null when suppressed." })
  sum!: number | null;

  @Shard.min()
  @Field(() => Float, { nullable: true, description: "Smallest value." })
  min!: number | null;

  @Shard.max()
  @Field(() => Float, { nullable: true, description: "Largest value." })
  max!: number | null;

  @Shard.ratio("sum", "count")
  @Field(() => Float, { nullable: true, description: "Mean of the values (sum / count)." })
  average!: number | null;

  @Shard.sum()
  @Field(() => Int, {
    nullable: true,
    description:
      "Number of distinct supported families the group's values are computed from (families supported at its sites during its periods; for family-level indicators, the families measured). Null for indicators not about families, and when suppressed.",
  })
  families!: number | null;

  @Shard.suppress("families")
  @Field(() => Boolean, {
    description:
      "True when the group is computed from fewer families than the suppression threshold (or is suppressed so that such a group cannot be recovered from a total): its figures are then null. Never true for the owner of every partnership in the group.",
  })
  suppressed!: boolean;
}

/** The fields small-cell suppression reads and blanks, as the `@shard` rules above declare them for the gateway. */
export const SUMMARY_SUPPRESSION: SuppressionSpec = {
  countField: "families",
  flagField: "suppressed",
  valueFields: ["count", "sum", "min", "max", "average", "families"],
  dimensions: new Map(Object.entries(KEY_DIMENSIONS)),
};

@ObjectType({ description: "An indicator's values summarised by group." })
export class IndicatorSummary {
  @Field(() => String, { description: "The indicator code." })
  indicator!: string;

  @Field(() => [SummaryDimension], { description: "The dimensions grouped by." })
  groupBy!: SummaryDimension[];

  @Field(() => [IndicatorSummaryGroup], { description: "One entry per group." })
  groups!: IndicatorSummaryGroup[];
}

/**
 * SQL of each dimension over indicator_value e, and the joins it needs: s the
 * pilot site, u its territorial unit. A pilot site's key is its unit's TERYT
 * code, whose first two digits are the voivodeship, so that needs no join.
 */
const DIMENSIONS: Record<SummaryDimension, { columns: Record<string, string>; joins: ("s" | "u")[] }> = {
  // Every row of a shard is its own partnership's: a constant, selected but never grouped by (see groups()).
  PARTNERSHIP: { columns: { partnership: "e.partnership" }, joins: [] },
  VOIVODESHIP: { columns: { voivodeship: "substr(e.site_id, 1, 2)" }, joins: [] },
  MUNICIPALITY_KIND: { columns: { municipalityKind: "u.municipality_kind" }, joins: ["s", "u"] },
  PERIOD: { columns: { period: "e.period" }, joins: [] },
  SITE: { columns: { siteId: "e.site_id", siteName: "s.name" }, joins: ["s"] },
};

@Resolver()
export class IndicatorSummaryResolver {
  @Shard.aggregate("groups", "filter")
  @Query(() => IndicatorSummary, {
    description:
      "Count, sum, min, max and average of one indicator's values by group, computed in SQL inside each region and merged by the gateway. Groups computed from fewer families than the suppression threshold come back suppressed, except to their owner. Grouping by PERIOD (a series) needs a token.",
  })
  async indicatorSummary(
    @Arg("indicator", () => String, { description: "Indicator code." }) indicator: string,
    @Arg("groupBy", () => [SummaryDimension], { description: "Dimensions to group by (none: one group of everything)." }) groupBy: SummaryDimension[],
    @Arg("filter", () => IndicatorValueFilter, { nullable: true, description: "Which values." }) filter: IndicatorValueFilter | undefined,
    @Ctx() ctx: RegionalContext,
  ): Promise<IndicatorSummary> {
    validateIndicatorValueFilter(filter);
    if (new Set(groupBy).size !== groupBy.length) throw hubError(ErrorCode.BAD_USER_INPUT, "groupBy names a dimension twice.", { argument: "groupBy" });
    if (groupBy.includes(SummaryDimension.PERIOD) && ctx.identity.role === Role.PUBLIC) {
      throw accessDenied(ctx.identity, "a series (indicatorSummary grouped by PERIOD)");
    }
    const definition = await ctx.loaders.byId(OutcomeIndicator).load(indicator);
    const columns = groupBy.flatMap((dimension) => Object.entries(DIMENSIONS[dimension].columns));
    const rows = await this.groups(ctx, indicator, groupBy, filter, [
      raw("count(*) as count"),
      raw("sum(e.value) as sum"),
      raw("min(e.value) as min"),
      raw("max(e.value) as max"),
      ...(definition?.aboutFamilies && definition.level === IndicatorLevel.FAMILY ? [raw("count(distinct e.family_id) as families")] : []),
    ]);
    if (definition?.aboutFamilies && definition.level === IndicatorLevel.SITE) {
      // Families supported at the group's sites during its periods: a second grouped query, joined on the group key.
      const counts = await this.groups(ctx, indicator, groupBy, filter, [raw("count(distinct f.id) as families")], (knex, query) =>
        query.join("supported_family as f", (join) => {
          join
            .on("f.site_id", "=", "e.site_id")
            .andOn(knex.raw(`${quarterOf("f.started_on")} <= e.period`))
            .andOn(knex.raw(`(f.ended_on is null or ${quarterOf("f.ended_on")} >= e.period)`))
            .andOn(knex.raw("f.archived_at is null"));
        }),
      );
      const keyOf = (row: Record<string, unknown>) => JSON.stringify(columns.map(([name]) => row[name] ?? null));
      const families = new Map(counts.map((row) => [keyOf(row), Number(row.families)]));
      for (const row of rows) row.families = families.get(keyOf(row)) ?? 0;
    }
    const voivodeships = await ctx.loaders.byId(TerritorialUnit).loadMany([...new Set(rows.map((row) => row.voivodeship).filter((code): code is string => typeof code === "string"))]);
    const names = new Map(voivodeships.filter((unit): unit is TerritorialUnit => unit instanceof TerritorialUnit).map((unit) => [unit.id, unit.name]));
    // Without GROUP BY, SQL answers one row even over no values; a region with none contributes no group.
    const groups = rows.filter((row) => Number(row.count) > 0).map((row) => toGroup(row, ctx.partnership, names));
    // Through the gateway the partials go out whole: it suppresses after merging the regions, where a small group split across them shows.
    if (!ctx.viaGateway) suppressSmallCells(groups, SUMMARY_SUPPRESSION, ctx.suppressionThreshold, () => owns(ctx.identity, ctx.partnership));
    return Object.assign(new IndicatorSummary(), { indicator, groupBy, groups });
  }

  /** One grouped query over the indicator's values with the filter applied; `extend` adds to the SQL. */
  private async groups(
    ctx: RegionalContext,
    indicator: string,
    groupBy: SummaryDimension[],
    filter: IndicatorValueFilter | undefined,
    measures: RawQueryFragment[],
    extend?: (knex: Knex, query: Knex.QueryBuilder) => void,
  ): Promise<Record<string, unknown>[]> {
    const columns = groupBy.flatMap((dimension) => Object.entries(DIMENSIONS[dimension].columns));
    const joins = new Set(groupBy.flatMap((dimension) => DIMENSIONS[dimension].joins));
    const qb = ctx.em.createQueryBuilder(IndicatorValue, "e");
    if (joins.has("s")) qb.join("e.site", "s");
    if (joins.has("u")) qb.join("s.unit", "u");
    // Archived values stay in the table for the audit trail; no figure counts them.
    // The shard's partnership is a bound constant: grouping by a column that never varies would cost a sort of every value.
    const select = columns.map(([name, sql]) => (name === "partnership" ? raw(`? as "${name}"`, [ctx.partnership]) : raw(`${sql} as "${name}"`)));
    const grouped = columns.filter(([name]) => name !== "partnership");
    qb.where({ indicator, archivedAt: null }).select([...select, ...measures]);
    whereIndicatorValues(qb, ctx.partnership, filter);
    if (grouped.length > 0) qb.groupBy(grouped.map(([, sql]) => raw(sql)) as never);
    if (!extend) return (await qb.execute("all", false)) as Record<string, unknown>[];
    const query = qb.getKnexQuery();
    extend(ctx.em.getKnex(), query);
    return (await ctx.em.getConnection().execute(query)) as Record<string, unknown>[];
  }
}

function toGroup(row: Record<string, unknown>, partnership: PartnershipKey, voivodeshipNames: Map<string, string>): IndicatorSummaryGroup {
  const text = (value: unknown) => (value === null || value === undefined ? null : String(value));
  const count = Number(row.count);
  const sum = Number(row.sum ?? 0);
  return Object.assign(new IndicatorSummaryGroup(), {
    partnership: text(row.partnership),
    voivodeship: text(row.voivodeship),
    voivodeshipName: typeof row.voivodeship === "string" ? (voivodeshipNames.get(row.voivodeship) ?? null) : null,
    municipalityKind: text(row.municipalityKind),
    period: text(row.period),
    siteId: row.siteId === undefined || row.siteId === null ? null : encodeGlobalId(partnership, "PilotSite", String(row.siteId)),
    siteName: text(row.siteName),
    count,
    sum,
    min: row.min === null || row.min === undefined ? null : Number(row.min),
    max: row.max === null || row.max === undefined ? null : Number(row.max),
    average: count > 0 ? sum / count : null,
    families: row.families === undefined || row.families === null ? null : Number(row.families),
    suppressed: false,
  });
}
