import { accessDenied, decodeBookId, decodeGlobalId, encodeBookId, ErrorCode, hubError, MunicipalityKind } from "@kooperacja/shared";
import { ArrayMaxSize, IsOptional, Length, MaxLength } from "class-validator";
import { randomUUID } from "node:crypto";
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, Query, Resolver, Root } from "type-graphql";
import { Access, readableStatuses } from "../access";
import { BookChapter } from "../chapters/book-chapter.entity";
import type { BookContext } from "../context";
import { PartnershipExtension } from "../regional/partnership-extension";
import { Evidence } from "./evidence";
import { EvidenceLink } from "./evidence-link.entity";
import { Recommendation } from "./recommendation.entity";
import { RecommendationPartnership } from "./recommendation-partnership.entity";
import { RecommendationStatus } from "./recommendation-status";

@InputType({ description: "The text of a recommendation and whom it is for." })
class RecommendationChanges {
  @IsOptional()
  @Length(3, 200)
  @Field(() => String, { nullable: true, description: "Short title (3 to 200 characters)." })
  title?: string;

  @IsOptional()
  @Length(10, 20_000)
  @Field(() => String, { nullable: true, description: "Text of the recommendation (10 to 20 000 characters)." })
  text?: string;

  @IsOptional()
  @ArrayMaxSize(Object.values(MunicipalityKind).length)
  @Field(() => [MunicipalityKind], { nullable: true, description: "Kinds of gmina the recommendation is for (empty: all)." })
  targetMunicipalityKinds?: MunicipalityKind[];
}

@InputType({ description: "A new draft recommendation." })
class NewRecommendation {
  @Field(() => ID, { description: "Global ID of the chapter it belongs to." })
  chapterId!: string;

  @Length(3, 200)
  @Field(() => String, { description: "Short title (3 to 200 characters)." })
  title!: string;

  @Length(10, 20_000)
  @Field(() => String, { description: "Text of the recommendation (10 to 20 000 characters)." })
  text!: string;

  @IsOptional()
  @ArrayMaxSize(Object.values(MunicipalityKind).length)
  @Field(() => [MunicipalityKind], { nullable: true, description: "Kinds of gmina the recommendation is for (empty or omitted: all)." })
  targetMunicipalityKinds?: MunicipalityKind[];

  @IsOptional()
  @MaxLength(100, { each: true })
  @Field(() => [ID], { nullable: true, description: "Global IDs of the partnerships whose models it draws on." })
  partnershipIds?: string[];
}

@Resolver(() => Recommendation)
export class RecommendationResolver {
  @Query(() => [Recommendation], { description: "Recommendations of the book, optionally of one status, by chapter and number. Drafts are for national analysts only." })
  async recommendations(
    @Arg("status", () => RecommendationStatus, { nullable: true, description: "Only recommendations with this status." }) status: RecommendationStatus | undefined,
    @Ctx() ctx: BookContext,
  ): Promise<Recommendation[]> {
    const readable = readableStatuses(ctx.identity);
    if (status && !readable.includes(status)) throw accessDenied(ctx.identity, `recommendations with status ${status}`);
    return ctx.em.find(Recommendation, { status: status ? status : { $in: readable } }, { orderBy: { chapter: { number: "asc" }, number: "asc" } });
  }

  @Query(() => Recommendation, { nullable: true, description: "One recommendation by ID. Drafts are for national analysts only." })
  async recommendation(@Arg("id", () => ID, { description: "Global ID of the record." }) id: string, @Ctx() ctx: BookContext): Promise<Recommendation> {
    return this.readable(ctx, id);
  }

  @Authorized(Access.ANALYST)
  @Mutation(() => Recommendation, { description: "Adds a draft recommendation at the end of a chapter (national analysts)." })
  async createRecommendation(@Arg("input", () => NewRecommendation, { description: "The recommendation." }) input: NewRecommendation, @Ctx() ctx: BookContext): Promise<Recommendation> {
    const chapter = await ctx.em.findOne(BookChapter, { id: decodeBookId(input.chapterId, "BookChapter") });
    if (!chapter) throw hubError(ErrorCode.NOT_FOUND, `No chapter with ID ${input.chapterId}.`, { field: "chapterId" });
    for (const partnershipId of input.partnershipIds ?? []) {
      if (decodeGlobalId(partnershipId).type !== "Partnership") {
        throw hubError(ErrorCode.BAD_USER_INPUT, `${partnershipId} is not the ID of a partnership.`, { field: "partnershipIds" });
      }
    }
    return ctx.em.transactional(async (em) => {
      const last = await em.findOne(Recommendation, { chapter }, { orderBy: { number: "desc" } });
      const recommendation = em.create(Recommendation, {
        id: randomUUID(),
        chapter,
        number: (last?.number ?? 0) + 1,
        title: input.title,
        text: input.text,
        status: RecommendationStatus.DRAFT,
        targetMunicipalityKinds: input.targetMunicipalityKinds ?? [],
        demo: false,
      });
      for (const partnershipId of new Set(input.partnershipIds ?? [])) {
        em.create(RecommendationPartnership, { id: randomUUID(), recommendation, partnershipId });
      }
      return recommendation;
    });
  }

  @Authorized(Access.ANALYST)
  @Mutation(() => Recommendation, { description: "Changes a draft recommendation (national analysts); adopted text does not change." })
  async updateRecommendation(
    @Arg("id", () => ID, { description: "Global ID of the recommendation." }) id: string,
    @Arg("changes", () => RecommendationChanges, { description: "The fields to change; omitted fields stay." }) changes: RecommendationChanges,
    @Ctx() ctx: BookContext,
  ): Promise<Recommendation> {
    const recommendation = await this.draft(ctx, id);
    ctx.em.assign(recommendation, Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined && value !== null)));
    await ctx.em.flush();
    return recommendation;
  }

  @Authorized(Access.ANALYST)
  @Mutation(() => Recommendation, { description: "Adopts a draft recommendation into the book (national analysts)." })
  async adoptRecommendation(@Arg("id", () => ID, { description: "Global ID of the recommendation." }) id: string, @Ctx() ctx: BookContext): Promise<Recommendation> {
    const recommendation = await this.draft(ctx, id);
    recommendation.status = RecommendationStatus.ADOPTED;
    await ctx.em.flush();
    return recommendation;
  }

  private async readable(ctx: BookContext, id: string): Promise<Recommendation> {
    const row = await ctx.em.findOne(Recommendation, { id: decodeBookId(id, "Recommendation") });
    if (!row) throw hubError(ErrorCode.NOT_FOUND, `No recommendation with ID ${id}.`, { id });
    if (!readableStatuses(ctx.identity).includes(row.status)) throw accessDenied(ctx.identity, "a draft recommendation");
    return row;
  }

  private async draft(ctx: BookContext, id: string): Promise<Recommendation> {
    const row = await this.readable(ctx, id);
    if (row.status !== RecommendationStatus.DRAFT) throw hubError(ErrorCode.BAD_USER_INPUT, `Recommendation ${id} is adopted; adopted text does not change.`, { id });
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
