import { decodeBookId, encodeBookId, ErrorCode, hubError } from "@kooperacja/shared";
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { BookChapter } from "../chapters/book-chapter.entity";
import type { BookContext } from "../context";
import { PartnershipExtension } from "../regional/partnership-extension";
import { Evidence } from "./evidence";
import { EvidenceLink } from "./evidence-link.entity";
import { Recommendation } from "./recommendation.entity";
import { RecommendationPartnership } from "./recommendation-partnership.entity";
import { RecommendationStatus } from "./recommendation-status";

@Resolver(() => Recommendation)
export class RecommendationResolver {
  @Query(() => [Recommendation], { description: "Recommendations of the book, optionally of one status, by chapter and number." })
  async recommendations(
    @Arg("status", () => RecommendationStatus, { nullable: true, description: "Only recommendations with this status." }) status: RecommendationStatus | undefined,
    @Ctx() ctx: BookContext,
  ): Promise<Recommendation[]> {
    return ctx.em.find(Recommendation, status ? { status } : {}, { orderBy: { chapter: { number: "asc" }, number: "asc" } });
  }

  @Query(() => Recommendation, { nullable: true, description: "One recommendation by ID." })
  async recommendation(@Arg("id", () => ID, { description: "Global ID of the record." }) id: string, @Ctx() ctx: BookContext): Promise<Recommendation> {
    const row = await ctx.loaders.byId(Recommendation).load(decodeBookId(id, "Recommendation"));
    if (!row) throw hubError(ErrorCode.NOT_FOUND, `No recommendation with ID ${id}.`, { id });
    return row;
  }

  @FieldResolver(() => ID, { description: "Global, opaque ID." })
  id(@Root() recommendation: Recommendation): string {
    return encodeBookId("Recommendation", recommendation.id);
  }

  @FieldResolver(() => BookChapter, { description: "The chapter the recommendation belongs to." })
  async chapter(@Root() recommendation: Recommendation, @Ctx() ctx: BookContext): Promise<BookChapter | null> {
    return ctx.loaders.byId(BookChapter).load(recommendation.chapter.id);
  }

  @FieldResolver(() => [PartnershipExtension], { description: "Partnerships whose models the recommendation draws on." })
  async partnerships(@Root() recommendation: Recommendation, @Ctx() ctx: BookContext): Promise<PartnershipExtension[]> {
    const links = await ctx.loaders.manyBy(RecommendationPartnership, "recommendation").load(recommendation.id);
    return links.map((link) => Object.assign(new PartnershipExtension(), { id: link.partnershipId }));
  }

  @FieldResolver(() => [Evidence], { description: "Regional records that support the recommendation; they may live in different regions." })
  async evidence(@Root() recommendation: Recommendation, @Ctx() ctx: BookContext): Promise<Evidence[]> {
    const links = await ctx.loaders.manyBy(EvidenceLink, "recommendation").load(recommendation.id);
    return links.map((link: EvidenceLink) =>
      Object.assign(new Evidence(), {
        id: encodeBookId("Evidence", link.id),
        note: link.note,
        target: { __typename: link.targetType, id: link.targetId },
      }),
    );
  }
}
