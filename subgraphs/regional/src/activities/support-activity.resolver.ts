import { Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { recordResolver } from "../common/record-resolver";
import { Shard } from "../common/shard";
import type { RegionalContext } from "../context";
import { PilotSite } from "../sites/pilot-site.entity";
import { SupportActivity } from "./support-activity.entity";

@Resolver(() => SupportActivity)
export class SupportActivityResolver extends recordResolver(SupportActivity) {
  @Shard.concat()
  @Query(() => [SupportActivity], { description: "Support activities of all partnerships, oldest first within a region." })
  supportActivities(@Ctx() ctx: RegionalContext): Promise<SupportActivity[]> {
    return ctx.em.find(SupportActivity, {}, { orderBy: { heldOn: "asc", id: "asc" } });
  }

  @FieldResolver(() => PilotSite, { nullable: true, description: "The pilot site the activity served; null for region-wide activities." })
  async site(@Root() activity: SupportActivity, @Ctx() ctx: RegionalContext): Promise<PilotSite | null> {
    return activity.site ? ctx.loaders.byId(PilotSite).load(activity.site.id) : null;
  }
}
