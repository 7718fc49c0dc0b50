import { Entity, ManyToOne, PrimaryKey, Property } from "@mikro-orm/core";
import { Recommendation } from "./recommendation.entity";

/** Which partnerships' models a recommendation draws on (by the partnership's global ID). */
@Entity({ tableName: "recommendation_partnership" })
export class RecommendationPartnership {
  @PrimaryKey({ type: "string" })
  id!: string;

  @ManyToOne(() => Recommendation, { ref: false, index: true })
  recommendation!: Recommendation;

  @Property({ type: "string", index: true })
  partnershipId!: string;
}
