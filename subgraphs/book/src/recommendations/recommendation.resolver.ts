import { decodeBookId, decodeGlobalId, encodeBookId, ErrorCode, hubError, tryDecodeRecordId } from "@kooperacja/contract";
import { accessDenied } from "@kooperacja/service-kit";
import { MunicipalityKind, Sector } from "@kooperacja/subgraph-kit";
import { ArrayMaxSize, ArrayMinSize, IsIn, IsOptional, Length, MaxLength } from "class-validator";
import { GraphQLJSONObject } from "graphql-scalars";
import { randomUUID } from "node:crypto";
import { OptimisticLockError } from "@mikro-orm/core";
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { Access, readableStatuses } from "../access";
import { BookChapter } from "../chapters/book-chapter.entity";
import { parametersOf } from "../comparisons/saved-comparison.resolver";
import { SavedComparison } from "../comparisons/saved-comparison.entity";
import type { BookContext } from "../context";
import { BookChange } from "../history/book-change.entity";
import { fieldChanges, recordChange } from "../history/history";
import { PartnershipExtension } from "../regional/partnership-extension";
import { EVIDENCE_TYPES, type EvidenceType } from "../regional/regional-refs";
import { Evidence, evidenceOf } from "./evidence";
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

  @IsOptional()
  @ArrayMaxSize(Object.values(Sector).length)
  @Field(() => [Sector], { nullable: true, description: "Sectors the recommendation is for (empty: all)." })
  targetSectors?: Sector[];
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
  @ArrayMaxSize(Object.values(Sector).length)
  @Field(() => [Sector], { nullable: true, description: "Sectors the recommendation is for (empty or omitted: all)." })
  targetSectors?: Sector[];

  @IsOptional()
  @MaxLength(100, { each: true })
  @Field(() => [ID], { nullable: true, description: "Global IDs of the partnerships whose models it draws on." })
  partnershipIds?: string[];
}

const GRAINS = ["MONTH", "QUARTER", "YEAR"];

@InputType({ description: "A comparison query to cite as evidence: the arguments of `compare`." })
class ComparisonEvidenceInput {
  @Length(3, 2000)
  @Field(() => String, { description: "What the comparison shows and why it supports the recommendation (3 to 2000 characters)." })
  note!: string;

  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @Field(() => [String], { description: "Indicator codes (1 to 20)." })
  indicators!: string[];

  @ArrayMaxSize(6)
  @Field(() => [String], { defaultValue: [], description: "Dimensions to group by (CompareDimension values)." })
  by!: string[];

  @IsIn(GRAINS)
  @Field(() => String, { defaultValue: "QUARTER", description: "Period grain: MONTH, QUARTER or YEAR." })
  grain!: string;

  @IsOptional()
  @Field(() => GraphQLJSONObject, { nullable: true, description: "The comparison's filter, as a CompareFilter object." })
  filter?: Record<string, unknown> | null;
}

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
  async recommendation(@Arg("id", () => ID, { description: "Global ID of the record." }) id: string, @Ctx() ctx: BookContext): Promise<Recommendation> {
    return this.readable(ctx, id);
  }

  @Authorized(Access.ANALYST)
  @Mutation(() => Recommendation, { description: "Adds a draft recommendation at the end of a chapter (national analysts)." })
  async createRecommendation(
    @Arg("input", () => NewRecommendation, { description: "The recommendation." }) input: NewRecommendation,
    @Ctx() ctx: BookContext,
  ): Promise<Recommendation> {
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
        targetSectors: input.targetSectors ?? [],
        createdBy: ctx.identity.subject,
        createdAt: new Date(),
        demo: false,
      });
      for (const partnershipId of new Set(input.partnershipIds ?? [])) {
        em.create(RecommendationPartnership, { id: randomUUID(), recommendation, partnershipId });
      }
      recordChange(em, ctx.identity, subject(recommendation), "CREATED", {
        chapter: input.chapterId,
        title: input.title,
        text: input.text,
        targetMunicipalityKinds: recommendation.targetMunicipalityKinds,
        targetSectors: recommendation.targetSectors,
        partnershipIds: [...new Set(input.partnershipIds ?? [])],
      });
      return recommendation;
    });
  }

  @Authorized(Access.ANALYST)
  @Mutation(() => Recommendation, {
    description: "Changes a draft recommendation (national analysts); one in review goes back to draft first, and adopted text does not change.",
  })
  async updateRecommendation(
    @Arg("id", () => ID, { description: "Global ID of the recommendation." }) id: string,
    @Arg("changes", () => RecommendationChanges, { description: "The fields to change; omitted fields stay." }) changes: RecommendationChanges,
    @Arg("version", () => Int, { nullable: true, description: "The version you read; if the recommendation changed since, CONFLICT and nothing changes." })
    version: number | undefined,
    @Ctx() ctx: BookContext,
  ): Promise<Recommendation> {
    const recommendation = await this.inStatus(ctx, id, RecommendationStatus.DRAFT, "be changed", version);
    const next = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined && value !== null)) as Partial<Recommendation>;
    const changed = fieldChanges(recommendation, next);
    if (Object.keys(changed).length === 0) return recommendation;
    ctx.em.assign(recommendation, next);
    recordChange(ctx.em, ctx.identity, subject(recommendation), "EDITED", changed);
    await flushOnce(ctx, id);
    return recommendation;
  }

  @Authorized(Access.ANALYST)
  @Mutation(() => Recommendation, {
    description: "Submits a draft for review (national analysts): its text and evidence are then fixed until it is adopted or returned.",
  })
  async submitRecommendation(
    @Arg("id", () => ID, { description: "Global ID of the recommendation." }) id: string,
    @Arg("version", () => Int, { nullable: true, description: "The version you read; if the recommendation changed since, CONFLICT and nothing changes." })
    version: number | undefined,
    @Ctx() ctx: BookContext,
  ): Promise<Recommendation> {
    const recommendation = await this.inStatus(ctx, id, RecommendationStatus.DRAFT, "be submitted for review", version);
    return this.move(ctx, recommendation, RecommendationStatus.REVIEW, "SUBMITTED", {});
  }

  @Authorized(Access.ANALYST)
  @Mutation(() => Recommendation, { description: "Returns a recommendation in review to draft, with the reason (national analysts)." })
  async returnRecommendation(
    @Arg("id", () => ID, { description: "Global ID of the recommendation." }) id: string,
    @Arg("reason", () => String, { description: "Why it goes back: what the authors should change." }) reason: string,
    @Arg("version", () => Int, { nullable: true, description: "The version you read; if the recommendation changed since, CONFLICT and nothing changes." })
    version: number | undefined,
    @Ctx() ctx: BookContext,
  ): Promise<Recommendation> {
    if (reason.trim().length < 3 || reason.length > 2000) throw hubError(ErrorCode.BAD_USER_INPUT, "reason must be 3 to 2000 characters.", { field: "reason" });
    const recommendation = await this.inStatus(ctx, id, RecommendationStatus.REVIEW, "be returned to draft", version);
    return this.move(ctx, recommendation, RecommendationStatus.DRAFT, "RETURNED", { reason });
  }

  @Authorized(Access.ANALYST)
  @Mutation(() => Recommendation, {
    description:
      "Adopts a recommendation in review into the book (national analysts). Every saved comparison it cites is run once more and its figures kept as the adopted snapshot; while a region is unavailable, adoption waits, so no snapshot misses a region.",
  })
  async adoptRecommendation(
    @Arg("id", () => ID, { description: "Global ID of the recommendation." }) id: string,
    @Arg("version", () => Int, { nullable: true, description: "The version you read; if the recommendation changed since, CONFLICT and nothing changes." })
    version: number | undefined,
    @Ctx() ctx: BookContext,
  ): Promise<Recommendation> {
    const recommendation = await this.inStatus(ctx, id, RecommendationStatus.REVIEW, "be adopted (submit it for review first)", version);
    const comparisons = await ctx.em.find(SavedComparison, { recommendation }, { orderBy: { savedAt: "asc", id: "asc" } });
    const runs = await Promise.all(comparisons.map((saved) => ctx.compare(parametersOf(saved))));
    const missing = [...new Set(runs.flatMap((run) => run.missingRegions))];
    if (missing.length > 0) {
      throw hubError(
        ErrorCode.SHARD_UNAVAILABLE,
        `Not adopted: region(s) ${missing.join(", ")} did not answer, so the snapshot of the evidence would miss their figures. Try again when they are back.`,
        {
          missingRegions: missing,
        },
      );
    }
    const takenAt = new Date();
    comparisons.forEach((saved, index) => ctx.em.assign(saved, { snapshot: runs[index]!.rows, snapshotAt: takenAt }));
    ctx.em.assign(recommendation, { adoptedAt: takenAt, adoptedBy: ctx.identity.subject });
    return this.move(ctx, recommendation, RecommendationStatus.ADOPTED, "ADOPTED", {
      snapshots: comparisons.map((saved) => encodeBookId("SavedComparison", saved.id)),
    });
  }

  @Authorized(Access.ANALYST)
  @Mutation(() => Evidence, {
    description:
      "Cites a regional record (a site, body, activity, indicator value, institution, indicator or partnership) as evidence for a draft (national analysts).",
  })
  async addEvidence(
    @Arg("recommendationId", () => ID, { description: "Global ID of the recommendation." }) recommendationId: string,
    @Arg("targetId", () => ID, { description: "Global ID of the regional record." }) targetId: string,
    @Arg("note", () => String, { description: "Why the record supports the recommendation (3 to 2000 characters)." }) note: string,
    @Ctx() ctx: BookContext,
  ): Promise<Evidence> {
    if (note.trim().length < 3 || note.length > 2000) throw hubError(ErrorCode.BAD_USER_INPUT, "note must be 3 to 2000 characters.", { field: "note" });
    const type = tryDecodeRecordId(targetId)?.type;
    if (!type || !(EVIDENCE_TYPES as readonly string[]).includes(type)) {
      throw hubError(ErrorCode.BAD_USER_INPUT, `${targetId} is not the ID of a regional record the book can cite (${EVIDENCE_TYPES.join(", ")}).`, {
        field: "targetId",
      });
    }
    const recommendation = await this.inStatus(ctx, recommendationId, RecommendationStatus.DRAFT, "get new evidence");
    if (!(await ctx.regionalRecordExists(targetId)))
      throw hubError(ErrorCode.NOT_FOUND, `No regional record with ID ${targetId} that you may see.`, { field: "targetId" });
    const link = ctx.em.create(EvidenceLink, { id: randomUUID(), recommendation, targetType: type as EvidenceType, targetId, note });
    recordChange(ctx.em, ctx.identity, subject(recommendation), "EVIDENCE_ADDED", { evidence: encodeBookId("Evidence", link.id), targetId, note });
    await evidenceChanged(ctx, recommendation);
    return evidenceOf(link);
  }

  @Authorized(Access.ANALYST)
  @Mutation(() => Boolean, { description: "Removes a piece of regional evidence from a draft (national analysts)." })
  async removeEvidence(@Arg("id", () => ID, { description: "Global ID of the evidence." }) id: string, @Ctx() ctx: BookContext): Promise<boolean> {
    const link = await ctx.em.findOne(EvidenceLink, { id: decodeBookId(id, "Evidence") });
    if (!link) throw hubError(ErrorCode.NOT_FOUND, `No evidence with ID ${id}.`, { id });
    const recommendation = await this.inStatus(ctx, encodeBookId("Recommendation", link.recommendation.id), RecommendationStatus.DRAFT, "lose evidence");
    recordChange(ctx.em, ctx.identity, subject(recommendation), "EVIDENCE_REMOVED", { evidence: id, targetId: link.targetId, note: link.note });
    ctx.em.remove(link);
    await evidenceChanged(ctx, recommendation);
    return true;
  }

  @Authorized(Access.ANALYST)
  @Mutation(() => SavedComparison, {
    description:
      "Cites a comparison query as evidence for a draft (national analysts). It is run once now, so a query the hub would refuse is refused here; it is re-run on every read.",
  })
  async addComparisonEvidence(
    @Arg("recommendationId", () => ID, { description: "Global ID of the recommendation." }) recommendationId: string,
    @Arg("comparison", () => ComparisonEvidenceInput, { description: "The comparison." }) input: ComparisonEvidenceInput,
    @Ctx() ctx: BookContext,
  ): Promise<SavedComparison> {
    const recommendation = await this.inStatus(ctx, recommendationId, RecommendationStatus.DRAFT, "get new evidence");
    const parameters = { indicators: input.indicators, by: input.by, grain: input.grain, filter: input.filter ?? null };
    // The comparison runs once to be sure it is one the hub answers, whole: cited evidence never starts with a region missing.
    const run = await ctx.compare(parameters);
    if (run.missingRegions.length > 0) {
      throw hubError(
        ErrorCode.SHARD_UNAVAILABLE,
        `Cannot cite this comparison while ${run.missingRegions.join(", ")} cannot answer for its part; try again when every region is back.`,
        {
          missingRegions: run.missingRegions,
        },
      );
    }
    const saved = ctx.em.create(SavedComparison, {
      id: randomUUID(),
      recommendation,
      note: input.note,
      ...parameters,
      savedBy: ctx.identity.subject ?? "unknown",
      savedAt: new Date(),
      snapshot: null,
      snapshotAt: null,
    });
    recordChange(ctx.em, ctx.identity, subject(recommendation), "COMPARISON_ADDED", {
      comparison: encodeBookId("SavedComparison", saved.id),
      note: input.note,
      ...parameters,
    });
    await evidenceChanged(ctx, recommendation);
    return saved;
  }

  @Authorized(Access.ANALYST)
  @Mutation(() => Boolean, { description: "Removes a saved comparison from a draft (national analysts)." })
  async removeComparisonEvidence(
    @Arg("id", () => ID, { description: "Global ID of the saved comparison." }) id: string,
    @Ctx() ctx: BookContext,
  ): Promise<boolean> {
    const saved = await ctx.em.findOne(SavedComparison, { id: decodeBookId(id, "SavedComparison") });
    if (!saved) throw hubError(ErrorCode.NOT_FOUND, `No saved comparison with ID ${id}.`, { id });
    const recommendation = await this.inStatus(ctx, encodeBookId("Recommendation", saved.recommendation.id), RecommendationStatus.DRAFT, "lose evidence");
    recordChange(ctx.em, ctx.identity, subject(recommendation), "COMPARISON_REMOVED", { comparison: id, note: saved.note, ...parametersOf(saved) });
    ctx.em.remove(saved);
    await evidenceChanged(ctx, recommendation);
    return true;
  }

  private async readable(ctx: BookContext, id: string): Promise<Recommendation> {
    const row = await ctx.em.findOne(Recommendation, { id: decodeBookId(id, "Recommendation") });
    if (!row) throw hubError(ErrorCode.NOT_FOUND, `No recommendation with ID ${id}.`, { id });
    if (!readableStatuses(ctx.identity).includes(row.status)) throw accessDenied(ctx.identity, "a recommendation not yet adopted");
    return row;
  }

  /**
   * The recommendation, if it is in the status the step needs (and at the
   * version the caller read, when given); otherwise CONFLICT naming its status or version.
   */
  private async inStatus(ctx: BookContext, id: string, status: RecommendationStatus, what: string, version?: number): Promise<Recommendation> {
    const row = await this.readable(ctx, id);
    if (version !== undefined && version !== null && row.version !== version) {
      // Who changed it last: often the analyst themself, in another tab; then "someone" would send them looking for a colleague.
      const last = await ctx.em.findOne(BookChange, { subjectType: "Recommendation", subjectId: row.id }, { orderBy: { at: "desc", id: "desc" } });
      const mine = last !== null && last.author === ctx.identity.subject;
      const who = !last ? "it was changed" : mine ? "you changed it yourself" : `${last.author} changed it`;
      const when = last ? ` (last: ${last.action} at ${last.at.toISOString()})` : "";
      throw hubError(ErrorCode.CONFLICT, `Recommendation ${id} is at version ${row.version}, not ${version}: ${who} since you read it${when}. Read it again.`, {
        id,
        currentVersion: row.version,
        ...(last ? { lastChangedBy: mine ? "you" : last.author, lastChangedAt: last.at.toISOString() } : {}),
      });
    }
    if (row.status !== status) {
      throw hubError(ErrorCode.CONFLICT, `Recommendation ${id} is ${row.status}; only a ${status} recommendation can ${what}.`, { id, status: row.status });
    }
    return row;
  }

  private async move(
    ctx: BookContext,
    recommendation: Recommendation,
    status: RecommendationStatus,
    action: string,
    details: Record<string, unknown>,
  ): Promise<Recommendation> {
    recordChange(ctx.em, ctx.identity, subject(recommendation), action, { status: { from: recommendation.status, to: status }, ...details });
    recommendation.status = status;
    await flushOnce(ctx, encodeBookId("Recommendation", recommendation.id));
    return recommendation;
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

/** Writes the change; another analyst's change to the same recommendation that landed first makes it CONFLICT, and nothing is written. */
async function flushOnce(ctx: BookContext, id: string): Promise<void> {
  try {
    await ctx.em.flush();
  } catch (error) {
    if (error instanceof OptimisticLockError)
      throw hubError(ErrorCode.CONFLICT, `Recommendation ${id} changed while this change was written; nothing was written. Read it again.`, { id });
    throw error;
  }
}

/** A change of a draft's evidence is a change of the draft: written with its version raised, in one flush (one transaction). */
async function evidenceChanged(ctx: BookContext, recommendation: Recommendation): Promise<void> {
  recommendation.evidenceChangedAt = new Date();
  await flushOnce(ctx, encodeBookId("Recommendation", recommendation.id));
}

function subject(recommendation: Recommendation) {
  return { type: "Recommendation" as const, id: recommendation.id };
}
