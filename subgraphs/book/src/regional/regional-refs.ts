import { Directive, Field, ID, ObjectType } from "type-graphql";

/**
 * Regional entities as the book sees them: a key only. The gateway fetches
 * every other field from the regional shard that owns the ID.
 */
function regionalReference(name: string, description: string) {
  @Directive(`@key(fields: "id", resolvable: false)`)
  @ObjectType(name, { description })
  class RegionalReference {
    @Field(() => ID, { description: "Global ID of the regional record." })
    id!: string;
  }
  return RegionalReference;
}

export const PilotSiteRef = regionalReference("PilotSite", "A pilot site of a regional partnership.");
export const IndicatorValueRef = regionalReference("IndicatorValue", "An indicator value of a regional partnership.");
export const CooperationBodyRef = regionalReference("CooperationBody", "A cooperation body of a regional partnership.");
export const SupportActivityRef = regionalReference("SupportActivity", "A support activity of a regional partnership.");
export const InstitutionRef = regionalReference("Institution", "An institution of a regional partnership.");
export const OutcomeIndicatorRef = regionalReference("OutcomeIndicator", "An outcome indicator of the catalogue.");

/** The regional types a recommendation may cite as evidence, by GraphQL name. */
export const EVIDENCE_TYPES = ["Partnership", "PilotSite", "IndicatorValue", "CooperationBody", "SupportActivity", "Institution", "OutcomeIndicator"] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];
