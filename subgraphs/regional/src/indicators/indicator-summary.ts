import { encodeGlobalId, ErrorCode, hubError, MunicipalityKind, type PartnershipKey } from "@kooperacja/shared";
import { raw } from "@mikro-orm/core";
import { Arg, Ctx, Field, Float, ID, Int, ObjectType, Query, registerEnumType, Resolver } from "type-graphql";
import { Shard } from "../common/shard";
import type { RegionalContext } from "../context";
import { TerritorialUnit } from "../territory/territorial-unit.entity";
import { IndicatorValue } from "./indicator-value.entity";
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
@ObjectType({ description: "One group of an indicator summary. Dimensions not grouped by are null." })
export class IndicatorSummaryGroup {
  @Shard.key()
  @Field(() => String, { nullable: true, description: "Partnership key, when grouped by PARTNERSHIP." })
  partnership!: string | null;

  @Shard.key()
  @Field(() => String, { nullable: true, description: "Voivodeship TERYT code, when grouped by VOIVODESHIP." })
  voivodeship!: string | null;

  @Shard.key()
  @Field(() => String, { nullable: true, description: "Voivodeship name, when grouped by VOIVODESHIP." })
  voivodeshipName!: string | null;

  @Shard.key()
  @Field(() => MunicipalityKind, { nullable: true, description: "Kind of gmina, when grouped by MUNICIPALITY_KIND." })
  municipalityKind!: MunicipalityKind | null;

  @Shard.key()
  @Field(() => String, { nullable: true, description: "Period, when grouped by PERIOD." })
  period!: string | null;

  @Shard.key()
  @Field(() => ID, { nullable: true, description: "Global ID of the pilot site, when grouped by SITE." })
  siteId!: string | null;

  @Shard.key()
  @Field(() => String, { nullable: true, description: "Name of the pilot site, when grouped by SITE." })
  siteName!: string | null;

  @Shard.sum()
  @Field(() => Int, { description: "Number of values in the group." })
  count!: number;

  @Shard.sum()
  @Field(() => Float, { description: "Sum of the values." })
  sum!: number;

  @Shard.min()
  @Field(() => Float, { nullable: true, description: "Smallest value." })
  min!: number | null;

  @Shard.max()
  @Field(() => Float, { nullable: true, description: "Largest value." })
  max!: number | null;

  @Shard.ratio("sum", "count")
  @Field(() => Float, { nullable: true, description: "Mean of the values (sum / count)." })
  average!: number | null;
}

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
    description: "Count, sum, min, max and average of one indicator's values by group, computed in SQL inside each region and merged by the gateway.",
  })
  async indicatorSummary(
    @Arg("indicator", () => String, { description: "Indicator code." }) indicator: string,
    @Arg("groupBy", () => [SummaryDimension], { description: "Dimensions to group by (none: one group of everything)." }) groupBy: SummaryDimension[],
    @Arg("filter", () => IndicatorValueFilter, { nullable: true, description: "Which values." }) filter: IndicatorValueFilter | undefined,
    @Ctx() ctx: RegionalContext,
  ): Promise<IndicatorSummary> {
    validateIndicatorValueFilter(filter);
    if (new Set(groupBy).size !== groupBy.length) throw hubError(ErrorCode.BAD_USER_INPUT, "groupBy names a dimension twice.", { argument: "groupBy" });
    const columns = groupBy.flatMap((dimension) => Object.entries(DIMENSIONS[dimension].columns));
    const joins = new Set(groupBy.flatMap((dimension) => DIMENSIONS[dimension].joins));

    const qb = ctx.em.createQueryBuilder(IndicatorValue, "e");
    if (joins.has("s")) qb.join("e.site", "s");
    if (joins.has("u")) qb.join("s.unit", "u");
    qb.where({ indicator })
      .select([
        ...columns.map(([name, sql]) => raw(`${sql} as "${name}"`)),
        raw("count(*) as count"),
        raw("sum(e.value) as sum"),
        raw("min(e.value) as min"),
        raw("max(e.value) as max"),
      ]);
    whereIndicatorValues(qb, ctx.partnership, filter);
    if (columns.length > 0) qb.groupBy(columns.map(([, sql]) => raw(sql)) as never);

    const rows = (await qb.execute("all", false)) as Record<string, unknown>[];
    const voivodeships = await ctx.loaders.byId(TerritorialUnit).loadMany([...new Set(rows.map((row) => row.voivodeship).filter((code): code is string => typeof code === "string"))]);
    const names = new Map(voivodeships.filter((unit): unit is TerritorialUnit => unit instanceof TerritorialUnit).map((unit) => [unit.id, unit.name]));
    return Object.assign(new IndicatorSummary(), {
      indicator,
      groupBy,
      groups: rows.map((row) => toGroup(row, ctx.partnership, names)),
    });
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
  });
}
