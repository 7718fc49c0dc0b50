import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from "type-graphql";
import { Access } from "../access/access-rules";
import { activityScope, familyScope, indicatorValueScope, readableValues } from "../access/row-scope";
import { ConnectionArgs, defineConnection, type Connection, type Order } from "../common/connection";
import { validateRegionFilter } from "../common/region-filter-input";
import { SupportActivity } from "../activities/support-activity.entity";
import { CooperationBody } from "../bodies/cooperation-body.entity";
import { loadByGlobalId } from "../common/lookup";
import { recordResolver } from "../common/record-resolver";
import { Shard } from "../common/shard";
import type { RegionalContext } from "../context";
import { SupportedFamily } from "../families/supported-family.entity";
import { IndicatorValue } from "../indicators/indicator-value.entity";
import { Partnership } from "../partnerships/partnership.entity";
import { TerritorialUnit } from "../territory/territorial-unit.entity";
import { PilotSite } from "./pilot-site.entity";
import { PilotSiteFilter, wherePilotSites } from "./pilot-site-filter";

const PilotSites = defineConnection(PilotSite, { typeName: "PilotSite", field: "pilotSites", orders: { NAME: "name", TERYT: "id" }, defaultOrder: "NAME" });

@Resolver(() => PilotSite)
export class PilotSiteResolver extends recordResolver(PilotSite) {
  @Shard.connection("filter")
  @Query(() => PilotSites.Connection, { description: "Pilot sites of all partnerships, a page at a time." })
  pilotSites(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg("orderBy", () => PilotSites.OrderType, { defaultValue: PilotSites.defaultOrder, description: "Order." }) orderBy: Order,
    @Arg("filter", () => PilotSiteFilter, { nullable: true, description: "Which sites." }) filter: PilotSiteFilter | undefined,
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: RegionalContext,
  ): Promise<Connection<PilotSite>> {
    validateRegionFilter(filter);
    return PilotSites.page({
      em: ctx.em,
      info,
      args,
      order: orderBy,
      where: (qb) => wherePilotSites(qb, ctx.partnership, filter),
    });
  }

  @Shard.route("id")
  @Query(() => PilotSite, { nullable: true, description: "One pilot site by ID." })
  pilotSite(@Arg("id", () => ID, { description: "Global ID of the record." }) id: string, @Ctx() ctx: RegionalContext): Promise<PilotSite> {
    return loadByGlobalId(ctx, PilotSite, id);
  }

  @FieldResolver(() => Partnership, { description: "The partnership the site pilots the model of." })
  async partnership(@Root() site: PilotSite, @Ctx() ctx: RegionalContext): Promise<Partnership | null> {
    return ctx.loaders.byId(Partnership).load(site.partnership);
  }

  @FieldResolver(() => TerritorialUnit, { description: "The gmina or powiat." })
  async unit(@Root() site: PilotSite, @Ctx() ctx: RegionalContext): Promise<TerritorialUnit | null> {
    return ctx.loaders.byId(TerritorialUnit).load(site.unit.id);
  }

  @FieldResolver(() => String, { description: "TERYT code of the site's gmina or powiat: what `unit { teryt }` reads, without loading the unit." })
  teryt(@Root() site: PilotSite): string {
    return site.unit.id;
  }

  @FieldResolver(() => [CooperationBody], { description: "Cooperation bodies at this site." })
  cooperationBodies(@Root() site: PilotSite, @Ctx() ctx: RegionalContext): Promise<CooperationBody[]> {
    return ctx.loaders.manyBy(CooperationBody, "site", { name: "asc" }).load(site.id);
  }

  @Authorized(Access.ANALYST, Access.OWNER)
  @FieldResolver(() => [SupportActivity], {
    nullable: true,
    description:
      "Support activities held for this site, oldest first (national analysts; a regional owner, for its own sites); null for a caller who may not read them.",
  })
  async activities(@Root() site: PilotSite, @Ctx() ctx: RegionalContext): Promise<SupportActivity[]> {
    if (activityScope(ctx) === "none") return [];
    return ctx.loaders.manyBy(SupportActivity, "site", { heldOn: "asc" }).load(site.id);
  }

  @Authorized(Access.OWNER)
  @FieldResolver(() => [SupportedFamily], {
    nullable: true,
    description:
      "Persons and families supported at this site (pseudonymous): regional owners, for their own sites (empty for others'); null for a caller who may not read them.",
  })
  async families(@Root() site: PilotSite, @Ctx() ctx: RegionalContext): Promise<SupportedFamily[]> {
    if (familyScope(ctx) === "none") return [];
    return ctx.loaders.manyBy(SupportedFamily, "site", { code: "asc" }).load(site.id);
  }

  @Authorized(Access.ANALYST, Access.OWNER)
  @FieldResolver(() => [IndicatorValue], {
    nullable: true,
    description:
      "Indicator values measured for this site, by period: all of them for the region's owner; for national analysts, those of indicators not about families; null for a caller who may not read them.",
  })
  async indicatorValues(@Root() site: PilotSite, @Ctx() ctx: RegionalContext): Promise<IndicatorValue[]> {
    if (indicatorValueScope(ctx) === "none") return [];
    return readableValues(ctx, await ctx.loaders.manyBy(IndicatorValue, "site", { period: "asc" }).load(site.id));
  }
}
