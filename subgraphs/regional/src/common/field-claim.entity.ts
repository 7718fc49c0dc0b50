import { Entity, Enum, Index, PrimaryKey, Property } from "@mikro-orm/core";
import { OmissionReason, ProvenanceKind } from "./enums";

/**
 * What one source says about one field of one record, where that differs
 * from the record's own origin: a field taken from another page, or from
 * several, or derived or inferred rather than stated. A row with an
 * `omission` instead records a fact a page states that the hub leaves out
 * on purpose (a person's name). Written with the seed; a write that changes
 * the field removes its claim (the audit trail keeps what the page said).
 */
@Index({ properties: ["recordId", "recordType"] })
@Entity({ tableName: "field_claim" })
export class FieldClaim {
  /** `<type>:<record>:<field>`, or `<type>:<record>:omitted:<n>`. */
  @PrimaryKey({ type: "string" })
  id!: string;

  @Property({ type: "string" })
  partnership!: string;

  /** GraphQL type of the record, e.g. Partnership. */
  @Property({ type: "string" })
  recordType!: string;

  @Property({ type: "string" })
  recordId!: string;

  /** The GraphQL field; for an omission, what was left out. */
  @Property({ type: "string" })
  field!: string;

  /** Null for an omission. */
  @Enum({ items: () => ProvenanceKind, nullable: true })
  kind?: ProvenanceKind | null;

  @Enum({ items: () => OmissionReason, nullable: true })
  omission?: OmissionReason | null;

  /** Codes of the source pages (this partnership's), in the order they were cited. */
  @Property({ type: "json" })
  sources!: string[];

  /** The formula (derived), the reasoning (inferred) or a detail. */
  @Property({ type: "text", nullable: true })
  note?: string | null;
}
