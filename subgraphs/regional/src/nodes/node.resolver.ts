import { decodeGlobalId, ErrorCode, hubError, tryDecodeBookId, tryDecodeRecordId } from "@kooperacja/contract";
import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import { assertReadable } from "../access/row-scope";
import { loadByGlobalId } from "../common/lookup";
import { Shard } from "../common/shard";
import type { RegionalContext } from "../context";
import { Node } from "./node";
import { BOOK_NODES } from "./book-nodes";
import { NODE_TYPES } from "./node-types";

/** Most IDs one `nodes` call may ask for. */
const MAX_NODES = 500;

/** A record of the book, as `node` knows it: its type and ID (the gateway asks the book for the rest). */
function bookNodeOf(id: string): { id: string } | null {
  const decoded = tryDecodeBookId(id);
  const type = decoded && BOOK_NODES.get(decoded.type);
  return type ? Object.assign(new type(), { id }) : null;
}

function entityOf(id: string) {
  const decoded = tryDecodeRecordId(id) ?? decodeGlobalId(id);
  const entity = NODE_TYPES.get(decoded.type);
  if (!entity) throw hubError(ErrorCode.BAD_USER_INPUT, `ID ${id} names type ${decoded.type}, which has no records here.`, { id });
  return entity;
}

@Resolver()
export class NodeResolver {
  @Shard.route("id")
  @Query(() => Node, { nullable: true, description: "Any record by its global ID (Relay): a region's, the catalogue's or the book's." })
  async node(@Arg("id", () => ID, { description: "Global ID of the record." }) id: string, @Ctx() ctx: RegionalContext): Promise<unknown> {
    const book = bookNodeOf(id);
    if (book) return book;
    const entity = entityOf(id);
    const row = await loadByGlobalId(ctx, entity, id);
    await assertReadable(ctx, row, entity.name);
    return row;
  }

  @Shard.routeMany("ids")
  @Query(() => [Node], {
    nullable: "items",
    description: "Records by their global IDs (a region's, the catalogue's or the book's), in the order asked; null for an ID with no record.",
  })
  async nodes(@Arg("ids", () => [ID], { description: "Global IDs of the records." }) ids: string[], @Ctx() ctx: RegionalContext): Promise<unknown[]> {
    if (ids.length > MAX_NODES) throw hubError(ErrorCode.BAD_USER_INPUT, `At most ${MAX_NODES} IDs at once.`, { argument: "ids" });
    // Validate every ID before loading any, so a bad one fails the call as a whole.
    const books = ids.map(bookNodeOf);
    const entities = ids.map((id, index) => (books[index] ? null : entityOf(id)));
    const rows = await Promise.all(
      ids.map(async (id, index) => {
        if (books[index]) return books[index];
        const decoded = tryDecodeRecordId(id)!;
        // A catalogue entry (no partnership) is here as in every region.
        return decoded.partnership === null || decoded.partnership === ctx.partnership ? ctx.loaders.byId(entities[index]!).load(decoded.localId) : null;
      }),
    );
    for (const [index, row] of rows.entries()) if (entities[index]) await assertReadable(ctx, row, entities[index]!.name);
    return rows;
  }
}
