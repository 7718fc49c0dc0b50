import { Entity, PrimaryKey, Property } from "@mikro-orm/core";
import { Directive, Field, Int, ObjectType } from "type-graphql";

@Entity({ tableName: "book_chapter" })
@Directive(`@key(fields: "id")`)
@ObjectType({ description: "A chapter of the national recommendation book (Księga rekomendacyjna)." })
export class BookChapter {
  @PrimaryKey({ type: "string" })
  id!: string;

  @Field(() => Int, { description: "Chapter number." })
  @Property({ type: "integer", unique: true })
  number!: number;

  @Field(() => String, { description: "Title of the chapter." })
  @Property({ type: "string" })
  title!: string;

  @Field(() => String, { description: "What the chapter covers." })
  @Property({ type: "text" })
  summary!: string;

  @Field(() => Boolean, { description: "True for demo content seeded so the hub has something to show; not text of the real book." })
  @Property({ type: "boolean" })
  demo!: boolean;
}
