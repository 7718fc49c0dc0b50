import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { loadByGlobalId } from "../common/lookup";
import { recordResolver } from "../common/record-resolver";
import { Shard } from "../common/shard";
import type { RegionalContext } from "../context";
import { PartnershipMember } from "../partnerships/partnership-member.entity";
import { TerritorialUnit } from "../territory/territorial-unit.entity";
import { Institution } from "./institution.entity";

@Resolver(() => Institution)
export class InstitutionResolver extends recordResolver(Institution) {
  @Shard.concat()
  @Query(() => [Institution], { description: "Institutions of all partnerships." })
  institutions(@Ctx() ctx: RegionalContext): Promise<Institution[]> {
    return ctx.em.find(Institution, {}, { orderBy: { shortName: "asc", id: "asc" } });
  }

  @Shard.route("id")
  @Query(() => Institution, { nullable: true, description: "One institution by ID." })
  institution(@Arg("id", () => ID, { description: "Global ID of the record." }) id: string, @Ctx() ctx: RegionalContext): Promise<Institution> {
    return loadByGlobalId(ctx, Institution, id);
  }

  @FieldResolver(() => TerritorialUnit, { nullable: true, description: "Voivodeship the institution belongs to." })
  async voivodeship(@Root() institution: Institution, @Ctx() ctx: RegionalContext): Promise<TerritorialUnit | null> {
    return institution.voivodeship ? ctx.loaders.byId(TerritorialUnit).load(institution.voivodeship.id) : null;
  }

  @FieldResolver(() => [PartnershipMember], { description: "The institution's roles in its partnership." })
  memberships(@Root() institution: Institution, @Ctx() ctx: RegionalContext): Promise<PartnershipMember[]> {
    return ctx.loaders.manyBy(PartnershipMember, "institution").load(institution.id);
  }
}
