import type { DocumentTypeDecoration } from "@graphql-typed-document-node/core";

/** An error of a GraphQL answer, as the hub sends them (docs/dashboards.md, "Errors"). */
export interface HubError {
  message: string;
  extensions?: { code?: string; partnership?: string; macroregion?: string };
}

export interface Answer<TResult> {
  data: TResult | null;
  errors: HubError[];
  /** Regions that did not answer part of this request (the hub's partial-results extension). */
  missingRegions: string[];
  status: number;
}

/** A typed document of the codegen: only its hash travels, the gateway holds the text (the persisted query manifest). */
type PersistedDocument<TResult, TVariables> = DocumentTypeDecoration<TResult, TVariables> & { __meta__?: { hash?: string } };

/** The gateway's GraphQL endpoint: the page is served by the same gateway at /dashboard/. */
const ENDPOINT = new URL("/", window.location.href);

const REGION_CODES = new Set(["SHARD_UNAVAILABLE", "SHARD_TIMEOUT"]);

/**
 * Runs one of the page's operations by its hash, by GET: the public's
 * answers can then be cached by the browser and any HTTP cache between.
 */
export async function ask<TResult, TVariables>(
  document: PersistedDocument<TResult, TVariables>,
  variables: TVariables,
  token: string | null,
): Promise<Answer<TResult>> {
  const hash = document.__meta__?.hash;
  if (!hash) throw new Error("The operation has no persisted hash; rebuild the dashboard (npm run build).");
  const url = new URL(ENDPOINT);
  url.searchParams.set("extensions", JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }));
  if (variables && Object.keys(variables).length > 0) url.searchParams.set("variables", JSON.stringify(variables));
  const response = await fetch(url, { headers: { accept: "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) } });
  const body = (await response.json().catch(() => ({}))) as { data?: TResult | null; errors?: HubError[]; extensions?: { missingRegions?: string[] } };
  const errors = body.errors ?? [];
  const missing = new Set(body.extensions?.missingRegions ?? []);
  for (const error of errors) {
    if (REGION_CODES.has(error.extensions?.code ?? "") && error.extensions?.partnership) missing.add(error.extensions.partnership);
  }
  return { data: body.data ?? null, errors, missingRegions: [...missing], status: response.status };
}
