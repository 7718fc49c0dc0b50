import { encodeBookId } from "@kooperacja/contract";
import { accessDenied } from "@kooperacja/service-kit";
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { Access, readableStatuses } from "../access";
import { BookChapter } from "../chapters/book-chapter.entity";
import { SavedComparison } from "../comparisons/saved-comparison.entity";
import type { BookContext } from "../context";
import { BookChange } from "../history/book-change.entity";
import { PartnershipExtension } from "../regional/partnership-extension";
import { Evidence, evidenceOf } from "./evidence";
import { EvidenceLink } from "./evidence-link.entity";
import { Recommendation } from "./recommendation.entity";
import { RecommendationPartnership } from "./recommendation-partnership.entity";
import { RecommendationStatus } from "./recommendation-status";
import { ComparisonEvidenceInput, NewRecommendation, RecommendationChanges } from "./recommendation.inputs";
import {
  addComparisonEvidence,
  addEvidence,
  adoptRecommendation,
  createRecommendation,
  readableRecommendation,
  removeComparisonEvidence,
  removeEvidence,
  returnRecommendation,
  submitRecommendation,
  updateRecommendation,
} from "./recommendation.workflow";

/** The book's recommendations: the queries and workflow steps of the API; recommendation.workflow.ts does the work. */
@Resolver(() => Recommendation)
export class RecommendationResolver {
  @Query(() => [Recommendation], {
    description: "Recommendations of the book, optionally of one status, by chapter and number. Drafts and those in review are for national analysts only.",
  })
  async recommendations(
    @Arg("status", () => RecommendationStatus, { nullable: true, description: "Only recommendations with this status." })
    status: RecommendationStatus | undefined,
    @Ctx() ctx: BookContext,
  ): Promise<Recommendation[]> {
    const readable = readableStatuses(ctx.identity);
    if (status && !readable.includes(status)) throw accessDenied(ctx.identity, `recommendations with status ${status}`);
    return ctx.em.find(Recommendation, { status: status ? status : { $in: readable } }, { orderBy: { chapter: { number: "asc" }, number: "asc" } });
  }

  @Query(() => Recommendation, { nullable: true, description: "One recommendation by ID. Drafts and those in review are for national analysts only." })
  recommendation(@Arg("id", () => ID, { description: "Global ID of the record." }) id: string, @Ctx() ctx: BookContext): Promise<Recommendation> {
    return readableRecommendation(ctx, id);
  }

  @Authorized(Access.ANALYST)
  @Mutation(() => Recommendation, { description: "Adds a draft recommendation at the end of a chapter (national analysts)." })
  createRecommendation(
    @Arg("input", () => NewRecommendation, { description: "The recommendation." }) input: NewRecommendation,
    @Ctx() ctx: BookContext,
  ): Promise<Recommendation> {
    return createRecommendation(ctx, input);
  }

  @Authorized(Access.ANALYST)
  @Mutation(() => Recommendation, {
    description: "Changes a draft recommendation (national analysts); one in review goes back to draft first, and adopted text does not change.",
  })
  updateRecommendation(
    @Arg("id", () => ID, { description: "Global ID of the recommendation." }) id: string,
    @Arg("changes", () => RecommendationChanges, { description: "The fields to change; omitted fields stay." }) changes: RecommendationChanges,
    @Arg("version", () => Int, { nullable: true, description: "The version you read; if the recommendation changed since, CONFLICT and nothing changes." })
    version: number | undefined,
    @Ctx() ctx: BookContext,
  ): Promise<Recommendation> {
    return updateRecommendation(ctx, { id, changes, version });
  }

  @Authorized(Access.ANALYST)
  @Mutation(() => Recommendation, {
    description: "Submits a draft for review (national analysts): its text and evidence are then fixed until it is adopted or returned.",
  })
  submitRecommendation(
    @Arg("id", () => ID, { description: "Global ID of the recommendation." }) id: string,
    @Arg("version", () => Int, { nullable: true, description: "The version you read; if the recommendation changed since, CONFLICT and nothing changes." })
    version: number | undefined,
    @Ctx() ctx: BookContext,
  ): Promise<Recommendation> {
    return submitRecommendation(ctx, { id, version });
  }

  @Authorized(Access.ANALYST)
  @Mutation(() => Recommendation, { description: "Returns a recommendation in review to draft, with the reason (national analysts)." })
  returnRecommendation(
    @Arg("id", () => ID, { description: "Global ID of the recommendation." }) id: string,
    @Arg("reason", () => String, { description: "Why it goes back: what the authors should change." }) reason: string,
    @Arg("version", () => Int, { nullable: true, description: "The version you read; if the recommendation changed since, CONFLICT and nothing changes." })
    version: number | undefined,
    @Ctx() ctx: BookContext,
  ): Promise<Recommendation> {
    return returnRecommendation(ctx, { id, reason, version });
  }

  @Authorized(Access.ANALYST)
  @Mutation(() => Recommendation, {
    description:
      "Adopts a recommendation in review into the book (national analysts). Every saved comparison it cites is run once more and its figures kept as the adopted snapshot; while a region is unavailable, adoption waits, so no snapshot misses a region.",
  })
  adoptRecommendation(
    @Arg("id", () => ID, { description: "Global ID of the recommendation." }) id: string,
    @Arg("version", () => Int, { nullable: true, description: "The version you read; if the recommendation changed since, CONFLICT and nothing changes." })
    version: number | undefined,
    @Ctx() ctx: BookContext,
  ): Promise<Recommendation> {
    return adoptRecommendation(ctx, { id, version });
  }

  @Authorized(Access.ANALYST)
  @Mutation(() => Evidence, {
    description:
      "Cites a regional record (a site, body, activity, indicator value, institution, indicator or partnership) as evidence for a draft (national analysts).",
  })
  addEvidence(
    @Arg("recommendationId", () => ID, { description: "Global ID of the recommendation." }) recommendationId: string,
    @Arg("targetId", () => ID, { description: "Global ID of the regional record." }) targetId: string,
    @Arg("note", () => String, { description: "Why the record supports the recommendation (3 to 2000 characters)." }) note: string,
    @Ctx() ctx: BookContext,
  ): Promise<Evidence> {
    return addEvidence(ctx, { recommendationId, targetId, note });
  }

  @Authorized(Access.ANALYST)
  @Mutation(() => Boolean, { description: "Removes a piece of regional evidence from a draft (national analysts)." })
  removeEvidence(@Arg("id", () => ID, { description: "Global ID of the evidence." }) id: string, @Ctx() ctx: BookContext): Promise<boolean> {
    return removeEvidence(ctx, id);
  }

  @Authorized(Access.ANALYST)
  @Mutation(() => SavedComparison, {
    description:
      "Cites a comparison query as evidence for a draft (national analysts). It is run once now, so a query the hub would refuse is refused here; it is re-run on every read.",
  })
  addComparisonEvidence(
    @Arg("recommendationId", () => ID, { description: "Global ID of the recommendation." }) recommendationId: string,
    @Arg("comparison", () => ComparisonEvidenceInput, { description: "The comparison." }) input: ComparisonEvidenceInput,
    @Ctx() ctx: BookContext,
  ): Promise<SavedComparison> {
    return addComparisonEvidence(ctx, { recommendationId, input });
  }

  @Authorized(Access.ANALYST)
  @Mutation(() => Boolean, { description: "Removes a saved comparison from a draft (national analysts)." })
  removeComparisonEvidence(@Arg("id", () => ID, { description: "Global ID of the saved comparison." }) id: string, @Ctx() ctx: BookContext): Promise<boolean> {
    return removeComparisonEvidence(ctx, id);
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
    return links.map(evidenceOf);
  }

  @FieldResolver(() => [SavedComparison], { description: "Comparison queries cited as evidence, in the order they were added." })
  async comparisons(@Root() recommendation: Recommendation, @Ctx() ctx: BookContext): Promise<SavedComparison[]> {
    return ctx.loaders.manyBy(SavedComparison, "recommendation", { savedAt: "asc", id: "asc" }).load(recommendation.id);
  }

  @Authorized(Access.ANALYST)
  @FieldResolver(() => [BookChange], { description: "Every change to the recommendation, oldest first: who, when, what (national analysts)." })
  async history(@Root() recommendation: Recommendation, @Ctx() ctx: BookContext): Promise<BookChange[]> {
    return ctx.em.find(BookChange, { subjectType: "Recommendation", subjectId: recommendation.id }, { orderBy: { id: "asc" } });
  }
}
