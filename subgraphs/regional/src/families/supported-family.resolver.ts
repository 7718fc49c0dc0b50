import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { loadByGlobalId } from "../common/lookup";
import { recordResolver } from "../common/record-resolver";
import { Shard } from "../common/shard";
import type { RegionalContext } from "../context";
import { IndicatorValue } from "../indicators/indicator-value.entity";
import { PilotSite } from "../sites/pilot-site.entity";
import { SupportedFamily } from "./supported-family.entity";

@Resolver(() => SupportedFamily)
export class SupportedFamilyResolver extends recordResolver(SupportedFamily) {
  @Shard.concat()
  @Query(() => [SupportedFamily], { description: "Supported persons and families of all partnerships (pseudonymous)." })
  supportedFamilies(@Ctx() ctx: RegionalContext): Promise<SupportedFamily[]> {
    return ctx.em.find(SupportedFamily, {}, { orderBy: { code: "asc" } });
  }

  @Shard.route("id")
  @Query(() => SupportedFamily, { nullable: true, description: "One supported family by ID." })
  supportedFamily(@Arg("id", () => ID, { description: "Global ID of the record." }) id: string, @Ctx() ctx: RegionalContext): Promise<SupportedFamily> {
    return loadByGlobalId(ctx, SupportedFamily, id);
  }

  @FieldResolver(() => PilotSite, { description: "The pilot site supporting the family." })
  async site(@Root() family: SupportedFamily, @Ctx() ctx: RegionalContext): Promise<PilotSite | null> {
    return ctx.loaders.byId(PilotSite).load(family.site.id);
  }

  @FieldResolver(() => [IndicatorValue], { description: "Family-level indicator values, by period." })
  indicatorValues(@Root() family: SupportedFamily, @Ctx() ctx: RegionalContext): Promise<IndicatorValue[]> {
    return ctx.loaders.manyBy(IndicatorValue, "family", { period: "asc" }).load(family.id);
  }
}
