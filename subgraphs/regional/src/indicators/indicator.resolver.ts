import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { recordResolver } from "../common/record-resolver";
import { Shard } from "../common/shard";
import type { RegionalContext } from "../context";
import { SupportedFamily } from "../families/supported-family.entity";
import { PilotSite } from "../sites/pilot-site.entity";
import { IndicatorValue } from "./indicator-value.entity";
import { OutcomeIndicator } from "./outcome-indicator.entity";

@Resolver(() => OutcomeIndicator)
export class OutcomeIndicatorResolver extends recordResolver(OutcomeIndicator) {
  @Shard.union("code")
  @Query(() => [OutcomeIndicator], { description: "The indicator catalogue (the same codes in every region)." })
  indicators(@Ctx() ctx: RegionalContext): Promise<OutcomeIndicator[]> {
    return ctx.em.find(OutcomeIndicator, {}, { orderBy: { code: "asc" } });
  }
}

@Resolver(() => IndicatorValue)
export class IndicatorValueResolver extends recordResolver(IndicatorValue) {
  @Shard.concat()
  @Query(() => [IndicatorValue], { description: "Indicator values of all partnerships, optionally of one indicator and period." })
  indicatorValues(
    @Arg("indicator", () => String, { nullable: true, description: "Indicator code." }) indicator: string | undefined,
    @Arg("period", () => String, { nullable: true, description: "Period, e.g. 2019-Q4." }) period: string | undefined,
    @Ctx() ctx: RegionalContext,
  ): Promise<IndicatorValue[]> {
    const where = { ...(indicator ? { indicator } : {}), ...(period ? { period } : {}) };
    return ctx.em.find(IndicatorValue, where, { orderBy: { period: "asc", id: "asc" } });
  }

  @FieldResolver(() => OutcomeIndicator, { description: "The indicator measured." })
  async indicator(@Root() value: IndicatorValue, @Ctx() ctx: RegionalContext): Promise<OutcomeIndicator | null> {
    return ctx.loaders.byId(OutcomeIndicator).load(value.indicator.id);
  }

  @FieldResolver(() => PilotSite, { description: "The pilot site the value belongs to." })
  async site(@Root() value: IndicatorValue, @Ctx() ctx: RegionalContext): Promise<PilotSite | null> {
    return ctx.loaders.byId(PilotSite).load(value.site.id);
  }

  @FieldResolver(() => SupportedFamily, { nullable: true, description: "The family, for family-level values." })
  async family(@Root() value: IndicatorValue, @Ctx() ctx: RegionalContext): Promise<SupportedFamily | null> {
    return value.family ? ctx.loaders.byId(SupportedFamily).load(value.family.id) : null;
  }
}
