import { printSubgraphSchema } from "@apollo/subgraph";
import { contractHash, type ServiceIdentity, ErrorCode, hubError } from "@kooperacja/contract";
import {
  ASSERTION_HEADER,
  maskUnexpectedErrors,
  type Caller,
  type RunningService,
  type TokenVerifier,
  bodyDepthLimit,
  withDeadline,
  type ServiceOperations,
  listen,
  CLOSE_MARGIN_MS,
  flushTracing,
  tracingMiddleware,
  type ServiceSettings,
} from "@kooperacja/service-kit";
import type { Database } from "@kooperacja/database";
import { ApolloServer, type ApolloServerPlugin, type BaseContext } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import type { SqlEntityManager } from "@mikro-orm/knex";
import express from "express";
import { type GraphQLSchema } from "graphql";
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { Logger } from "pino";
import { Gauge } from "prom-client";

export interface SubgraphServerOptions<TContext extends BaseContext> {
  name: string;
  schema: GraphQLSchema;
  database: Database;
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Verifies the caller: the gateway's assertion, or a user's bearer token for a direct call. */
  verifier: TokenVerifier;
  /** Logs and metrics of the service (made before the server, so starting up is logged too). */
  operations: ServiceOperations;
  settings: Pick<ServiceSettings, "shutdownTimeoutMs" | "production">;
  /** Which service this is, stated in its readiness answer (the contract and accepted keys are added here). */
  identity: Pick<ServiceIdentity, "service" | "partnership" | "macroregion">;
  createContext(em: SqlEntityManager, caller: Caller, logger: Logger): TContext;
}

interface CountedContext extends BaseContext {
  requestId: string;
  /** The request came through the gateway (a valid assertion addressed to this service). */
  viaGateway: boolean;
}

/**
 * Reports the SQL statements a request issued in `extensions.sqlStatements`,
 * so the gateway (and the tests) can show that nested queries are batched.
 */
function statementCountPlugin(database: Database): ApolloServerPlugin<CountedContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const count = database.counter.end(contextValue.requestId);
          if (response.body.kind === "single") {
            response.body.singleResult.extensions = { ...response.body.singleResult.extensions, sqlStatements: count };
          }
        },
      };
    },
  };
}

/**
 * The subgraph's SDL (`_service { sdl }`) is for the gateway: reached
 * directly, a subgraph does not describe itself (the supergraph in schema/
 * is built from the code, not fetched).
 */
function sdlForTheGatewayOnly(schema: GraphQLSchema): void {
  const field = schema.getQueryType()?.getFields()._service;
  const resolve = field?.resolve;
  if (!field || !resolve) return;
  field.resolve = (source, args, context: { viaGateway?: boolean }, info) => {
    if (context.viaGateway !== true) throw hubError(ErrorCode.FORBIDDEN, "The subgraph's schema is given to the hub's gateway only.");
    return resolve(source, args, context, info);
  };
}

/** How long a readiness probe waits for the database before calling it unreachable. */
const READINESS_DEADLINE_MS = 3_000;

export async function startSubgraphServer<TContext extends BaseContext>(options: SubgraphServerOptions<TContext>): Promise<RunningService> {
  const { database, operations } = options;
  new Gauge({
    name: "hub_db_pool_connections",
    help: "Database connections of the service's pool, by state (used, free, pending acquires, max).",
    labelNames: ["state"],
    registers: [operations.registry],
    collect() {
      const pool = database.pool();
      for (const state of ["used", "free", "pending", "max"] as const) this.set({ state }, pool[state]);
    },
  });
  const app = express();
  const httpServer = createServer(app);
  sdlForTheGatewayOnly(options.schema);
  const server = new ApolloServer<TContext & CountedContext>({
    schema: options.schema,
    // Production: no "Did you mean …?" naming fields the caller did not know of.
    hideSchemaDetailsFromClientErrors: options.settings.production,
    // Inline tracing is for Apollo Studio, which the hub does not use.
    plugins: [
      statementCountPlugin(database),
      ApolloServerPluginInlineTraceDisabled(),
      // Cache-Control is set for every answer below (no-store).
      ApolloServerPluginCacheControlDisabled(),
      // Stopping: no new connections, requests in flight finish (bounded), idle keep-alive sockets close.
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: options.settings.shutdownTimeoutMs }),
    ],
    formatError: maskUnexpectedErrors(operations.logger),
    includeStacktraceInErrorResponses: false,
    // The process owns SIGINT/SIGTERM (runUntilSignal) and stops every service in order.
    stopOnTerminationSignals: false,
  });
  await server.start();
  app.disable("x-powered-by");
  app.use(operations.middleware(), tracingMiddleware(options.name));
  app.use(
    operations.router(
      async () => {
        const state = await withDeadline(database.readiness(), READINESS_DEADLINE_MS, {
          ready: false,
          reason: `database did not answer within ${READINESS_DEADLINE_MS} ms`,
        });
        return {
          ready: state.ready,
          ...(state.reason ? { reason: state.reason } : {}),
          database: { dialect: database.dialect, ...(database.binding ? { binding: database.binding } : {}), ...state },
        };
      },
      { ...options.identity, contract: contractHash(printSubgraphSchema(options.schema)), gatewayKeys: options.verifier.gatewayKeyIds() },
    ),
  );
  app.use(
    "/",
    // Imports arrive inline from the gateway (base64), so the body may be as large as the largest upload.
    express.json({ limit: "50mb" }),
    bodyDepthLimit(),
    // Every answer is for its caller alone. Set here rather than by Apollo's cache-control plugin, which wraps every
    // field's resolver to collect hints the hub never gives (about a fifth of a 1 000-row answer's CPU).
    (_request: express.Request, response: express.Response, next: express.NextFunction) => {
      response.setHeader("cache-control", "no-store");
      next();
    },
    expressMiddleware(server, {
      context: async ({ req, res }) => {
        // Verified before anything else: an invalid token gets 401 and touches no data.
        const caller = await options.verifier.identify({ authorization: req.headers.authorization, assertion: header(req.headers[ASSERTION_HEADER]) });
        // Statements are counted per fetch, not per request id: one gateway request may send a shard several fetches at once.
        const requestId = randomUUID();
        database.counter.begin(requestId);
        const logger = operations.logger.child({ requestId: res.locals.requestId });
        return { ...options.createContext(database.fork(requestId), caller, logger), requestId, viaGateway: caller.viaGateway };
      },
    }),
  );
  const { url, port } = await listen(httpServer, options.host, options.port, () => server.stop());
  return {
    name: options.name,
    url,
    port,
    stop: async () => {
      await server.stop();
      await database.close();
      await flushTracing();
    },
    stopTimeoutMs: options.settings.shutdownTimeoutMs + CLOSE_MARGIN_MS,
  };
}

function header(value: string | string[] | undefined): string | null {
  return typeof value === "string" ? value : null;
}
