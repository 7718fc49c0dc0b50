import { registerEnumType } from "type-graphql";

export enum RecommendationStatus {
  DRAFT = "DRAFT",
  ADOPTED = "ADOPTED",
}
registerEnumType(RecommendationStatus, {
  name: "RecommendationStatus",
  description: "Stage of a recommendation.",
  valuesConfig: {
    DRAFT: { description: "Being written; may change." },
    ADOPTED: { description: "Adopted into the book." },
  },
});
