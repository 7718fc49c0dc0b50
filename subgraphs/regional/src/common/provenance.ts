import { Field, ObjectType } from "type-graphql";
import { OmissionReason, ProvenanceKind } from "./enums";

@ObjectType({
  description:
    "Where one field of a record comes from, where that differs from the record's own origin: stated on another page or on several, derived from page facts, or inferred from them.",
})
export class FieldProvenance {
  @Field(() => String, { description: "The field of the record, e.g. `macroregion`." })
  field!: string;

  @Field(() => ProvenanceKind, { description: "Kind of origin of this field." })
  kind!: ProvenanceKind;

  @Field(() => String, { nullable: true, description: "The formula (DERIVED), the reasoning (INFERRED) or further detail." })
  note?: string | null;

  /** Page codes, resolved to Sources. */
  sourceIds!: string[];
}

@ObjectType({ description: "A fact a source page states that the hub deliberately does not keep, and why." })
export class Omission {
  @Field(() => String, { description: 'What was left out, e.g. "the director\'s name".' })
  what!: string;

  @Field(() => OmissionReason, { description: "Why it was left out." })
  reason!: OmissionReason;

  @Field(() => String, { nullable: true, description: "Further detail." })
  note?: string | null;

  /** The page that states it, resolved to a Source. */
  sourceId!: string | null;
}

@ObjectType({
  description: "Where a record comes from: a source page, reference data, synthetic demo data or an import; and, field by field, where it draws on more.",
})
export class Provenance {
  @Field(() => ProvenanceKind, { description: "Kind of origin." })
  kind!: ProvenanceKind;

  @Field(() => Boolean, { description: "True for generated demo data that is not a real observation." })
  synthetic!: boolean;

  @Field(() => String, { nullable: true, description: "Further detail on the origin (e.g. which sentence, or that a value is approximate)." })
  note?: string | null;

  /** Resolved to a Source by the provenance resolver. */
  sourceId?: string | null;

  /** Resolved to the ImportBatch that created the record. */
  importBatchId?: string | null;

  /** The record, for its history in the audit trail. */
  recordType!: string;
  recordId!: string;
}
