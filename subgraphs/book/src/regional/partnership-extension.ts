import { Ctx, Directive, Field, FieldResolver, ID, ObjectType, Resolver, Root } from "type-graphql";
import { readableStatuses } from "../access";
import type { BookContext } from "../context";
import { Recommendation } from "../recommendations/recommendation.entity";
import { RecommendationPartnership } from "../recommendations/recommendation-partnership.entity";

/** The book's share of the regional Partnership entity: its recommendations. */
@Directive(`@key(fields: "id")`)
@ObjectType("Partnership", { description: "The cooperation model of one macroregion and the partnership that built and piloted it." })
export class PartnershipExtension {
  @Field(() => ID, { description: "Global, opaque ID. It carries the owning partnership, so the gateway can route by it." })
  id!: string;
}

@Resolver(() => PartnershipExtension)
export class PartnershipExtensionResolver {
  @FieldResolver(() => [Recommendation], {
    description: "Recommendations of the national book that draw on this partnership's model (drafts for national analysts only).",
  })
  async recommendations(@Root() partnership: PartnershipExtension, @Ctx() ctx: BookContext): Promise<Recommendation[]> {
    const links = await ctx.loaders.manyBy(RecommendationPartnership, "partnershipId").load(partnership.id);
    const recommendations = await ctx.loaders.byId(Recommendation).loadMany(links.map((link) => link.recommendation.id));
    const statuses = readableStatuses(ctx.identity);
    return recommendations.filter((row): row is Recommendation => row instanceof Recommendation && statuses.includes(row.status));
  }
}
