import { decodeGlobalId, encodeRecordId, ErrorCode, hubError, MAX_PAGE_SIZE, type PartnershipKey } from "@kooperacja/contract";
import type { FilterQuery } from "@mikro-orm/core";
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from "type-graphql";
import { Access } from "../access/access-rules";
import { assertServes } from "../common/lookup";
import { Shard } from "../common/shard";
import type { RegionalContext } from "../context";
import { ImportBatch } from "../imports/import-batch.entity";
import { AuditEntry } from "./audit-entry.entity";

@ObjectType({ description: "A page of a region's audit trail, newest change first." })
class AuditTrailPage {
  @Field(() => [AuditEntry], { description: "The changes on this page." })
  entries!: AuditEntry[];

  @Field(() => String, { nullable: true, description: "Pass as `after` for the next page; null on the last page." })
  nextCursor!: string | null;
}

const cursorOf = (entry: AuditEntry) => Buffer.from(`audit:${entry.id}`).toString("base64url");

function positionOf(cursor: string): number {
  const match = /^audit:(\d{1,15})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!match) throw hubError(ErrorCode.BAD_USER_INPUT, `Malformed cursor ${JSON.stringify(cursor)} for the audit trail.`, { field: "after" });
  return Number(match[1]);
}

@Resolver(() => AuditEntry)
export class AuditEntryResolver {
  @Authorized(Access.OWN_PARTNERSHIP)
  @Shard.partnership("partnership")
  @Query(() => AuditTrailPage, { description: "Every change to a region's records, newest first: who, when, before and after (that region's owner only)." })
  async auditTrail(
    @Arg("partnership", () => String, { description: "The region: liderzy, kooperacja or kooperacje3d." }) partnership: string,
    @Arg("record", () => ID, { nullable: true, description: "Only the changes of this record (global ID)." }) record: string | undefined,
    @Arg("first", () => Int, { defaultValue: 50, description: `Page size, at most ${MAX_PAGE_SIZE}.` }) first: number,
    @Arg("after", () => String, { nullable: true, description: "Cursor from the previous page." }) after: string | undefined,
    @Ctx() ctx: RegionalContext,
  ): Promise<AuditTrailPage> {
    assertServes(ctx, partnership);
    if (first < 1 || first > MAX_PAGE_SIZE) throw hubError(ErrorCode.BAD_USER_INPUT, `first must be between 1 and ${MAX_PAGE_SIZE}.`, { field: "first" });
    const where: FilterQuery<AuditEntry> = {};
    if (record) {
      const decoded = decodeGlobalId(record);
      Object.assign(where, { entityType: decoded.type, entityId: decoded.localId });
    }
    if (after) Object.assign(where, { id: { $lt: positionOf(after) } });
    const rows = await ctx.em.find(AuditEntry, where, { orderBy: { id: "desc" }, limit: first + 1 });
    const entries = rows.slice(0, first);
    return Object.assign(new AuditTrailPage(), { entries, nextCursor: rows.length > first ? cursorOf(entries[entries.length - 1]!) : null });
  }

  @FieldResolver(() => ID, { description: "Global, opaque ID of the entry (`node(id:)` finds it, for its region's owner)." })
  id(@Root() entry: AuditEntry): string {
    return encodeRecordId(entry.partnership as PartnershipKey, "AuditEntry", String(entry.id));
  }

  @FieldResolver(() => ID, { description: "Global ID of the record that changed (archived records keep theirs)." })
  record(@Root() entry: AuditEntry): string {
    return encodeRecordId(entry.partnership as PartnershipKey, entry.entityType, entry.entityId);
  }

  @FieldResolver(() => ImportBatch, { nullable: true, description: "The import that made the change; null for a change by form." })
  async import(@Root() entry: AuditEntry, @Ctx() ctx: RegionalContext): Promise<ImportBatch | null> {
    return entry.importBatch ? ctx.loaders.byId(ImportBatch).load(entry.importBatch.id) : null;
  }
}
