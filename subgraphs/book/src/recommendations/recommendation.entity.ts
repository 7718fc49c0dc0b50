import { Entity, ManyToOne, PrimaryKey, Property } from "@mikro-orm/core";
import { Directive, Field, Int, ObjectType } from "type-graphql";
import { BookChapter } from "../chapters/book-chapter.entity";
import { MunicipalityKind } from "@kooperacja/shared";
import { RecommendationStatus } from "./recommendation-status";

@Entity({ tableName: "recommendation" })
@Directive(`@key(fields: "id")`)
@ObjectType({ description: "A recommendation of the national book, with the regional evidence behind it." })
export class Recommendation {
  @PrimaryKey({ type: "string" })
  id!: string;

  @ManyToOne(() => BookChapter, { ref: false, index: true })
  chapter!: BookChapter;

  @Field(() => Int, { description: "Number of the recommendation within its chapter." })
  @Property({ type: "integer" })
  number!: number;

  @Field(() => String, { description: "Short title." })
  @Property({ type: "string" })
  title!: string;

  @Field(() => String, { description: "Text of the recommendation." })
  @Property({ type: "text" })
  text!: string;

  @Field(() => RecommendationStatus, { description: "Draft or adopted." })
  @Property({ type: "string", index: true })
  status!: RecommendationStatus;

  @Field(() => [MunicipalityKind], { description: "Kinds of gmina the recommendation is for (empty: all)." })
  @Property({ type: "json" })
  targetMunicipalityKinds!: MunicipalityKind[];

  @Field(() => Boolean, { description: "True for demo content seeded so the hub has something to show; not text of the real book." })
  @Property({ type: "boolean" })
  demo!: boolean;
}
