import { registerEnumType } from "type-graphql";

export enum RecommendationStatus {
  DRAFT = "DRAFT",
  REVIEW = "REVIEW",
  ADOPTED = "ADOPTED",
}
registerEnumType(RecommendationStatus, {
  name: "RecommendationStatus",
  description: "Stage of a recommendation.",
  valuesConfig: {
    DRAFT: { description: "Being written; may change." },
    REVIEW: { description: "Submitted for review; adopted from here, or returned to draft for changes." },
    ADOPTED: { description: "Adopted into the book." },
  },
});
