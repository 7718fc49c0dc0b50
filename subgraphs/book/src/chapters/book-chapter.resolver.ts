import { encodeBookId, decodeBookId, ErrorCode, hubError } from "@kooperacja/contract";
import { IsInt, IsOptional, Length, Max, Min } from "class-validator";
import { randomUUID } from "node:crypto";
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { Access, readableStatuses } from "../access";
import type { BookContext } from "../context";
import { BookChange } from "../history/book-change.entity";
import { fieldChanges, recordChange } from "../history/history";
import { Recommendation } from "../recommendations/recommendation.entity";
import { BookChapter } from "./book-chapter.entity";

@InputType({ description: "A chapter's title and summary." })
class ChapterChanges {
  @IsOptional()
  @Length(3, 200)
  @Field(() => String, { nullable: true, description: "Title (3 to 200 characters)." })
  title?: string;

  @IsOptional()
  @Length(3, 5000)
  @Field(() => String, { nullable: true, description: "What the chapter covers (3 to 5000 characters)." })
  summary?: string;
}

@InputType({ description: "A new chapter of the book." })
class NewChapter {
  @IsInt()
  @Min(1)
  @Max(999)
  @Field(() => Int, { description: "Chapter number (1 to 999), not yet taken." })
  number!: number;

  @Length(3, 200)
  @Field(() => String, { description: "Title (3 to 200 characters)." })
  title!: string;

  @Length(3, 5000)
  @Field(() => String, { description: "What the chapter covers (3 to 5000 characters)." })
  summary!: string;
}

const subject = (chapter: BookChapter) => ({ type: "BookChapter" as const, id: chapter.id });

@Resolver(() => BookChapter)
export class BookChapterResolver {
  @Query(() => [BookChapter], { description: "Chapters of the national recommendation book, in order." })
  bookChapters(@Ctx() ctx: BookContext): Promise<BookChapter[]> {
    return ctx.em.find(BookChapter, {}, { orderBy: { number: "asc" } });
  }

  @Query(() => BookChapter, { nullable: true, description: "One chapter by ID." })
  async bookChapter(@Arg("id", () => ID, { description: "Global ID of the chapter." }) id: string, @Ctx() ctx: BookContext): Promise<BookChapter> {
    const chapter = await ctx.em.findOne(BookChapter, { id: decodeBookId(id, "BookChapter") });
    if (!chapter) throw hubError(ErrorCode.NOT_FOUND, `No chapter with ID ${id}.`, { id });
    return chapter;
  }

  @Authorized(Access.ANALYST)
  @Mutation(() => BookChapter, { description: "Adds a chapter to the book (national analysts)." })
  async createChapter(@Arg("input", () => NewChapter, { description: "The chapter." }) input: NewChapter, @Ctx() ctx: BookContext): Promise<BookChapter> {
    if (await ctx.em.findOne(BookChapter, { number: input.number })) {
      throw hubError(ErrorCode.CONFLICT, `Chapter ${input.number} exists already.`, { field: "number" });
    }
    const chapter = ctx.em.create(BookChapter, { id: randomUUID(), number: input.number, title: input.title, summary: input.summary, demo: false });
    recordChange(ctx.em, ctx.identity, subject(chapter), "CREATED", { ...input });
    await ctx.em.flush();
    return chapter;
  }

  @Authorized(Access.ANALYST)
  @Mutation(() => BookChapter, { description: "Changes a chapter's title or summary (national analysts)." })
  async updateChapter(
    @Arg("id", () => ID, { description: "Global ID of the chapter." }) id: string,
    @Arg("changes", () => ChapterChanges, { description: "The fields to change; omitted fields stay." }) changes: ChapterChanges,
    @Ctx() ctx: BookContext,
  ): Promise<BookChapter> {
    const chapter = await this.bookChapter(id, ctx);
    const next = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined && value !== null)) as Partial<BookChapter>;
    const changed = fieldChanges(chapter, next);
    if (Object.keys(changed).length === 0) return chapter;
    ctx.em.assign(chapter, next);
    recordChange(ctx.em, ctx.identity, subject(chapter), "EDITED", changed);
    await ctx.em.flush();
    return chapter;
  }

  @FieldResolver(() => ID, { description: "Global, opaque ID." })
  id(@Root() chapter: BookChapter): string {
    return encodeBookId("BookChapter", chapter.id);
  }

  @FieldResolver(() => [Recommendation], { description: "Recommendations of the chapter, in order (those not yet adopted for national analysts only)." })
  async recommendations(@Root() chapter: BookChapter, @Ctx() ctx: BookContext): Promise<Recommendation[]> {
    const all = await ctx.loaders.manyBy(Recommendation, "chapter", { number: "asc" }).load(chapter.id);
    const readable = readableStatuses(ctx.identity);
    return all.filter((recommendation) => readable.includes(recommendation.status));
  }

  @Authorized(Access.ANALYST)
  @FieldResolver(() => [BookChange], { description: "Every change to the chapter, oldest first (national analysts)." })
  history(@Root() chapter: BookChapter, @Ctx() ctx: BookContext): Promise<BookChange[]> {
    return ctx.em.find(BookChange, { subjectType: "BookChapter", subjectId: chapter.id }, { orderBy: { id: "asc" } });
  }
}
