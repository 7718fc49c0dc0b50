import { ErrorCode } from "@kooperacja/contract";
import { Role } from "@kooperacja/service-kit";
import type { ApolloServerPlugin } from "@apollo/server";
import type { Request, RequestHandler, Response } from "express";
import { Counter, type Registry } from "prom-client";
import type { GatewayContext } from "../context";
import { identityOf, refuse } from "../access/http";
import { sha256, type Manifest, type TrustedDocument } from "./manifest";

export interface PersistedQueryOptions {
  manifest: Manifest;
  /** Roles that may run only the manifest's operations (SAFELIST_ROLES). */
  safelistRoles: ReadonlySet<string>;
  /** Where the counts of trusted and refused operations go (the gateway's /metrics). */
  registry: Registry;
}

interface Operation {
  query?: unknown;
  extensions?: unknown;
}

function persistedHash(extensions: unknown): string | undefined {
  const hash = (extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery?.sha256Hash;
  return typeof hash === "string" ? hash : undefined;
}

/** The trusted document an operation names, by hash or by its very text. */
function trustedDocument(manifest: Manifest, operation: Operation): TrustedDocument | undefined {
  const hash = persistedHash(operation.extensions);
  if (hash !== undefined) return manifest.get(hash);
  return typeof operation.query === "string" ? manifest.get(sha256(operation.query)) : undefined;
}

/** The operation of a GET request, as Apollo Server will read it from the URL's parameters. */
function getOperation(params: URLSearchParams): Operation {
  let extensions: unknown;
  try {
    extensions = JSON.parse(params.get("extensions") ?? "null");
  } catch {
    // Apollo Server answers a malformed `extensions` parameter itself.
  }
  return { query: params.get("query") ?? undefined, extensions };
}

/**
 * Trusted documents. An operation of the manifest (the dashboard's, built by
 * its codegen) runs by its hash alone, by POST or by GET; other hashes are
 * Apollo Server's automatic persisted queries. A role in the safelist runs
 * nothing else: a leaked dashboard token cannot be used to ask arbitrary
 * questions. The book asking on a caller's behalf (signed as itself) runs
 * the hub's own queries, not the client's, and is not held to the list.
 * The public's GET of a manifest query is marked cacheable (`httpCachePlugin`).
 */
export function persistedQueries(options: PersistedQueryOptions): RequestHandler {
  const { manifest, safelistRoles } = options;
  const counted = new Counter({
    name: "hub_persisted_queries_total",
    help: "Operations of the persisted query manifest the gateway ran (outcome trusted, by operation), and operations it refused to a safelisted role (outcome refused).",
    labelNames: ["operation", "outcome"],
    registers: [options.registry],
  });
  return (req, res, next) => {
    const identity = identityOf(res);
    const safelisted = safelistRoles.has(identity.role) && res.locals.actor === undefined;
    const params = req.method === "GET" ? new URL(req.url, "http://gateway").searchParams : undefined;
    const operations: Operation[] = params
      ? [getOperation(params)]
      : Array.isArray(req.body)
        ? (req.body as Operation[])
        : req.body && typeof req.body === "object"
          ? [req.body as Operation]
          : [];
    const trusted = operations.map((operation) => trustedDocument(manifest, operation));
    if (safelisted && trusted.some((document) => document === undefined)) {
      counted.inc({ operation: "", outcome: "refused" });
      refuse(
        res,
        403,
        ErrorCode.PERSISTED_QUERY_NOT_IN_LIST,
        `Role ${identity.role} may run only the operations of the hub's persisted query manifest (its trusted documents); this operation is not one of them.`,
      );
      return;
    }
    for (const document of trusted) if (document) counted.inc({ operation: document.operationName ?? "", outcome: "trusted" });
    if (params) {
      const document = trusted[0];
      if (document?.operationType === "query") useDocumentInUrl(req, res, document, params);
    } else {
      operations.forEach((operation, index) => {
        const document = trusted[index];
        if (document && operation.query === undefined) operation.query = document.document;
      });
    }
    next();
  };
}

function useDocumentInUrl(req: Request, res: Response, document: TrustedDocument, params: URLSearchParams): void {
  if (!params.has("query")) {
    params.set("query", document.document);
    req.url = `${req.path}?${params}`;
  }
  // A reviewed query changes nothing, so a plain GET of it cannot be the cross-site request Apollo's CSRF prevention guards against.
  req.headers["apollo-require-preflight"] = "true";
  res.locals.publicCacheable = identityOf(res).role === Role.PUBLIC;
}

/**
 * Cache-Control for every answer: the public's answer to a persisted query
 * sent by GET, without errors (a missing region is no answer to keep), may be
 * cached by anyone for PUBLIC_CACHE_SECONDS; every other answer is `no-store`.
 * It replaces Apollo Server's own cache-control plugin, which knows no hints
 * behind a gateway and would mark everything `no-store`.
 */
export function httpCachePlugin(publicCacheSeconds: number): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const cacheable =
            contextValue.publicCacheable === true && publicCacheSeconds > 0 && response.body.kind === "single" && !response.body.singleResult.errors;
          response.http.headers.set("cache-control", cacheable ? `public, max-age=${publicCacheSeconds}` : "no-store");
          // The same URL with a token answers more (unsuppressed figures, series): caches must key on it.
          if (cacheable) response.http.headers.set("vary", "Authorization");
        },
      };
    },
  };
}
