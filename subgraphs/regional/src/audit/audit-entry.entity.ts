import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from "@mikro-orm/core";
import { Directive, Field, ObjectType } from "type-graphql";
import { Node } from "../nodes/node";
import { JSONObjectResolver } from "graphql-scalars";
import { ImportBatch } from "../imports/import-batch.entity";
import { AuditAction } from "./audit-action";

/** One change of one record in this shard: who, when, what, before and after. Rows are only ever added. */
@Index({ properties: ["entityType", "entityId", "id"] })
@Entity({ tableName: "audit_entry" })
@Directive(`@key(fields: "id")`)
@ObjectType({ implements: Node, description: "One change of one record of a region: who, when, what, and the record before and after." })
export class AuditEntry {
  @PrimaryKey({ type: "integer", autoincrement: true })
  id!: number;

  @Property({ type: "string" })
  partnership!: string;

  @Field(() => String, { description: "When the change was committed (ISO 8601, UTC)." })
  @Property({ type: "string" })
  at!: string;

  @Field(() => String, { description: "Who made it: the subject (`sub`) of the verified token." })
  @Property({ type: "string" })
  actor!: string;

  @Field(() => String, { description: "The role the actor acted in." })
  @Property({ type: "string" })
  actorRole!: string;

  @Field(() => AuditAction, { description: "What the change did." })
  @Enum({ items: () => AuditAction })
  action!: AuditAction;

  @Field(() => String, { description: "GraphQL type of the record, e.g. SupportedFamily." })
  @Property({ type: "string" })
  entityType!: string;

  /** The record's key in its table (the global ID is derived). */
  @Property({ type: "string" })
  entityId!: string;

  @Field(() => JSONObjectResolver, { nullable: true, description: "The stored fields before the change (relations as their keys); null for a creation." })
  @Property({ type: "json", nullable: true })
  before?: Record<string, unknown> | null;

  @Field(() => JSONObjectResolver, { nullable: true, description: "The stored fields after the change." })
  @Property({ type: "json", nullable: true })
  after?: Record<string, unknown> | null;

  @ManyToOne(() => ImportBatch, { nullable: true, ref: false })
  importBatch?: ImportBatch | null;
}
