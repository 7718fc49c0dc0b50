import { Entity, PrimaryKey, Property } from "@mikro-orm/core";
import { CooperationLevel } from "../common/enums";

/**
 * How many live families a site supports, by the families connection's
 * filter fields: the connection's `totalCount` adds these up instead of
 * counting every matching family. Kept with the rollups: rebuilt with them,
 * refreshed for the sites a write of families touches inside its own
 * transaction, and checked with them (analytics/rollups.ts).
 */
@Entity({ tableName: "family_count" })
export class FamilyCount {
  @PrimaryKey({ type: "string" })
  siteId!: string;

  /** 1 with a social contract, 0 without (an integer: the same SQL on SQLite and PostgreSQL). */
  @PrimaryKey({ type: "integer" })
  socialContract!: number;

  @PrimaryKey({ type: "string" })
  cooperationLevel!: CooperationLevel;

  /** The shard's own partnership, as on every row of a region's database. */
  @Property({ type: "string" })
  partnership!: string;

  @Property({ type: "integer" })
  n!: number;
}
