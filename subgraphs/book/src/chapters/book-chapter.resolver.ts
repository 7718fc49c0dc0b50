import { encodeBookId } from "@kooperacja/shared";
import { Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { BookContext } from "../context";
import { Recommendation } from "../recommendations/recommendation.entity";
import { BookChapter } from "./book-chapter.entity";

@Resolver(() => BookChapter)
export class BookChapterResolver {
  @Query(() => [BookChapter], { description: "Chapters of the national recommendation book, in order." })
  bookChapters(@Ctx() ctx: BookContext): Promise<BookChapter[]> {
    return ctx.em.find(BookChapter, {}, { orderBy: { number: "asc" } });
  }

  @FieldResolver(() => ID, { description: "Global, opaque ID." })
  id(@Root() chapter: BookChapter): string {
    return encodeBookId("BookChapter", chapter.id);
  }

  @FieldResolver(() => [Recommendation], { description: "Recommendations of the chapter, in order." })
  recommendations(@Root() chapter: BookChapter, @Ctx() ctx: BookContext): Promise<Recommendation[]> {
    return ctx.loaders.manyBy(Recommendation, "chapter", { number: "asc" }).load(chapter.id);
  }
}
