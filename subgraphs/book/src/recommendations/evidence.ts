import { encodeBookId } from "@kooperacja/contract";
import { createUnionType, Directive, Field, ID, ObjectType } from "type-graphql";
import type { EvidenceLink } from "./evidence-link.entity";
import { CooperationBodyRef, IndicatorValueRef, InstitutionRef, OutcomeIndicatorRef, PilotSiteRef, SupportActivityRef } from "../regional/regional-refs";
import { PartnershipExtension } from "../regional/partnership-extension";

export const EvidenceTarget = createUnionType({
  name: "EvidenceTarget",
  description: "A regional record cited as evidence; its fields come from the region that owns it.",
  types: () => [PartnershipExtension, PilotSiteRef, IndicatorValueRef, CooperationBodyRef, SupportActivityRef, InstitutionRef, OutcomeIndicatorRef] as const,
  resolveType: (value) => (value as unknown as { __typename: string }).__typename,
});

@Directive(`@key(fields: "id")`)
@ObjectType({ description: "A piece of regional evidence behind a recommendation." })
export class Evidence {
  @Field(() => ID, { description: "ID of the evidence link." })
  id!: string;

  @Field(() => String, { description: "Why this record supports the recommendation." })
  note!: string;

  @Field(() => EvidenceTarget, {
    nullable: true,
    description:
      "The regional record; null (with an error) when the reader may not see it, e.g. an indicator value for the public, or its region is unavailable.",
  })
  target!: typeof EvidenceTarget;
}

/** A stored evidence link as the API shows it. */
export function evidenceOf(link: EvidenceLink): Evidence {
  return Object.assign(new Evidence(), {
    id: encodeBookId("Evidence", link.id),
    note: link.note,
    target: { __typename: link.targetType, id: link.targetId },
  });
}
