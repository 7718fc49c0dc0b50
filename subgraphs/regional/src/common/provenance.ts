import { Field, ObjectType } from "type-graphql";
import { ProvenanceKind } from "./enums";

@ObjectType({ description: "Where a record comes from: a source page, reference data, synthetic demo data or an import." })
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
