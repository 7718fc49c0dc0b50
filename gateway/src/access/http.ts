import { ErrorCode } from "@kooperacja/contract";
import { ACTOR_HEADER, ASSERTION_HEADER, SUBJECT_HEADER, PUBLIC_IDENTITY, Role, type Identity, type TokenVerifier } from "@kooperacja/service-kit";
import graphqlUploadExpress from "graphql-upload/graphqlUploadExpress.mjs";
import type { ErrorRequestHandler, RequestHandler, Response } from "express";
import { ipKeyGenerator, rateLimit } from "express-rate-limit";
import { GraphQLError } from "graphql";
import type { QueryLimits } from "./limits";

/** A GraphQL-shaped error body for refusals made before GraphQL runs. */
export function refuse(res: Response, status: number, code: string, message: string, extensions: Record<string, unknown> = {}): void {
  res.status(status).json({ errors: [{ message, extensions: { ...extensions, code } }] });
}

export function identityOf(res: Response): Identity {
  return (res.locals.identity as Identity | undefined) ?? PUBLIC_IDENTITY;
}

/**
 * Verifies the bearer token, if any, once per request: an invalid, expired
 * or forged token is refused with 401 before any GraphQL work; no token is
 * the public. An assertion is refused: the gateway issues them and takes
 * none. A service asking on a caller's behalf (the book re-running its
 * evidence) signs as itself and presents the caller's credentials, and gets
 * that caller's rights (`TokenVerifier.identifyClient`).
 */
export function authenticate(verifier: TokenVerifier): RequestHandler {
  return async (req, res, next) => {
    try {
      const header = (name: string) => {
        const value = req.headers[name];
        return typeof value === "string" ? value : Array.isArray(value) ? value.join(",") : null;
      };
      const caller = await verifier.identifyClient({
        authorization: req.headers.authorization,
        assertion: header(ASSERTION_HEADER),
        actor: header(ACTOR_HEADER),
        subject: header(SUBJECT_HEADER),
      });
      res.locals.identity = caller.identity;
      res.locals.actor = caller.actor;
      next();
    } catch (error) {
      if (error instanceof GraphQLError && error.extensions.code === ErrorCode.UNAUTHENTICATED) {
        res.set("WWW-Authenticate", 'Bearer error="invalid_token"');
        refuse(res, 401, ErrorCode.UNAUTHENTICATED, error.message);
        return;
      }
      next(error);
    }
  };
}

/** Requests per minute per identity: the token's subject, or the address for the public. */
export function rateLimitPerIdentity(limits: QueryLimits): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: limits.ratePerMinute,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    keyGenerator: (req, res) => {
      const identity = identityOf(res);
      return identity.subject ? `${identity.role}:${identity.subject}` : `ip:${ipKeyGenerator(req.ip ?? "unknown")}`;
    },
    handler: (_req, res) =>
      refuse(res, 429, ErrorCode.RATE_LIMITED, `More than ${limits.ratePerMinute} requests in a minute; wait and try again.`, { limit: "rate" }),
  });
}

/** Batched operations (a JSON array of operations) up to the configured number. */
export function batchLimit(limits: QueryLimits): RequestHandler {
  return (req, res, next) => {
    if (Array.isArray(req.body) && req.body.length > limits.maxBatchedOperations) {
      refuse(res, 400, ErrorCode.LIMIT_EXCEEDED, `At most ${limits.maxBatchedOperations} operations in one request; this one has ${req.body.length}.`, {
        limit: "batch",
      });
      return;
    }
    next();
  };
}

/**
 * Files (multipart requests, for imports) only from regional owners: only
 * they may import, so nobody else's upload is read at all. At most one file
 * of at most MAX_UPLOAD_BYTES.
 */
export function uploads(limits: QueryLimits): RequestHandler {
  const parse = graphqlUploadExpress({ maxFileSize: limits.maxUploadBytes, maxFiles: 1 });
  return (req, res, next) => {
    if (!req.is("multipart/form-data")) return next();
    const role = identityOf(res).role;
    if (role === Role.PUBLIC) return refuse(res, 401, ErrorCode.UNAUTHENTICATED, "A regional owner's token is needed to send files (imports).");
    if (role !== Role.REGIONAL_OWNER) return refuse(res, 403, ErrorCode.FORBIDDEN, `Role ${role} may not send files; only a regional owner imports.`);
    parse(req, res, next);
  };
}

/** Body parser refusals (too large, not JSON) as GraphQL-shaped errors, never an HTML stack trace. */
export const bodyErrors: ErrorRequestHandler = (error, _req, res, next) => {
  const status = (error as { status?: number; type?: string }).status;
  const type = (error as { type?: string }).type;
  if (type === "entity.too.large")
    return refuse(res, 413, ErrorCode.LIMIT_EXCEEDED, "The request body is larger than the gateway accepts.", { limit: "bodySize" });
  // graphql-upload's refusals of a malformed multipart request carry their own message.
  if (status && status >= 400 && status < 500 && !type)
    return refuse(res, status, status === 413 ? ErrorCode.LIMIT_EXCEEDED : ErrorCode.BAD_REQUEST, (error as Error).message);
  if (status && status >= 400 && status < 500) return refuse(res, status, ErrorCode.BAD_REQUEST, "The request body is not valid JSON.");
  next(error);
};
