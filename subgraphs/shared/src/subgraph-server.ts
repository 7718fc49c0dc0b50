import { ApolloServer, type ApolloServerPlugin, type BaseContext } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { unwrapResolverError } from "@apollo/server/errors";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from "graphql";
import { randomUUID } from "node:crypto";
import type { SqlEntityManager } from "@mikro-orm/knex";
import type { Database } from "./database";
import { ASSERTION_HEADER, type Caller, type TokenVerifier } from "./auth";
import { ErrorCode } from "./errors";

export interface SubgraphServerOptions<TContext extends BaseContext> {
  name: string;
  schema: GraphQLSchema;
  database: Database;
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Verifies the caller: the gateway's assertion, or a user's bearer token for a direct call. */
  verifier: TokenVerifier;
  createContext(em: SqlEntityManager, caller: Caller): TContext;
}

export interface RunningService {
  name: string;
  url: string;
  port: number;
  stop(): Promise<void>;
}

interface CountedContext extends BaseContext {
  requestId: string;
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
 * Errors the hub raised on purpose carry a code and go out as they are;
 * anything else (a driver error, a bug) is logged and masked, so no SQL or
 * stack trace reaches a client.
 */
export function maskUnexpectedErrors(name: string) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const code = formatted.extensions?.code;
    if (original instanceof GraphQLError || (code && code !== ErrorCode.INTERNAL_SERVER_ERROR)) return formatted;
    console.error(`[${name}] unexpected error`, original);
    return { message: "Internal server error.", locations: formatted.locations, path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
  };
}

export async function startSubgraphServer<TContext extends BaseContext>(options: SubgraphServerOptions<TContext>): Promise<RunningService> {
  const server = new ApolloServer<TContext & CountedContext>({
    schema: options.schema,
    // Inline tracing is for Apollo Studio, which the hub does not use.
    plugins: [statementCountPlugin(options.database), ApolloServerPluginInlineTraceDisabled()],
    formatError: maskUnexpectedErrors(options.name),
    includeStacktraceInErrorResponses: false,
    // The process owns SIGINT/SIGTERM (runUntilSignal) and stops every service in order.
    stopOnTerminationSignals: false,
  });
  const { url } = await startStandaloneServer(server, {
    listen: { host: options.host, port: options.port },
    context: async ({ req }) => {
      // Verified before anything else: an invalid token gets 401 and touches no data.
      const caller = await options.verifier.identify({ authorization: req.headers.authorization, assertion: header(req.headers[ASSERTION_HEADER]) });
      const requestId = randomUUID();
      options.database.counter.begin(requestId);
      return { ...options.createContext(options.database.fork(requestId), caller), requestId };
    },
  });
  return {
    name: options.name,
    url,
    port: Number(new URL(url).port),
    stop: async () => {
      await server.stop();
      await options.database.close();
    },
  };
}

function header(value: string | string[] | undefined): string | null {
  return typeof value === "string" ? value : null;
}
