import { Entity, ManyToOne, PrimaryKey, Property } from "@mikro-orm/core";
import { GraphQLJSONObject } from "graphql-scalars";
import { Authorized, Directive, Field, GraphQLISODateTime, ObjectType } from "type-graphql";
import { Access } from "../access";
import type { ComparisonFigure } from "../hub/hub-client";
import { Recommendation } from "../recommendations/recommendation.entity";

/**
 * A comparison query cited as evidence: its parameters, re-run live on every
 * read, and the figures it gave when the recommendation was adopted, kept so
 * adopted text never silently changes.
 */
@Entity({ tableName: "saved_comparison" })
@Directive(`@key(fields: "id")`)
@ObjectType({ description: "A comparison query cited as evidence: re-run live, and kept as it was at adoption." })
export class SavedComparison {
  @PrimaryKey({ type: "string" })
  id!: string;

  @ManyToOne(() => Recommendation, { ref: false, index: true })
  recommendation!: Recommendation;

  @Field(() => String, { description: "What the comparison shows and why it supports the recommendation." })
  @Property({ type: "text" })
  note!: string;

  @Field(() => [String], { description: "Indicator codes compared." })
  @Property({ type: "json" })
  indicators!: string[];

  @Field(() => [String], { description: "Dimensions grouped by (CompareDimension values)." })
  @Property({ type: "json" })
  by!: string[];

  @Field(() => String, { description: "Period grain (MONTH, QUARTER or YEAR)." })
  @Property({ type: "string" })
  grain!: string;

  @Field(() => GraphQLJSONObject, { nullable: true, description: "The comparison's filter (a CompareFilter), if any." })
  @Property({ type: "json", nullable: true })
  filter?: Record<string, unknown> | null;

  @Authorized(Access.ANALYST)
  @Field(() => String, { nullable: true, description: "Who saved it: the `sub` of the national analyst's token (national analysts only)." })
  @Property({ type: "string" })
  savedBy!: string;

  @Field(() => GraphQLISODateTime, { description: "When it was saved." })
  @Property({ type: "datetime" })
  savedAt!: Date;

  /** The figures at adoption; null until the recommendation is adopted. */
  @Property({ type: "json", nullable: true })
  snapshot?: ComparisonFigure[] | null;

  @Property({ type: "datetime", nullable: true })
  snapshotAt?: Date | null;
}
