import { Entity, Enum, ManyToOne, PrimaryKey, Property } from "@mikro-orm/core";
import { EVIDENCE_TYPES, type EvidenceType } from "../regional/regional-refs";
import { Recommendation } from "./recommendation.entity";

/** A reference from a recommendation to a regional record that supports it. */
@Entity({ tableName: "evidence_link" })
export class EvidenceLink {
  @PrimaryKey({ type: "string" })
  id!: string;

  @ManyToOne(() => Recommendation, { ref: false, index: true })
  recommendation!: Recommendation;

  /** GraphQL type of the regional record. */
  @Enum({ items: [...EVIDENCE_TYPES] })
  targetType!: EvidenceType;

  /** Global ID of the regional record; it names the shard that holds it. */
  @Property({ type: "string" })
  targetId!: string;

  @Property({ type: "text" })
  note!: string;
}
