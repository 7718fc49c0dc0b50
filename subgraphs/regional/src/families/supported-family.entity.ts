import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from "@mikro-orm/core";
import { Authorized, Directive, Field, ObjectType } from "type-graphql";
import { Access } from "../access/access-rules";
import { CooperationLevel } from "../common/enums";
import { RegionalRecord } from "../common/regional-record";
import { Node } from "../nodes/node";
import { PilotSite } from "../sites/pilot-site.entity";

/**
 * A person or family supported under the model. Pseudonymous by design: the
 * table has no column for a name, address or PESEL, so none can leak. Every
 * field is the owner's only, however the record was reached.
 */
// Keyset pages order by (column, id): these indexes serve them without a sort.
@Index({ properties: ["startedOn", "id"] })
// A page's totalCount counts the live families its filters take: read from this index alone, not the rows
// (Liderzy's national shard, families with a social contract: 9.0 → 1.9 ms).
@Index({ properties: ["archivedAt", "socialContract", "cooperationLevel", "site"] })
@Entity({ tableName: "supported_family" })
@Directive(`@key(fields: "id")`)
@ObjectType({ implements: Node, description: "A person or family supported under a model, known only by a pseudonymous code." })
export class SupportedFamily extends RegionalRecord {
  @PrimaryKey({ type: "string" })
  id!: string;

  @Authorized(Access.OWN_PARTNERSHIP)
  @Field(() => String, { description: "Pseudonymous code; never a name or PESEL." })
  @Property({ type: "string", unique: true })
  code!: string;

  @ManyToOne(() => PilotSite, { ref: false, index: true })
  site!: PilotSite;

  @Authorized(Access.OWN_PARTNERSHIP)
  @Field(() => CooperationLevel, { description: "Level of cooperation at which the family is supported." })
  @Enum({ items: () => CooperationLevel })
  cooperationLevel!: CooperationLevel;

  @Authorized(Access.OWN_PARTNERSHIP)
  @Field(() => Boolean, { description: "Whether a social contract (kontrakt socjalny) was concluded." })
  @Property({ type: "boolean" })
  socialContract!: boolean;

  @Authorized(Access.OWN_PARTNERSHIP)
  @Field(() => String, { description: "Start of support (ISO date)." })
  @Property({ type: "string" })
  startedOn!: string;

  @Authorized(Access.OWN_PARTNERSHIP)
  @Field(() => String, { nullable: true, description: "End of support (ISO date); null while support continues." })
  @Property({ type: "string", nullable: true })
  endedOn?: string | null;

  /** Secret and permanent: the family's share of every cell key (docs/privacy.md). Never in the schema. */
  @Property({ type: "integer", default: 0 })
  recordKey!: number;
}
