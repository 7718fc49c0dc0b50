import type { GraphQLResolveInfo } from "graphql";
import { accessDenied } from "@kooperacja/service-kit";
import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, Info, InputType, Query, Resolver, Root } from "type-graphql";
import { Access } from "../access/access-rules";
import { familyScope, scopeCondition } from "../access/row-scope";
import { ConnectionArgs, defineConnection, whereRegion, type Connection, type Order } from "../common/connection";
import { CooperationLevel } from "../common/enums";
import { RegionFilterInput, validateRegionFilter } from "../common/region-filter-input";
import { loadByGlobalId } from "../common/lookup";
import { recordResolver } from "../common/record-resolver";
import { Shard } from "../common/shard";
import type { RegionalContext } from "../context";
import { IndicatorValue } from "../indicators/indicator-value.entity";
import { PilotSite } from "../sites/pilot-site.entity";
import { countFamilies } from "./family-counts";
import { SupportedFamily } from "./supported-family.entity";

const SupportedFamilies = defineConnection(SupportedFamily, {
  typeName: "SupportedFamily",
  field: "supportedFamilies",
  orders: { CODE: "code", STARTED_ON: "startedOn" },
  defaultOrder: "CODE",
});

@InputType({ description: "Which supported families: every given condition must hold." })
class SupportedFamilyFilter extends RegionFilterInput {
  @Field(() => Boolean, { nullable: true, description: "Only families with (true) or without (false) a social contract." })
  socialContract?: boolean | null;

  @Field(() => [CooperationLevel], { nullable: true, description: "Only families supported at these levels." })
  cooperationLevels?: CooperationLevel[] | null;
}

@Resolver(() => SupportedFamily)
export class SupportedFamilyResolver extends recordResolver(SupportedFamily) {
  @Shard.connection("filter")
  @Authorized(Access.OWNER)
  @Query(() => SupportedFamilies.Connection, {
    description: "Supported persons and families (pseudonymous), a page at a time: regional owners only, and each sees only its own partnership's.",
  })
  async supportedFamilies(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg("orderBy", () => SupportedFamilies.OrderType, { defaultValue: SupportedFamilies.defaultOrder, description: "Order." }) orderBy: Order,
    @Arg("filter", () => SupportedFamilyFilter, { nullable: true, description: "Which families." }) filter: SupportedFamilyFilter | undefined,
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: RegionalContext,
  ): Promise<Connection<SupportedFamily>> {
    validateRegionFilter(filter);
    const scope = await scopeCondition(ctx, familyScope(ctx));
    return SupportedFamilies.page({
      // Every filter field is one the kept counts have (families/family-counts.ts); the rollups' switch turns them off too.
      count: ctx.rollups && familyScope(ctx) === "all" ? () => countFamilies(ctx.em, ctx.partnership, filter) : undefined,
      em: ctx.em,
      info,
      args,
      order: orderBy,
      where: (qb) => {
        qb.andWhere(scope as never);
        whereRegion(qb, ctx.partnership, filter, "e.site_id");
        if (filter?.socialContract !== undefined && filter?.socialContract !== null) qb.andWhere({ socialContract: filter.socialContract });
        if (filter?.cooperationLevels) qb.andWhere({ cooperationLevel: { $in: filter.cooperationLevels } });
      },
    });
  }

  @Shard.route("id")
  @Authorized(Access.OWNER)
  @Query(() => SupportedFamily, { nullable: true, description: "One supported family by ID (the owner of its partnership only)." })
  supportedFamily(@Arg("id", () => ID, { description: "Global ID of the record." }) id: string, @Ctx() ctx: RegionalContext): Promise<SupportedFamily> {
    if (familyScope(ctx) === "none") throw accessDenied(ctx.identity, "a SupportedFamily record of another partnership");
    return loadByGlobalId(ctx, SupportedFamily, id);
  }

  @Authorized(Access.OWN_PARTNERSHIP)
  @FieldResolver(() => PilotSite, { description: "The pilot site supporting the family." })
  async site(@Root() family: SupportedFamily, @Ctx() ctx: RegionalContext): Promise<PilotSite | null> {
    return ctx.loaders.byId(PilotSite).load(family.site.id);
  }

  @Authorized(Access.OWN_PARTNERSHIP)
  @FieldResolver(() => [IndicatorValue], { description: "Family-level indicator values, by period." })
  indicatorValues(@Root() family: SupportedFamily, @Ctx() ctx: RegionalContext): Promise<IndicatorValue[]> {
    return ctx.loaders.manyBy(IndicatorValue, "family", { period: "asc" }).load(family.id);
  }
}
