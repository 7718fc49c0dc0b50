import { Entity, Index, PrimaryKey, Property } from "@mikro-orm/core";
import { Field, GraphQLISODateTime, ObjectType } from "type-graphql";
import { GraphQLJSONObject } from "graphql-scalars";

/** One change to the book: who did what to which chapter or recommendation, when, and what it was before and after. */
@Index({ properties: ["subjectType", "subjectId", "at"] })
@Entity({ tableName: "book_change" })
@ObjectType({ description: "One change to the book: who changed what, and when." })
export class BookChange {
  /** In the order the changes were made. */
  @PrimaryKey({ type: "integer", autoincrement: true })
  id!: number;

  /** "BookChapter" or "Recommendation". */
  @Property({ type: "string" })
  subjectType!: string;

  @Property({ type: "string" })
  subjectId!: string;

  @Field(() => GraphQLISODateTime, { description: "When the change was made." })
  @Property({ type: "datetime" })
  at!: Date;

  @Field(() => String, { description: "Who made it: the `sub` of the national analyst's token." })
  @Property({ type: "string" })
  author!: string;

  @Field(() => String, {
    description: "What was done: CREATED, EDITED, SUBMITTED, RETURNED, ADOPTED, EVIDENCE_ADDED, EVIDENCE_REMOVED, COMPARISON_ADDED, COMPARISON_REMOVED.",
  })
  @Property({ type: "string" })
  action!: string;

  @Field(() => GraphQLJSONObject, { description: "What changed: for each field, its value before and after; or what was added or removed." })
  @Property({ type: "json" })
  changes!: Record<string, unknown>;
}
