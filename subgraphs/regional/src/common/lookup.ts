import { decodeGlobalId, ErrorCode, hubError, isPartnershipKey, PARTNERSHIPS, tryDecodeRecordId } from "@kooperacja/contract";
import type { EntityClass } from "@mikro-orm/core";
import type { RegionalContext } from "../context";

/**
 * Loads the row a global ID names from this shard. IDs of another region are
 * NOT_FOUND here: the gateway routes them to their own shard, so seeing one
 * means the caller reached this subgraph directly with a foreign ID.
 */
export async function loadByGlobalId<T extends { id: string }>(ctx: RegionalContext, entity: EntityClass<T>, id: string): Promise<T> {
  const row = await ctx.loaders.byId(entity).load(localIdHere(ctx, entity.name, id));
  if (!row) throw hubError(ErrorCode.NOT_FOUND, `No ${entity.name} with ID ${id}.`, { id });
  return row;
}

/** The key in this shard's table of a global ID of type `typeName`; another region's ID is NOT_FOUND here. */
export function localIdHere(ctx: RegionalContext, typeName: string, id: string): string {
  const record = tryDecodeRecordId(id);
  // A catalogue entry is in every region, this one included.
  if (record && record.partnership === null && record.type === typeName) return record.localId;
  const decoded = decodeGlobalId(id, typeName);
  if (decoded.partnership !== ctx.partnership) {
    throw hubError(ErrorCode.NOT_FOUND, `${typeName} ${id} belongs to ${PARTNERSHIPS[decoded.partnership].name}, not to this region's subgraph.`, { id });
  }
  return decoded.localId;
}

/**
 * A write or a region's own records name their partnership; through the
 * gateway that is always this shard's, so another one means a direct call
 * to the wrong subgraph.
 */
export function assertServes(ctx: RegionalContext, partnership: string): void {
  if (partnership === ctx.partnership) return;
  throw hubError(
    ErrorCode.BAD_USER_INPUT,
    isPartnershipKey(partnership)
      ? `This subgraph serves ${PARTNERSHIPS[ctx.partnership].name}, not ${partnership}; send the request through the gateway.`
      : `Unknown partnership ${JSON.stringify(partnership)}.`,
    { field: "partnership" },
  );
}
