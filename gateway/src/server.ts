import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { maskUnexpectedErrors, PARTNERSHIP_KEYS, type RunningService } from "@kooperacja/shared";
import { randomUUID } from "node:crypto";
import type { GatewayConfig } from "./config";
import type { GatewayContext } from "./context";
import { BOOK_SUBGRAPH, REGIONAL_SUBGRAPH } from "./schema-files";
import { readShardRules } from "./shard-rules";
import { ShardedSource } from "./sharded-source";
import { SubgraphSource } from "./subgraph-source";

/**
 * Tells the client which regions could not answer, so a dashboard can mark
 * its view incomplete; and, on request (`x-hub-debug: sql`), how many SQL
 * statements the subgraphs ran for it.
 */
function responseExtensionsPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ request }) {
      const debugSql = request.http?.headers.get("x-hub-debug") === "sql";
      return {
        async willSendResponse({ contextValue, response }) {
          if (response.body.kind !== "single") return;
          const result = response.body.singleResult;
          const missing = [...(contextValue.missingRegions ?? [])];
          if (missing.length > 0) result.extensions = { ...result.extensions, missingRegions: missing };
          if (debugSql) result.extensions = { ...result.extensions, sqlStatements: contextValue.stats?.sqlStatements ?? 0 };
        },
      };
    },
  };
}

export async function startGateway(config: GatewayConfig): Promise<RunningService> {
  const rules = readShardRules(config.supergraphSdl, REGIONAL_SUBGRAPH.toUpperCase());
  const shards = PARTNERSHIP_KEYS.map((partnership) => ({ partnership, url: config.shardUrls[partnership] }));
  const gateway = new ApolloGateway({
    supergraphSdl: config.supergraphSdl,
    buildService: ({ name }) => {
      if (name === REGIONAL_SUBGRAPH) return new ShardedSource(shards, rules, config.shardTimeoutMs);
      if (name === BOOK_SUBGRAPH) return new SubgraphSource({ url: config.bookUrl });
      throw new Error(`The supergraph names a subgraph the gateway does not know: ${name}.`);
    },
  });
  const server = new ApolloServer<GatewayContext>({
    gateway,
    plugins: [responseExtensionsPlugin()],
    formatError: maskUnexpectedErrors("gateway"),
    includeStacktraceInErrorResponses: false,
  });
  const { url } = await startStandaloneServer(server, {
    listen: { host: config.host, port: config.port },
    context: async ({ req }) => {
      const header = req.headers["x-request-id"];
      const requestId = typeof header === "string" && /^[\w-]{1,100}$/.test(header) ? header : randomUUID();
      return { requestId, stats: { sqlStatements: 0 }, missingRegions: new Set<string>() };
    },
  });
  return { name: "gateway", url, port: Number(new URL(url).port), stop: () => server.stop() };
}
