import { Entity, Filter, ManyToOne, Property, type Opt } from "@mikro-orm/core";
import { Field, Int, ObjectType } from "type-graphql";
import { ImportBatch } from "../imports/import-batch.entity";
import { Source } from "../sources/source.entity";
import { ProvenanceKind } from "./enums";

/**
 * Columns every regional row carries: the partnership that owns it (a shard
 * holds only its own partnership's rows, and says so in every row), where
 * the row came from, its version for optimistic concurrency, and whether it
 * was archived. Archived rows stay in the table (the audit trail points at
 * them) but no read sees them.
 */
// A default filter: every em.find leaves archived rows out; query-builder SQL adds `archived_at is null` itself.
@Filter({ name: "live", cond: { archivedAt: null }, default: true })
@Entity({ abstract: true })
@ObjectType({ description: "Fields every regional record has; not a type of its own in the schema." })
export abstract class RegionalRecord {
  @Property({ type: "string", index: true })
  partnership!: string;

  @Property({ type: "string" })
  provenanceKind!: ProvenanceKind;

  @ManyToOne(() => Source, { nullable: true, ref: false })
  source?: Source | null;

  @Property({ type: "text", nullable: true })
  provenanceNote?: string | null;

  /** The import that created the row; later changes are in the audit trail, so the origin is never overwritten. */
  @ManyToOne(() => ImportBatch, { nullable: true, ref: false })
  importBatch?: ImportBatch | null;

  @Field(() => Int, { description: "Version of the record, raised by every change. An update must name the version it was based on." })
  @Property({ type: "integer", version: true, default: 1 })
  version!: number & Opt;

  @Property({ type: "string", nullable: true })
  archivedAt?: string | null;
}
