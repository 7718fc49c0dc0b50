import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, Field, FieldResolver, ID, Info, InputType, Query, Resolver, Root } from "type-graphql";
import { ConnectionArgs, defineConnection, whereRegion, type Connection, type Order } from "../common/connection";
import { InstitutionKind } from "../common/enums";
import { RegionFilterInput, validateRegionFilter } from "../common/region-filter-input";
import { loadByGlobalId } from "../common/lookup";
import { recordResolver } from "../common/record-resolver";
import { Shard } from "../common/shard";
import type { RegionalContext } from "../context";
import { PartnershipMember } from "../partnerships/partnership-member.entity";
import { TerritorialUnit } from "../territory/territorial-unit.entity";
import { Institution } from "./institution.entity";

const Institutions = defineConnection(Institution, {
  typeName: "Institution",
  field: "institutions",
  orders: { SHORT_NAME: "shortName", NAME: "name" },
  defaultOrder: "SHORT_NAME",
});

@InputType({ description: "Which institutions: every given condition must hold." })
class InstitutionFilter extends RegionFilterInput {
  @Field(() => [InstitutionKind], { nullable: true, description: "Only institutions of these kinds." })
  kinds?: InstitutionKind[] | null;
}

@Resolver(() => Institution)
export class InstitutionResolver extends recordResolver(Institution) {
  @Shard.connection("filter")
  @Query(() => Institutions.Connection, { description: "Institutions of all partnerships, a page at a time." })
  institutions(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg("orderBy", () => Institutions.OrderType, { defaultValue: Institutions.defaultOrder, description: "Order." }) orderBy: Order,
    @Arg("filter", () => InstitutionFilter, { nullable: true, description: "Which institutions." }) filter: InstitutionFilter | undefined,
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: RegionalContext,
  ): Promise<Connection<Institution>> {
    validateRegionFilter(filter);
    return Institutions.page({
      em: ctx.em,
      info,
      args,
      order: orderBy,
      where: (qb) => {
        whereRegion(qb, ctx.partnership, filter, "e.voivodeship_id");
        if (filter?.kinds) qb.andWhere({ kind: { $in: filter.kinds } });
      },
    });
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
