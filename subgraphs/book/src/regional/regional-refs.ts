import { Directive, Field, ID, ObjectType } from "type-graphql";

/**
 * Regional entities as the book sees them: a key only. The gateway fetches
 * every other field from the regional shard that owns the ID. No
 * descriptions: the type is the regions', and so are its descriptions
 * (composition would otherwise choose between two).
 */
function regionalReference(name: string) {
  @Directive(`@key(fields: "id", resolvable: false)`)
  @ObjectType(name)
  class RegionalReference {
    @Field(() => ID)
    id!: string;
  }
  return RegionalReference;
}

export const PilotSiteRef = regionalReference("PilotSite");
export const IndicatorValueRef = regionalReference("IndicatorValue");
export const CooperationBodyRef = regionalReference("CooperationBody");
export const SupportActivityRef = regionalReference("SupportActivity");
export const InstitutionRef = regionalReference("Institution");
export const OutcomeIndicatorRef = regionalReference("OutcomeIndicator");

/** The regional types a recommendation may cite as evidence, by GraphQL name. */
export const EVIDENCE_TYPES = ["Partnership", "PilotSite", "IndicatorValue", "CooperationBody", "SupportActivity", "Institution", "OutcomeIndicator"] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];
