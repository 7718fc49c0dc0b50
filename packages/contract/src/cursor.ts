import { createHmac, timingSafeEqual } from "node:crypto";
import { ErrorCode, hubError } from "./errors";

/**
 * Connection cursors. A shard pages with keyset cursors over (sort value,
 * local id); the gateway's cursors hold one position in the national order
 * (sort value, partnership rank, local id), from which it derives each
 * shard's own position, and are signed so a tampered one is refused.
 */

export type SortValue = string | number;

/**
 * A shard's position: rows strictly after (or before) it in the requested order.
 * `id: null` marks a position between values: `inclusive` then says whether
 * rows equal to `value` are still ahead of it.
 */
export interface ShardPosition {
  /** The connection and order the cursor belongs to, e.g. "pilotSites:NAME:ASC". */
  scope: string;
  value: SortValue;
  id: string | null;
  inclusive: boolean;
}

export interface GatewayPosition {
  scope: string;
  value: SortValue;
  rank: number;
  id: string;
}

function encodeJson(payload: unknown): string {
  return Buffer.from(JSON.stringify(payload), "utf8").toString("base64url");
}

function decodeJson(cursor: unknown): unknown {
  if (typeof cursor !== "string" || cursor.length === 0 || cursor.length > 2048 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined;
  try {
    return JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
}

const isSortValue = (value: unknown): value is SortValue => typeof value === "string" || (typeof value === "number" && Number.isFinite(value));

function invalidCursor(cursor: unknown, why: string) {
  return hubError(ErrorCode.BAD_USER_INPUT, `Invalid cursor ${JSON.stringify(cursor)}: ${why}.`, { cursor });
}

export function encodeShardCursor(position: ShardPosition): string {
  return encodeJson(["s", position.scope, position.value, position.id, position.inclusive]);
}

/** Decodes a shard cursor of the given scope, or throws BAD_USER_INPUT. */
export function decodeShardCursor(cursor: unknown, scope: string): ShardPosition {
  const payload = decodeJson(cursor);
  if (!Array.isArray(payload) || payload.length !== 5 || payload[0] !== "s") throw invalidCursor(cursor, "not a cursor of this hub");
  const [, cursorScope, value, id, inclusive] = payload as unknown[];
  if (cursorScope !== scope) throw invalidCursor(cursor, `it belongs to ${String(cursorScope)}, not to ${scope}`);
  if (!isSortValue(value) || !(id === null || (typeof id === "string" && id.length > 0)) || typeof inclusive !== "boolean") {
    throw invalidCursor(cursor, "malformed position");
  }
  return { scope, value, id, inclusive };
}

export class CursorSigner {
  constructor(private readonly secret: string) {}

  private sign(body: string): string {
    return createHmac("sha256", this.secret).update(body).digest("base64url").slice(0, 22);
  }

  encode(position: GatewayPosition): string {
    const body = encodeJson([position.scope, position.value, position.rank, position.id]);
    return `${body}.${this.sign(body)}`;
  }

  /** Decodes a gateway cursor of the given scope, or throws BAD_USER_INPUT. */
  decode(cursor: unknown, scope: string): GatewayPosition {
    if (typeof cursor !== "string") throw invalidCursor(cursor, "not a string");
    const [body, signature, ...rest] = cursor.split(".");
    if (!body || !signature || rest.length > 0) throw invalidCursor(cursor, "not a cursor of this hub");
    const expected = Buffer.from(this.sign(body));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalidCursor(cursor, "it was altered or not issued by this hub");
    const payload = decodeJson(body);
    if (!Array.isArray(payload) || payload.length !== 4) throw invalidCursor(cursor, "malformed position");
    const [cursorScope, value, rank, id] = payload as unknown[];
    if (cursorScope !== scope) throw invalidCursor(cursor, `it belongs to ${String(cursorScope)}, not to ${scope}`);
    if (!isSortValue(value) || typeof rank !== "number" || !Number.isInteger(rank) || typeof id !== "string") throw invalidCursor(cursor, "malformed position");
    return { scope, value, rank, id };
  }
}
