import { findRows } from "@kooperacja/database";
import { Arg, Ctx, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from "type-graphql";
import { CooperationBody } from "../bodies/cooperation-body.entity";
import { UnitLevel } from "../common/enums";
import { loadByGlobalId } from "../common/lookup";
import { Money, moneyFromGrosze, percentage } from "../common/money";
import { recordResolver } from "../common/record-resolver";
import { Shard } from "../common/shard";
import type { RegionalContext } from "../context";
import { Institution } from "../institutions/institution.entity";
import { PilotSite } from "../sites/pilot-site.entity";
import { TerritorialUnit } from "../territory/territorial-unit.entity";
import { LeadPartnerClaim } from "./lead-partner-claim.entity";
import { ModelStructure } from "./model-structure.entity";
import { Partnership } from "./partnership.entity";
import { PartnershipMember } from "./partnership-member.entity";

@ObjectType({ description: "Who leads the partnership, with every claim the sources make." })
class LeadPartner {
  @Field(() => Boolean, { description: "True when the sources name different lead partners." })
  disputed!: boolean;

  @Field(() => [LeadPartnerClaim], { description: "Every claim, each with the source that makes it." })
  claims!: LeadPartnerClaim[];
}

@Resolver(() => Partnership)
export class PartnershipResolver extends recordResolver(Partnership) {
  @Shard.concat()
  @Query(() => [Partnership], { description: "The cooperation models of all three macroregions." })
  async partnerships(@Ctx() ctx: RegionalContext): Promise<Partnership[]> {
    return findRows(ctx.em, Partnership, {}, { id: "asc" });
  }

  @Shard.route("id")
  @Query(() => Partnership, { nullable: true, description: "One partnership by ID." })
  async partnership(@Arg("id", () => ID, { description: "Global ID of the record." }) id: string, @Ctx() ctx: RegionalContext): Promise<Partnership> {
    return loadByGlobalId(ctx, Partnership, id);
  }

  @FieldResolver(() => String, { description: "Short key of the partnership: liderzy, kooperacja or kooperacje3d." })
  key(@Root() partnership: Partnership): string {
    return partnership.id;
  }

  @FieldResolver(() => Money, { nullable: true, description: "Total value of the project; null where no source states it." })
  totalValue(@Root() partnership: Partnership): Money | null {
    return moneyFromGrosze(partnership.totalValueGrosze);
  }

  @FieldResolver(() => Money, { nullable: true, description: "EU (European Social Fund) co-financing; null where no source states it." })
  euCofinancing(@Root() partnership: Partnership): Money | null {
    return moneyFromGrosze(partnership.euCofinancingGrosze);
  }

  @FieldResolver(() => String, { nullable: true, description: 'EU co-financing as a percentage of the total value, exact to two decimals (e.g. "84.28").' })
  euSharePercent(@Root() partnership: Partnership): string | null {
    const { totalValueGrosze: total, euCofinancingGrosze: eu } = partnership;
    return total && eu ? percentage(eu, total) : null;
  }

  @FieldResolver(() => [PartnershipMember], { description: "Partner and participating institutions, with their roles." })
  members(@Root() partnership: Partnership, @Ctx() ctx: RegionalContext): Promise<PartnershipMember[]> {
    return ctx.loaders.manyBy(PartnershipMember, "partnership").load(partnership.id);
  }

  @FieldResolver(() => LeadPartner, { description: "The lead partner, as the sources state it (they may disagree)." })
  async leadPartner(@Root() partnership: Partnership, @Ctx() ctx: RegionalContext): Promise<LeadPartner> {
    const claims = await ctx.loaders.manyBy(LeadPartnerClaim, "partnership").load(partnership.id);
    const institutions = new Set(claims.map((claim) => claim.institution.id));
    return Object.assign(new LeadPartner(), { disputed: institutions.size > 1, claims });
  }

  @FieldResolver(() => [ModelStructure], { description: "Kinds of cooperation structures the model uses." })
  structures(@Root() partnership: Partnership, @Ctx() ctx: RegionalContext): Promise<ModelStructure[]> {
    return ctx.loaders.manyBy(ModelStructure, "partnership").load(partnership.id);
  }

  @FieldResolver(() => [PilotSite], { description: "Gminas and powiats piloting the model." })
  pilotSites(@Root() partnership: Partnership, @Ctx() ctx: RegionalContext): Promise<PilotSite[]> {
    return ctx.loaders.manyBy(PilotSite, "partnership", { name: "asc" }).load(partnership.id);
  }

  @FieldResolver(() => Int, {
    description: "How many pilot sites `pilotSites` lists, counted by the hub without listing them (each site has its own provenance).",
  })
  pilotSiteCount(@Root() partnership: Partnership, @Ctx() ctx: RegionalContext): Promise<number> {
    return ctx.loaders.countBy(PilotSite, "partnership").load(partnership.id);
  }

  @FieldResolver(() => [CooperationBody], { description: "Cooperation bodies set up under the model." })
  cooperationBodies(@Root() partnership: Partnership, @Ctx() ctx: RegionalContext): Promise<CooperationBody[]> {
    return ctx.loaders.manyBy(CooperationBody, "partnership", { name: "asc" }).load(partnership.id);
  }

  @FieldResolver(() => Int, {
    description: "How many cooperation bodies `cooperationBodies` lists, counted by the hub without listing them (each body has its own provenance).",
  })
  cooperationBodyCount(@Root() partnership: Partnership, @Ctx() ctx: RegionalContext): Promise<number> {
    return ctx.loaders.countBy(CooperationBody, "partnership").load(partnership.id);
  }

  @FieldResolver(() => [TerritorialUnit], { description: "Voivodeships of the macroregion." })
  voivodeships(@Root() partnership: Partnership, @Ctx() ctx: RegionalContext): Promise<TerritorialUnit[]> {
    return ctx.loaders.manyBy(TerritorialUnit, "partnership", { name: "asc" }, { level: UnitLevel.VOIVODESHIP }).load(partnership.id);
  }
}

@Resolver(() => PartnershipMember)
export class PartnershipMemberResolver extends recordResolver(PartnershipMember) {
  @FieldResolver(() => Institution, { description: "The member institution." })
  async institution(@Root() member: PartnershipMember, @Ctx() ctx: RegionalContext): Promise<Institution | null> {
    return ctx.loaders.byId(Institution).load(member.institution.id);
  }
}

@Resolver(() => LeadPartnerClaim)
export class LeadPartnerClaimResolver extends recordResolver(LeadPartnerClaim) {
  @FieldResolver(() => Institution, { description: "The institution the source names as lead partner." })
  async institution(@Root() claim: LeadPartnerClaim, @Ctx() ctx: RegionalContext): Promise<Institution | null> {
    return ctx.loaders.byId(Institution).load(claim.institution.id);
  }
}

@Resolver(() => ModelStructure)
export class ModelStructureResolver extends recordResolver(ModelStructure) {}
