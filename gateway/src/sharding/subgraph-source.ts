import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { GatewayGraphQLResponse, GatewayGraphQLRequestContext } from "@apollo/server-gateway-interface";
import { ASSERTION_HEADER, traceHeaders, type ServiceName } from "@kooperacja/service-kit";
import type { GatewayContext } from "../context";
import type { Dispatcher } from "undici";
import { shardFetch } from "./shard-fetch";

/**
 * Plain HTTP transport to one subgraph deployment. It forwards the request
 * id so a request can be followed across services and the caller's identity
 * as a signed assertion, and adds up the SQL statements each subgraph reports.
 */
export class SubgraphSource extends RemoteGraphQLDataSource<GatewayContext> {
  /**
   * With `timeoutMs`, a call that takes longer is aborted (the socket is
   * freed, not left waiting) and fails with a `TimeoutError`.
   */
  private readonly audience: ServiceName;

  /** `audience`: the service behind `url`, the only one the assertions it is sent can be used at. */
  /** `pool`: the gateway's connections to its subgraphs (shardPool). */
  constructor(config: { url: string; audience: ServiceName; pool: Dispatcher; timeoutMs?: number }) {
    const { timeoutMs, audience, pool, ...rest } = config;
    // Keep-alive connections (shardFetch), and an AbortSignal per call for the deadline.
    const fetcher = (url: string, init: RequestInit) =>
      shardFetch(pool, url, timeoutMs === undefined ? init : { ...init, signal: AbortSignal.timeout(timeoutMs) });
    super({ ...rest, fetcher: fetcher as never });
    this.audience = audience;
  }

  /** The caller travels as the gateway's signed assertion; the user's own token is not passed on. */
  override async willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    const { requestId, assertion } = options.context;
    if (requestId) options.request.http?.headers.set("x-request-id", requestId);
    if (assertion) options.request.http?.headers.set(ASSERTION_HEADER, await assertion(this.audience));
    // The trace goes on to the subgraph (W3C traceparent), when tracing is on.
    for (const [name, value] of Object.entries(traceHeaders())) options.request.http?.headers.set(name, value);
  }

  override async didReceiveResponse({
    response,
    context,
  }: Required<Pick<GatewayGraphQLRequestContext<GatewayContext>, "request" | "response" | "context">>): Promise<GatewayGraphQLResponse> {
    const statements = response.extensions?.sqlStatements;
    if (typeof statements === "number" && context.stats) context.stats.sqlStatements += statements;
    return response;
  }
}
