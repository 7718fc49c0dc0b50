import { decodeGlobalId, ErrorCode, hubError, PARTNERSHIPS } from "@kooperacja/shared";
import type { EntityClass } from "@mikro-orm/core";
import type { RegionalContext } from "../context";

/**
 * Loads the row a global ID names from this shard. IDs of another region are
 * NOT_FOUND here: the gateway routes them to their own shard, so seeing one
 * means the caller reached this subgraph directly with a foreign ID.
 */
export async function loadByGlobalId<T extends { id: string }>(ctx: RegionalContext, entity: EntityClass<T>, id: string): Promise<T> {
  const decoded = decodeGlobalId(id, entity.name);
  if (decoded.partnership !== ctx.partnership) {
    throw hubError(ErrorCode.NOT_FOUND, `${entity.name} ${id} belongs to ${PARTNERSHIPS[decoded.partnership].name}, not to this region's subgraph.`, { id });
  }
  const row = await ctx.loaders.byId(entity).load(decoded.localId);
  if (!row) throw hubError(ErrorCode.NOT_FOUND, `No ${entity.name} with ID ${id}.`, { id });
  return row;
}
