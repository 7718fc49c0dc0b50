import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { getOperationAST, parse } from "graphql";

/** One trusted document: an operation a client of the hub was built with. */
export interface TrustedDocument {
  hash: string;
  document: string;
  operationName: string | null;
  /** Only queries may be cached by HTTP caches or sent by GET. */
  operationType: "query" | "mutation" | "subscription";
}

/** The trusted documents by their SHA-256 hash (hex), as APQ names them. */
export type Manifest = ReadonlyMap<string, TrustedDocument>;

export const EMPTY_MANIFEST: Manifest = new Map();

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/**
 * Reads the manifest the dashboard's build writes (GraphQL Code Generator's
 * persisted documents: `{ "<sha256>": "<document>" }`). Every entry is
 * checked: its hash must be the SHA-256 of its document, and the document one
 * named operation; a manifest that fails either is refused at start, since
 * the gateway would otherwise run documents nobody reviewed under a trusted name.
 */
export function readManifest(path: string): Manifest {
  if (!existsSync(path)) return EMPTY_MANIFEST;
  const entries = Object.entries(JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>);
  const manifest = new Map<string, TrustedDocument>();
  for (const [hash, document] of entries) {
    if (typeof document !== "string") throw new Error(`Persisted query manifest ${path}: the entry ${hash} is not a document.`);
    if (sha256(document) !== hash) throw new Error(`Persisted query manifest ${path}: the entry ${hash} is not the SHA-256 of its document.`);
    const operation = getOperationAST(parse(document));
    if (!operation) throw new Error(`Persisted query manifest ${path}: the entry ${hash} is not exactly one operation.`);
    manifest.set(hash, { hash, document, operationName: operation.name?.value ?? null, operationType: operation.operation });
  }
  return manifest;
}
