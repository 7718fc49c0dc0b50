import { findRows } from "@kooperacja/database";
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Authorized, Ctx, FieldResolver, Info, Query, Resolver, Root } from "type-graphql";
import { Access } from "../access/access-rules";
import { indicatorValueScope, scopeCondition } from "../access/row-scope";
import { ConnectionArgs, defineConnection, type Connection, type Order } from "../common/connection";
import { IndicatorValueFilter, validateIndicatorValueFilter, whereIndicatorValues } from "./indicator-value-filter";
import { recordResolver } from "../common/record-resolver";
import { Shard } from "../common/shard";
import type { RegionalContext } from "../context";
import { SupportedFamily } from "../families/supported-family.entity";
import { PilotSite } from "../sites/pilot-site.entity";
import { countIndicatorValues } from "./indicator-value-counts";
import { IndicatorValue } from "./indicator-value.entity";
import { OutcomeIndicator } from "./outcome-indicator.entity";

const IndicatorValues = defineConnection(IndicatorValue, {
  typeName: "IndicatorValue",
  field: "indicatorValues",
  orders: { PERIOD: "period", VALUE: "value" },
  defaultOrder: "PERIOD",
});

@Resolver(() => OutcomeIndicator)
export class OutcomeIndicatorResolver extends recordResolver(OutcomeIndicator) {
  @Shard.union("code")
  @Query(() => [OutcomeIndicator], { description: "The indicator catalogue (the same codes in every region)." })
  indicators(@Ctx() ctx: RegionalContext): Promise<OutcomeIndicator[]> {
    return findRows(ctx.em, OutcomeIndicator, {}, { code: "asc" });
  }
}

@Resolver(() => IndicatorValue)
export class IndicatorValueResolver extends recordResolver(IndicatorValue) {
  @Shard.connection("filter")
  @Authorized(Access.ANALYST, Access.OWNER)
  @Query(() => IndicatorValues.Connection, {
    description:
      "Indicator values of all partnerships, a page at a time. A regional owner reads every value of its own partnership; a national analyst reads the values of indicators not about families (those are in indicatorSummary, with small cells suppressed).",
  })
  async indicatorValues(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg("orderBy", () => IndicatorValues.OrderType, { defaultValue: IndicatorValues.defaultOrder, description: "Order." }) orderBy: Order,
    @Arg("filter", () => IndicatorValueFilter, { nullable: true, description: "Which values." }) filter: IndicatorValueFilter | undefined,
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: RegionalContext,
  ): Promise<Connection<IndicatorValue>> {
    validateIndicatorValueFilter(filter);
    const scope = await scopeCondition(ctx, indicatorValueScope(ctx));
    return IndicatorValues.page({
      // The owner's values are every live value: the rollups' cells count them (an analyst's exclude some, counted as rows).
      count: ctx.rollups && indicatorValueScope(ctx) === "all" ? () => countIndicatorValues(ctx.em, ctx.partnership, filter) : undefined,
      em: ctx.em,
      info,
      args,
      order: orderBy,
      where: (qb) => {
        whereIndicatorValues(qb, ctx.partnership, filter);
        qb.andWhere(scope as never);
      },
    });
  }

  @FieldResolver(() => OutcomeIndicator, { description: "The indicator measured." })
  async indicator(@Root() value: IndicatorValue, @Ctx() ctx: RegionalContext): Promise<OutcomeIndicator | null> {
    return ctx.loaders.byId(OutcomeIndicator).load(value.indicator.id);
  }

  @FieldResolver(() => PilotSite, { description: "The pilot site the value belongs to." })
  async site(@Root() value: IndicatorValue, @Ctx() ctx: RegionalContext): Promise<PilotSite | null> {
    return ctx.loaders.byId(PilotSite).load(value.site.id);
  }

  @Authorized(Access.OWN_PARTNERSHIP)
  @FieldResolver(() => SupportedFamily, { nullable: true, description: "The family, for family-level values (the region's owner only)." })
  async family(@Root() value: IndicatorValue, @Ctx() ctx: RegionalContext): Promise<SupportedFamily | null> {
    return value.family ? ctx.loaders.byId(SupportedFamily).load(value.family.id) : null;
  }
}
