import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Authorized, Ctx, Field, FieldResolver, Info, InputType, Query, Resolver, Root } from "type-graphql";
import { Access } from "../access/access-rules";
import { activityScope, scopeCondition } from "../access/row-scope";
import { ConnectionArgs, defineConnection, whereRegion, type Connection, type Order } from "../common/connection";
import { ActivityKind } from "../common/enums";
import { Money, moneyFromGrosze } from "../common/money";
import { RegionFilterInput, validateRegionFilter } from "../common/region-filter-input";
import { recordResolver } from "../common/record-resolver";
import { Shard } from "../common/shard";
import type { RegionalContext } from "../context";
import { PilotSite } from "../sites/pilot-site.entity";
import { SupportActivity } from "./support-activity.entity";

const SupportActivities = defineConnection(SupportActivity, {
  typeName: "SupportActivity",
  field: "supportActivities",
  orders: { HELD_ON: "heldOn", TITLE: "title" },
  defaultOrder: "HELD_ON",
});

@InputType({ description: "Which support activities: every given condition must hold." })
class SupportActivityFilter extends RegionFilterInput {
  @Field(() => [ActivityKind], { nullable: true, description: "Only activities of these kinds." })
  kinds?: ActivityKind[] | null;
}

@Resolver(() => SupportActivity)
export class SupportActivityResolver extends recordResolver(SupportActivity) {
  @Shard.connection("filter")
  @Authorized(Access.ANALYST, Access.OWNER)
  @Query(() => SupportActivities.Connection, {
    description: "Support activities of all partnerships, a page at a time (national analysts; a regional owner sees its own).",
  })
  async supportActivities(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg("orderBy", () => SupportActivities.OrderType, { defaultValue: SupportActivities.defaultOrder, description: "Order." }) orderBy: Order,
    @Arg("filter", () => SupportActivityFilter, { nullable: true, description: "Which activities." }) filter: SupportActivityFilter | undefined,
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: RegionalContext,
  ): Promise<Connection<SupportActivity>> {
    validateRegionFilter(filter);
    const scope = await scopeCondition(ctx, activityScope(ctx));
    return SupportActivities.page({
      em: ctx.em,
      info,
      args,
      order: orderBy,
      where: (qb) => {
        qb.andWhere(scope as never);
        whereRegion(qb, ctx.partnership, filter, "e.site_id");
        if (filter?.kinds) qb.andWhere({ kind: { $in: filter.kinds } });
      },
    });
  }

  @FieldResolver(() => Money, { nullable: true, description: "What the activity cost, exactly; null where not recorded." })
  cost(@Root() activity: SupportActivity): Money | null {
    return moneyFromGrosze(activity.costGrosze);
  }

  @FieldResolver(() => PilotSite, { nullable: true, description: "The pilot site the activity served; null for region-wide activities." })
  async site(@Root() activity: SupportActivity, @Ctx() ctx: RegionalContext): Promise<PilotSite | null> {
    return activity.site ? ctx.loaders.byId(PilotSite).load(activity.site.id) : null;
  }
}
