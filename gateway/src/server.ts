import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { maskUnexpectedErrors, PARTNERSHIP_KEYS, type RunningService } from "@kooperacja/shared";
import { randomUUID } from "node:crypto";
import pino, { type DestinationStream } from "pino";
import type { GatewayConfig } from "./config";
import type { GatewayContext } from "./context";
import { BOOK_SUBGRAPH, REGIONAL_SUBGRAPH } from "./schema-files";
import { readShardRules } from "./sharding/rules";
import { ShardedSource } from "./sharding/sharded-source";
import { SubgraphSource } from "./subgraph-source";

/**
 * Tells the client which regions could not answer, so a dashboard can mark
 * its view incomplete; and, on request (`x-hub-debug: sql,shards`), how many
 * SQL statements the subgraphs ran and which shards were called, how long
 * each took and how much data each returned.
 */
function responseExtensionsPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ request }) {
      const debug = new Set((request.http?.headers.get("x-hub-debug") ?? "").split(",").map((part) => part.trim()));
      return {
        async willSendResponse({ contextValue, response }) {
          if (response.body.kind !== "single") return;
          const result = response.body.singleResult;
          const missing = [...(contextValue.missingRegions ?? [])];
          if (missing.length > 0) result.extensions = { ...result.extensions, missingRegions: missing };
          if (debug.has("sql")) result.extensions = { ...result.extensions, sqlStatements: contextValue.stats?.sqlStatements ?? 0 };
          if (debug.has("shards")) result.extensions = { ...result.extensions, shards: contextValue.shardCalls ?? [] };
        },
      };
    },
  };
}

/** `logTo` sends the gateway's JSON log lines somewhere other than stdout (tests read them). */
export async function startGateway(config: GatewayConfig, logTo?: DestinationStream): Promise<RunningService> {
  const rules = readShardRules(config.supergraphSdl, REGIONAL_SUBGRAPH.toUpperCase());
  const shards = PARTNERSHIP_KEYS.map((partnership) => ({ partnership, url: config.shardUrls[partnership] }));
  const logger = pino({ name: "gateway", level: config.logLevel }, logTo);
  const gateway = new ApolloGateway({
    supergraphSdl: config.supergraphSdl,
    buildService: ({ name }) => {
      if (name === REGIONAL_SUBGRAPH) {
        return new ShardedSource({ shards, rules, timeoutMs: config.shardTimeoutMs, cursorSecret: config.cursorSecret, logger });
      }
      if (name === BOOK_SUBGRAPH) return new SubgraphSource({ url: config.bookUrl });
      throw new Error(`The supergraph names a subgraph the gateway does not know: ${name}.`);
    },
  });
  const server = new ApolloServer<GatewayContext>({
    gateway,
    plugins: [responseExtensionsPlugin()],
    formatError: maskUnexpectedErrors("gateway"),
    includeStacktraceInErrorResponses: false,
    // The process owns SIGINT/SIGTERM (runUntilSignal) and stops every service in order.
    stopOnTerminationSignals: false,
  });
  const { url } = await startStandaloneServer(server, {
    listen: { host: config.host, port: config.port },
    context: async ({ req }) => {
      const header = req.headers["x-request-id"];
      const requestId = typeof header === "string" && /^[\w-]{1,100}$/.test(header) ? header : randomUUID();
      return { requestId, stats: { sqlStatements: 0 }, missingRegions: new Set<string>(), shardCalls: [] };
    },
  });
  return { name: "gateway", url, port: Number(new URL(url).port), stop: () => server.stop() };
}
