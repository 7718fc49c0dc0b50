import { tryDecodeRecordId } from "@kooperacja/contract";

/** The local key inside a global ID the writer has already checked; null stays null. */
export function localKey(id: string): string;
export function localKey(id: string | null | undefined): string | null;
export function localKey(id: string | null | undefined): string | null {
  if (id === null || id === undefined) return null;
  const decoded = tryDecodeRecordId(id);
  if (!decoded) throw new Error(`localKey of an unchecked ID ${id}`);
  return decoded.localId;
}
