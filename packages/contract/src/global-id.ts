import { hubError, ErrorCode } from "./errors";
import { isPartnershipKey, type PartnershipKey } from "./partnerships";

/**
 * Global IDs are opaque to clients but carry the partnership that owns the
 * row, so the gateway can route `node`-style lookups and `_entities`
 * representations to one shard without asking the others.
 *
 * Layout before encoding: `<partnership>:<TypeName>:<localId>`, base64url.
 */
export interface GlobalId {
  partnership: PartnershipKey;
  type: string;
  localId: string;
}

/** The owner segment of IDs issued by the national recommendation book. */
export const BOOK_OWNER = "book";

/**
 * The owner segment of IDs of entries every region holds alike: the
 * indicator catalogue. One entry has one ID, whichever region answers, so a
 * client's normalised cache holds it once; any region can serve it.
 */
export const CATALOGUE_OWNER = "catalogue";

/** Types whose records are the same in every region, under one ID. */
export const CATALOGUE_TYPES: ReadonlySet<string> = new Set(["OutcomeIndicator"]);

/** A regional record's ID, or a catalogue entry's: `partnership` is null for the catalogue (any region holds it). */
export interface RecordId {
  partnership: PartnershipKey | null;
  type: string;
  localId: string;
}

function encodeId(owner: string, type: string, localId: string): string {
  return Buffer.from(`${owner}:${type}:${localId}`, "utf8").toString("base64url");
}

function tryDecodeId(id: unknown): { owner: string; type: string; localId: string } | null {
  if (typeof id !== "string" || id.length === 0 || id.length > 512 || !/^[A-Za-z0-9_-]+$/.test(id)) return null;
  const raw = Buffer.from(id, "base64url").toString("utf8");
  const first = raw.indexOf(":");
  const second = raw.indexOf(":", first + 1);
  if (first < 0 || second < 0) return null;
  const owner = raw.slice(0, first);
  const type = raw.slice(first + 1, second);
  const localId = raw.slice(second + 1);
  if (!/^[A-Z][A-Za-z]*$/.test(type) || localId.length === 0) return null;
  // Reject non-canonical encodings so one row has exactly one ID.
  if (encodeId(owner, type, localId) !== id) return null;
  return { owner, type, localId };
}

export function encodeGlobalId(partnership: PartnershipKey, type: string, localId: string): string {
  return encodeId(partnership, type, localId);
}

/** Returns null for anything that is not a well-formed ID of a regional row. */
export function tryDecodeGlobalId(id: unknown): GlobalId | null {
  const decoded = tryDecodeId(id);
  if (!decoded || !isPartnershipKey(decoded.owner)) return null;
  return { partnership: decoded.owner, type: decoded.type, localId: decoded.localId };
}

/** The ID of a record of `partnership`: a catalogue entry's is the same in every region. */
export function encodeRecordId(partnership: PartnershipKey, type: string, localId: string): string {
  return CATALOGUE_TYPES.has(type) ? encodeId(CATALOGUE_OWNER, type, localId) : encodeId(partnership, type, localId);
}

/**
 * A regional record's ID or a catalogue entry's, or null. A catalogue entry
 * is also found by the ID a region gave it before entries had one ID
 * (`<partnership>:OutcomeIndicator:<code>`): references stored then keep working.
 */
export function tryDecodeRecordId(id: unknown): RecordId | null {
  const decoded = tryDecodeId(id);
  if (!decoded) return null;
  if (decoded.owner === CATALOGUE_OWNER) return CATALOGUE_TYPES.has(decoded.type) ? { partnership: null, type: decoded.type, localId: decoded.localId } : null;
  if (!isPartnershipKey(decoded.owner)) return null;
  return { partnership: CATALOGUE_TYPES.has(decoded.type) ? null : decoded.owner, type: decoded.type, localId: decoded.localId };
}

/** The book's types with IDs: `node(id:)` finds each through the book. */
export const BOOK_NODE_TYPES = ["Recommendation", "BookChapter", "SavedComparison", "Evidence"] as const;

/** An ID the book issued for one of its node types, or null. */
export function tryDecodeBookId(id: unknown): { type: string; localId: string } | null {
  const decoded = tryDecodeId(id);
  if (!decoded || decoded.owner !== BOOK_OWNER || !(BOOK_NODE_TYPES as readonly string[]).includes(decoded.type)) return null;
  return { type: decoded.type, localId: decoded.localId };
}

export function encodeBookId(type: string, localId: string): string {
  return encodeId(BOOK_OWNER, type, localId);
}

/** Decodes an ID the book issued, or throws BAD_USER_INPUT. */
export function decodeBookId(id: unknown, expectedType: string): string {
  const decoded = tryDecodeId(id);
  if (!decoded || decoded.owner !== BOOK_OWNER || decoded.type !== expectedType) {
    throw hubError(ErrorCode.BAD_USER_INPUT, `Malformed ID ${JSON.stringify(id)}: not a ${expectedType} ID of the recommendation book.`, { id });
  }
  return decoded.localId;
}

/** Decodes or throws a GraphQL error with code BAD_USER_INPUT. */
export function decodeGlobalId(id: unknown, expectedType?: string): GlobalId {
  const decoded = tryDecodeGlobalId(id);
  if (!decoded) {
    throw hubError(ErrorCode.BAD_USER_INPUT, `Malformed ID ${JSON.stringify(id)}: not an ID issued by this hub.`, { id });
  }
  if (expectedType && decoded.type !== expectedType) {
    throw hubError(ErrorCode.BAD_USER_INPUT, `ID ${id} identifies a ${decoded.type}, not a ${expectedType}.`, { id });
  }
  return decoded;
}
