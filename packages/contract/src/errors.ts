import { GraphQLError } from "graphql";

/** Every `extensions.code` the hub returns; clients may rely on these strings. */
export const ErrorCode = {
  BAD_USER_INPUT: "BAD_USER_INPUT",
  NOT_FOUND: "NOT_FOUND",
  UNAUTHENTICATED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  /** A write based on a stale version of the record, or one the record's state does not allow. */
  CONFLICT: "CONFLICT",
  /** A request over the gateway's limits (depth, cost, aliases, page size, body size, rate). */
  LIMIT_EXCEEDED: "LIMIT_EXCEEDED",
  /** Too many requests from one identity in a minute. */
  RATE_LIMITED: "RATE_LIMITED",
  /** An HTTP request that is not a GraphQL request (malformed body). */
  BAD_REQUEST: "BAD_REQUEST",
  /** An operation outside the persisted query manifest from a role that may run only the manifest's (SAFELIST_ROLES). */
  PERSISTED_QUERY_NOT_IN_LIST: "PERSISTED_QUERY_NOT_IN_LIST",
  SHARD_UNAVAILABLE: "SHARD_UNAVAILABLE",
  SHARD_TIMEOUT: "SHARD_TIMEOUT",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export function hubError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}
