import { Entity, ManyToOne, Property } from "@mikro-orm/core";
import { Source } from "../sources/source.entity";
import { ProvenanceKind } from "./enums";

/**
 * Columns every regional row carries: the partnership that owns it (a shard
 * holds only its own partnership's rows, and says so in every row) and where
 * the row came from.
 */
@Entity({ abstract: true })
export abstract class RegionalRecord {
  @Property({ type: "string", index: true })
  partnership!: string;

  @Property({ type: "string" })
  provenanceKind!: ProvenanceKind;

  @ManyToOne(() => Source, { nullable: true, ref: false })
  source?: Source | null;

  @Property({ type: "text", nullable: true })
  provenanceNote?: string | null;
}
