import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql, startTestHub, type TestHub } from "../helpers";

interface Span {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes: { key: string; value: { stringValue?: string; intValue?: number | string } }[];
}

/** An OpenTelemetry collector stand-in: it keeps what OTLP/HTTP (JSON) posts to /v1/traces. */
function collector(): Promise<{ server: Server; url: string; spans: (Span & { service: string })[] }> {
  const spans: (Span & { service: string })[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.url === "/v1/traces") {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as {
        resourceSpans: { resource: { attributes: Span["attributes"] }; scopeSpans: { spans: Span[] }[] }[];
      };
      for (const resource of body.resourceSpans) {
        const service = resource.resource.attributes.find((attribute) => attribute.key === "service.name")?.value.stringValue ?? "";
        for (const scope of resource.scopeSpans) spans.push(...scope.spans.map((span) => ({ ...span, service })));
      }
    }
    res.writeHead(200, { "content-type": "application/json" }).end("{}");
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, spans })),
  );
}

const attribute = (span: Span, key: string) => span.attributes.find((candidate) => candidate.key === key)?.value.stringValue;

describe("OpenTelemetry tracing (OTEL_EXPORTER_OTLP_ENDPOINT)", () => {
  let hub: TestHub;
  let otlp: Awaited<ReturnType<typeof collector>>;
  let closed = false;

  beforeAll(async () => {
    otlp = await collector();
    hub = await startTestHub({ OTEL_EXPORTER_OTLP_ENDPOINT: otlp.url });
  });
  afterAll(async () => {
    if (!closed) await hub?.close();
    otlp?.server.close();
  });

  it("exports one trace per request, from the gateway's plan and fetches into each region it asked", async () => {
    const result = await graphql(
      hub.gateway.url,
      `
        query Traced {
          pilotSites(first: 3) {
            totalCount
          }
        }
      `,
      undefined,
      { "x-request-id": "traced-1" },
    );
    expect(result.errors).toBeUndefined();
    // Stopping flushes what is buffered.
    await hub.close();
    closed = true;
    const gatewaySpan = otlp.spans.find((span) => attribute(span, "hub.service") === "gateway" && attribute(span, "hub.request_id") === "traced-1");
    expect(gatewaySpan).toBeDefined();
    const trace = otlp.spans.filter((span) => span.traceId === gatewaySpan!.traceId);
    expect(trace.every((span) => span.service === "kooperacja-hub")).toBe(true);
    // Apollo's own spans of the gateway, in the same trace.
    expect(trace.map((span) => span.name)).toEqual(expect.arrayContaining(["gateway.request", "gateway.plan", "gateway.fetch"]));
    // Each region's server span continues the trace, as a child of a span of the gateway.
    const regions = trace.filter((span) => attribute(span, "hub.service")?.startsWith("regional:"));
    expect(new Set(regions.map((span) => attribute(span, "hub.service")))).toEqual(
      new Set(["regional:liderzy", "regional:kooperacja", "regional:kooperacje3d"]),
    );
    const ids = new Set(trace.map((span) => span.spanId));
    for (const span of regions) expect(ids.has(span.parentSpanId!)).toBe(true);
  });
});
