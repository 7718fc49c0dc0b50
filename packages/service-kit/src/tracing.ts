import { context, propagation, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import type { NextFunction, Request, Response } from "express";

/**
 * Optional OpenTelemetry tracing (OTEL_EXPORTER_OTLP_ENDPOINT). Apollo's
 * gateway already makes its spans (request, plan, fetch…) through the
 * OpenTelemetry API; with a provider registered they are exported over OTLP,
 * the W3C `traceparent` header carries the trace from the gateway to each
 * subgraph, and each service adds a span per HTTP request. Unset, nothing is
 * registered and the API's no-op tracer costs nothing.
 */

let provider: NodeTracerProvider | undefined;

/**
 * Registers the process's tracer provider once (the whole hub of `npm start` is one process: the first service names
 * it). True when this call registered it: the caller then stops it (stopTracing).
 */
export function startTracing(service: string, endpoint: string | undefined): boolean {
  if (!endpoint || provider) return false;
  provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ "service.name": service }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: new URL("v1/traces", endpoint.endsWith("/") ? endpoint : `${endpoint}/`).href }))],
  });
  provider.register();
  return true;
}

/** Sends the spans still buffered (a stopping service calls it, so its last requests are not lost). */
export async function flushTracing(): Promise<void> {
  await provider?.forceFlush();
}

/**
 * Sends what is buffered and unregisters the provider, when what started it stops: a process that starts hubs one
 * after another (the tests) went on exporting every later hub's spans to the first one's collector, long closed
 * (connect ECONNREFUSED, reported against whichever test ran then).
 */
export async function stopTracing(): Promise<void> {
  const stopping = provider;
  provider = undefined;
  if (!stopping) return;
  await stopping.shutdown();
  trace.disable();
  propagation.disable();
  context.disable();
}

const tracer = () => trace.getTracer("kooperacja-hub");

/** A server span per HTTP request, child of the caller's trace when the request carries one. */
export function tracingMiddleware(service: string) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!provider) return next();
    const parent = propagation.extract(context.active(), req.headers);
    const span = tracer().startSpan(
      `${req.method} ${req.path}`,
      { kind: SpanKind.SERVER, attributes: { "hub.service": service, "http.request.method": req.method, "url.path": req.path } },
      parent,
    );
    res.once("finish", () => {
      span.setAttribute("http.response.status_code", res.statusCode);
      span.setAttribute("hub.request_id", String(res.locals.requestId ?? ""));
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    context.with(trace.setSpan(parent, span), next);
  };
}

/** The current trace's headers (`traceparent`), for a call to another service. */
export function traceHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  if (provider) propagation.inject(context.active(), headers);
  return headers;
}
