import type { ServiceIdentity } from "@kooperacja/contract";
import type { NextFunction, Request, Response, Router } from "express";
import express from "express";
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID, timingSafeEqual } from "node:crypto";
import pino, { type DestinationStream, type Logger } from "pino";
import { collectDefaultMetrics, Counter, Histogram, Registry } from "prom-client";

/**
 * What every service of the hub offers its operators: a request id on every
 * request (taken from `x-request-id` when the gateway sent one, so a request
 * can be followed from the gateway into each subgraph), one JSON log line per
 * request (pino), Prometheus metrics (prom-client) and the health endpoints
 * an orchestrator probes.
 */

export const REQUEST_ID_HEADER = "x-request-id";

/** A request id a client or the gateway may pass on: short, no spaces or control characters. */
export function requestIdFrom(header: unknown): string {
  return typeof header === "string" && /^[\w.:-]{1,100}$/.test(header) ? header : randomUUID();
}

export interface Readiness {
  ready: boolean;
  /** Why not, when not. */
  reason?: string;
  [detail: string]: unknown;
}

export interface OperationsOptions {
  /** Service name in logs and metrics: gateway, book, regional:liderzy, … */
  service: string;
  logLevel: string;
  /** Where the JSON log lines go (stdout when unset; tests read them). */
  logTo?: DestinationStream;
  /**
   * METRICS_TOKEN: the bearer token `/metrics` and the health details ask
   * for. Unset, they are open locally and closed in production (a probe
   * still learns ready or not).
   */
  metricsToken?: string;
  production?: boolean;
}

/** Longest error message or stack a log line keeps: a driver error can quote a whole statement (a 481 KB line per request, issue 19). */
export const MAX_LOGGED_ERROR_CHARS = 4_000;

/** pino's error serializer, with the message and stack cut to MAX_LOGGED_ERROR_CHARS. */
export function boundedError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const serialized = pino.stdSerializers.err(error) as { message?: string; stack?: string } & Record<string, unknown>;
  const cut = (text: string | undefined) =>
    text !== undefined && text.length > MAX_LOGGED_ERROR_CHARS ? `${text.slice(0, MAX_LOGGED_ERROR_CHARS)}… (${text.length} characters)` : text;
  return { ...serialized, message: cut(serialized.message), stack: cut(serialized.stack) };
}

const requestScope = new AsyncLocalStorage<{ requestId: string }>();

/** The id of the request being served, wherever in its handling this runs (error masks log under it). */
export function currentRequestId(): string | undefined {
  return requestScope.getStore()?.requestId;
}

/** The name of a document's first operation, after any comments. */
const OPERATION_NAME = /^(?:\s*#[^\n]*\n)*\s*(?:query|mutation|subscription)\s+([A-Za-z_]\w*)/;

/** Operation names label metrics; a client chooses them, so the set of labels is bounded. */
const MAX_OPERATION_LABELS = 200;

export class ServiceOperations {
  readonly registry = new Registry();
  readonly logger: Logger;
  private readonly requests: Counter<"operation" | "status">;
  private readonly duration: Histogram<"operation">;
  private readonly operations = new Set<string>();
  private readonly metricsToken: string | undefined;
  private readonly production: boolean;

  constructor(options: OperationsOptions) {
    this.metricsToken = options.metricsToken;
    this.production = options.production ?? false;
    this.logger = pino({ level: options.logLevel, base: { service: options.service }, serializers: { err: boundedError } }, options.logTo);
    this.registry.setDefaultLabels({ service: options.service });
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Counter({
      name: "hub_graphql_requests_total",
      help: "GraphQL requests answered, by operation name and HTTP status.",
      labelNames: ["operation", "status"],
      registers: [this.registry],
    });
    this.duration = new Histogram({
      name: "hub_graphql_request_duration_seconds",
      help: "Time to answer a GraphQL request, by operation name.",
      labelNames: ["operation"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [this.registry],
    });
  }

  /**
   * Gives each request its id (echoed in the response's `x-request-id`) and,
   * when it ends, logs it and counts it. GraphQL requests are counted by
   * operation name; other paths are only logged.
   */
  middleware() {
    return (req: Request, res: Response, next: NextFunction): void => {
      const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
      res.locals.requestId = requestId;
      res.setHeader(REQUEST_ID_HEADER, requestId);
      const started = process.hrtime.bigint();
      res.once("finish", () => {
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const graphql = req.path === "/" && (req.method === "POST" || req.method === "GET");
        const operation = graphql ? this.operationLabel(req) : undefined;
        if (operation !== undefined) {
          this.requests.inc({ operation, status: String(res.statusCode) });
          this.duration.observe({ operation }, seconds);
        }
        if (req.path.startsWith("/health") || req.path === "/metrics") return;
        this.logger.info(
          { requestId, method: req.method, path: req.path, operation, status: res.statusCode, durationMs: Math.round(seconds * 10_000) / 10 },
          "request",
        );
      });
      requestScope.run({ requestId }, next);
    };
  }

  /** Whether the request may see metrics and health details: it carries the metrics token, or the service is local and none is set. */
  private operator(req: Request): boolean {
    if (this.metricsToken === undefined) return !this.production;
    const given = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "")?.[1] ?? "";
    const expected = Buffer.from(this.metricsToken);
    const actual = Buffer.from(given);
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  }

  /** GET /health/live (the process answers), GET /health/ready (it can serve: `readiness`), GET /metrics (Prometheus text). */
  router(readiness: () => Promise<Readiness>, identity?: ServiceIdentity): Router {
    const router = express.Router();
    router.get("/health/live", (_req, res) => {
      res.json({ status: "live" });
    });
    router.get("/health/ready", async (req, res) => {
      const report = await readiness();
      const status = report.ready ? "ready" : "not ready";
      // The details name the services behind this one and why they fail: for operators, not for anyone who can reach the port.
      // Who the service is goes to everyone: a gateway checks it before it trusts the URL (nothing in it is secret).
      const service = identity ? { service: identity } : {};
      res.status(report.ready ? 200 : 503).json(this.operator(req) ? { status, ...service, ...report } : { status, ...service });
    });
    router.get("/metrics", async (req, res) => {
      if (!this.operator(req)) {
        res.set("WWW-Authenticate", 'Bearer realm="metrics"');
        res
          .status(401)
          .json({ errors: [{ message: "Metrics need the METRICS_TOKEN of this deployment as a bearer token.", extensions: { code: "UNAUTHENTICATED" } }] });
        return;
      }
      res.type(this.registry.contentType).send(await this.registry.metrics());
    });
    return router;
  }

  private operationLabel(req: Request): string {
    const body = req.body as { operationName?: unknown; query?: unknown } | undefined;
    const named =
      typeof body?.operationName === "string" ? body.operationName : typeof req.query.operationName === "string" ? req.query.operationName : undefined;
    // Most clients leave operationName out for a document of one operation: its name is in the text.
    const query = typeof body?.query === "string" ? body.query : typeof req.query.query === "string" ? req.query.query : "";
    const name = named ?? OPERATION_NAME.exec(query)?.[1] ?? "";
    if (!/^[A-Za-z_]\w{0,99}$/.test(name)) return "anonymous";
    if (this.operations.has(name)) return name;
    if (this.operations.size >= MAX_OPERATION_LABELS) return "other";
    this.operations.add(name);
    return name;
  }
}

/** Resolves with `fallback` when `work` takes longer than `ms` (a readiness probe must answer, even about a hung dependency). */
export function withDeadline<T>(work: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([work, new Promise<T>((resolve) => (timer = setTimeout(() => resolve(fallback), ms)))]).finally(() => clearTimeout(timer));
}
