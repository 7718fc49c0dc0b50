import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import { PARTNERSHIP_KEYS } from "@kooperacja/contract";
import {
  ConfigurationError,
  bodyDepthLimit,
  CLOSE_MARGIN_MS,
  flushTracing,
  listen,
  startTracing,
  tracingMiddleware,
  Role,
  ServiceOperations,
  TokenVerifier,
  type Identity,
  maskUnexpectedErrors,
  type RunningService,
} from "@kooperacja/service-kit";
import compression from "compression";
import cors from "cors";
import express from "express";
import { createServer } from "node:http";
import type { DestinationStream } from "pino";
import { authenticate, batchLimit, bodyErrors, identityOf, rateLimitPerIdentity, uploads } from "./access/http";
import { queryLimitsPlugin, readCostWeights } from "./access/limits";
import { exportRouter } from "./exports/router";
import { dashboardRouter, explorerPage } from "./dashboard";
import { httpCachePlugin, persistedQueries } from "./persisted/http";
import type { GatewayConfig } from "./config";
import type { GatewayContext } from "./context";
import { BOOK_SUBGRAPH, REGIONAL_SUBGRAPH } from "./supergraph";
import { readShardRules } from "./sharding/rules";
import { ShardedSource } from "./sharding/sharded-source";
import { shardPool } from "./sharding/shard-fetch";
import { SubgraphSource } from "./sharding/subgraph-source";
import { ShardMetrics } from "./sharding/shard-metrics";
import { expectedServices, identityProblems, servicesReadiness } from "./readiness";

/**
 * Tells the client which regions could not answer, so a dashboard can mark
 * its view incomplete; and, on request (`x-hub-debug: sql,shards`), how many
 * SQL statements the subgraphs ran and which shards were called, how long
 * each took and how much data each returned.
 */
function responseExtensionsPlugin(production: boolean): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ request, contextValue }) {
      // In production the debug figures are an operations tool: admins only.
      const allowed = !production || contextValue.identity.role === Role.ADMIN;
      const debug = new Set(allowed ? (request.http?.headers.get("x-hub-debug") ?? "").split(",").map((part) => part.trim()) : []);
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

/**
 * The gateway's HTTP pipeline: body size limit, token verification (401),
 * rate limit per identity, batch limit, then Apollo Server with the query
 * limits. `logTo` sends the JSON log lines somewhere other than stdout (tests read them).
 */
export async function startGateway(config: GatewayConfig, logTo?: DestinationStream): Promise<RunningService> {
  const rules = readShardRules(config.supergraphSdl, REGIONAL_SUBGRAPH.toUpperCase());
  const shards = PARTNERSHIP_KEYS.map((partnership) => ({ partnership, url: config.shardUrls[partnership] }));
  startTracing("gateway", config.otlpEndpoint);
  const operations = new ServiceOperations({
    service: "gateway",
    logLevel: config.logLevel,
    logTo,
    metricsToken: config.metricsToken,
    production: config.auth.production,
  });
  const { logger } = operations;
  const shardMetrics = new ShardMetrics(operations.registry);
  // @apollo/gateway reports anonymous usage to Apollo and probes cloud metadata endpoints (AWS, Azure, GCP) unless told not to;
  // the hub's data and its deployments' whereabouts leave no machine, so this is off, not a setting.
  process.env.APOLLO_TELEMETRY_DISABLED = "true";
  const pool = shardPool();
  const gateway = new ApolloGateway({
    supergraphSdl: config.supergraphSdl,
    buildService: ({ name }) => {
      if (name === REGIONAL_SUBGRAPH) {
        return new ShardedSource({
          shards,
          rules,
          timeoutMs: config.shardTimeoutMs,
          writeTimeoutMs: config.shardWriteTimeoutMs,
          cursorSecret: config.cursorSecret,
          suppressionThreshold: config.auth.suppressionThreshold,
          maxUploadBytes: config.limits.maxUploadBytes,
          logger,
          metrics: shardMetrics,
          pool,
        });
      }
      if (name === BOOK_SUBGRAPH) return new SubgraphSource({ url: config.bookUrl, audience: "book", pool });
      throw new Error(`The supergraph names a subgraph the gateway does not know: ${name}.`);
    },
  });
  const verifier = new TokenVerifier(config.auth);
  const expected = expectedServices(config, verifier.signingKeyId());
  const wrong = await identityProblems(expected);
  if (wrong.length > 0) throw new ConfigurationError(wrong);
  const app = express();
  const httpServer = createServer(app);
  const server = new ApolloServer<GatewayContext>({
    gateway,
    plugins: [
      responseExtensionsPlugin(config.auth.production),
      queryLimitsPlugin(config.limits, { weights: readCostWeights(config.supergraphSdl), rules }),
      httpCachePlugin(config.publicCacheSeconds),
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      // Stopping: no new connections, requests in flight finish (bounded), idle keep-alive sockets close.
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.shutdownTimeoutMs }),
    ],
    formatError: maskUnexpectedErrors(logger),
    includeStacktraceInErrorResponses: false,
    introspection: config.introspection,
    // With introspection off, validation errors do not suggest field names either ("Did you mean …?").
    hideSchemaDetailsFromClientErrors: !config.introspection,
    csrfPrevention: true,
    allowBatchedHttpRequests: config.limits.maxBatchedOperations > 1,
    parseOptions: { maxTokens: config.limits.maxTokens },
    // The process owns SIGINT/SIGTERM (runUntilSignal) and stops every service in order.
    stopOnTerminationSignals: false,
  });
  await server.start();
  app.disable("x-powered-by");
  /** `shardCalls` is kept only when the request asks to see it (x-hub-debug: shards): sizing each shard's reply costs a serialisation. */
  const contextFor = (identity: Identity, requestId: string, debug?: string, publicCacheable?: boolean): GatewayContext => {
    return {
      requestId,
      identity,
      assertion: (audience) => verifier.assert(identity, { audience, requestId }),
      stats: { sqlStatements: 0 },
      cost: { spent: 0 },
      missingRegions: new Set<string>(),
      shardCalls: debug?.includes("shards") ? [] : undefined,
      publicCacheable,
    };
  };
  // Every request: an id, a log line and metrics; health and metrics (no token); then body limit, token (401), rate limit per identity; then downloads, or GraphQL.
  app.use(operations.middleware(), tracingMiddleware("gateway"));
  // gzip or brotli for clients that accept it: a nested page of a national shard is megabytes of JSON that compresses tenfold.
  app.use(compression());
  app.use(operations.router(() => servicesReadiness(expected)));
  // The page is public; what it shows is what its caller's token may read through the API below.
  app.use("/dashboard", dashboardRouter(config.dashboardDir, logger));
  // The explorer the hub serves itself (GraphiQL from npm), not Apollo Sandbox from Apollo's CDN: it works offline.
  app.use(explorerPage(config.dashboardDir, config.introspection));
  app.use(
    cors(),
    express.json({ limit: config.limits.maxBodyBytes }),
    bodyErrors,
    bodyDepthLimit(),
    authenticate(verifier),
    rateLimitPerIdentity(config.limits),
  );
  app.use(
    "/export",
    exportRouter(async (identity, requestId, query, variables) => {
      const response = await server.executeOperation({ query, variables }, { contextValue: { ...contextFor(identity, requestId), trusted: true } });
      if (response.body.kind !== "single") throw new Error("An export query answered incrementally.");
      return response.body.singleResult;
    }, logger),
  );
  app.use(
    "/",
    uploads(config.limits),
    bodyErrors,
    // A multipart request's operations are parsed only now.
    bodyDepthLimit(),
    batchLimit(config.limits),
    persistedQueries({ manifest: config.manifest, safelistRoles: config.safelistRoles, registry: operations.registry }),
    expressMiddleware(server, {
      context: async ({ req, res }) =>
        contextFor(identityOf(res), res.locals.requestId as string, req.headers["x-hub-debug"] as string | undefined, res.locals.publicCacheable === true),
    }),
  );
  const { url, port } = await listen(httpServer, config.host, config.port, () => server.stop());
  // Its connections to the subgraphs go with it (requests in flight are drained by then).
  const stop = () =>
    server
      .stop()
      .then(() => pool.close())
      .then(flushTracing);
  return { name: "gateway", url, port, stop, stopTimeoutMs: config.shutdownTimeoutMs + CLOSE_MARGIN_MS };
}
