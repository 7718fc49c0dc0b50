import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { GatewayGraphQLResponse, GatewayGraphQLRequestContext } from "@apollo/server-gateway-interface";
import type { GatewayContext } from "./context";

/**
 * Plain HTTP transport to one subgraph deployment. It forwards the request
 * id so a request can be followed across services, and adds up the SQL
 * statements each subgraph reports.
 */
export class SubgraphSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(config: { url: string }) {
    // Node's own fetch (undici) keeps connections alive and costs less per call than the default make-fetch-happen.
    super({ ...config, fetcher: globalThis.fetch as never });
  }

  override willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const requestId = options.context.requestId;
    if (requestId) options.request.http?.headers.set("x-request-id", requestId);
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
