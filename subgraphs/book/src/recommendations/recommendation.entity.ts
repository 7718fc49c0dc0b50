import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Opt } from "@mikro-orm/core";
import { Authorized, Directive, Field, GraphQLISODateTime, Int, ObjectType } from "type-graphql";
import { Access } from "../access";
import { BookChapter } from "../chapters/book-chapter.entity";
import { MunicipalityKind, Sector } from "@kooperacja/subgraph-kit";
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

  @Field(() => Int, {
    description: "Version of the recommendation, raised by every change to it; send it with a change so you never overwrite another analyst's.",
  })
  @Property({ type: "integer", version: true, default: 1 })
  version!: number & Opt;

  /**
   * When its evidence last changed. Evidence lives in rows of its own; setting
   * this makes the change a change of the recommendation too, so its version
   * goes up in the same UPDATE (an optimistic-lock check) on every database.
   */
  @Property({ type: "datetime", nullable: true })
  evidenceChangedAt?: Date | null;

  @Field(() => RecommendationStatus, { description: "Draft, in review, or adopted." })
  @Enum({ items: () => RecommendationStatus, index: true })
  status!: RecommendationStatus;

  @Field(() => [MunicipalityKind], { description: "Kinds of gmina the recommendation is for (empty: all)." })
  @Property({ type: "json" })
  targetMunicipalityKinds!: MunicipalityKind[];

  @Field(() => [Sector], { description: "Sectors the recommendation is for (empty: all)." })
  @Property({ type: "json", default: "[]" })
  targetSectors!: Sector[];

  @Authorized(Access.ANALYST)
  @Field(() => String, {
    nullable: true,
    description:
      "Who wrote it: the `sub` of the national analyst's token (null for seeded demo content). National analysts only: account names are not published.",
  })
  @Property({ type: "string", nullable: true })
  createdBy?: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: "When it was created (null for seeded demo content)." })
  @Property({ type: "datetime", nullable: true })
  createdAt?: Date | null;

  @Authorized(Access.ANALYST)
  @Field(() => String, { nullable: true, description: "Who adopted it (national analysts only)." })
  @Property({ type: "string", nullable: true })
  adoptedBy?: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: "When it was adopted." })
  @Property({ type: "datetime", nullable: true })
  adoptedAt?: Date | null;

  @Field(() => Boolean, { description: "True for demo content seeded so the hub has something to show; not text of the real book." })
  @Property({ type: "boolean" })
  demo!: boolean;
}
