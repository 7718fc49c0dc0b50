import { unwrapResolverError } from "@apollo/server/errors";
import { ErrorCode } from "@kooperacja/contract";
import type { GraphQLFormattedError } from "graphql";
import type { Logger } from "pino";
import { currentRequestId } from "./operations";

/**
 * Errors with a code of their own (the hub's, or GraphQL's for a request it
 * could not parse, validate or coerce) go out as they are; anything else (a
 * driver error, a bug, a stack overflow, graphql-js's own complaints during
 * execution) is logged with the request id and masked, so no SQL, stack
 * trace or schema internals reach a client. The client gets the request id
 * to quote.
 */
export function maskUnexpectedErrors(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (code && code !== ErrorCode.INTERNAL_SERVER_ERROR) return formatted;
    // A refusal of the request itself (Apollo Server's, e.g. a persisted query hash that is not the text's) is the client's to fix.
    const status = (error as { extensions?: { http?: { status?: unknown } } } | null)?.extensions?.http?.status;
    if (typeof status === "number" && status >= 400 && status < 500)
      return { ...formatted, extensions: { ...formatted.extensions, code: ErrorCode.BAD_REQUEST } };
    const requestId = currentRequestId();
    logger.error({ err: unwrapResolverError(error), path: formatted.path, requestId }, "unexpected error");
    return {
      message: "Internal server error.",
      locations: formatted.locations,
      path: formatted.path,
      // Which region failed is the gateway's own knowledge (it asked that region), not a detail of the failure.
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, ...regionOf(formatted.extensions), ...(requestId ? { requestId } : {}) },
    };
  };
}

function regionOf(extensions: GraphQLFormattedError["extensions"]): Record<string, unknown> {
  const { partnership, macroregion } = extensions ?? {};
  return typeof partnership === "string" ? { partnership, ...(typeof macroregion === "string" ? { macroregion } : {}) } : {};
}
