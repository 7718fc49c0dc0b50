import "reflect-metadata";
import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { readFileSync } from "node:fs";
import { SUPERGRAPH_PATH } from "../gateway/src/supergraph";

/**
 * The second gateway of the benchmark: a plain @apollo/gateway on the same
 * supergraph, with no sharding, so the regional contract goes to one region
 * (REGION_URL). It serves exactly the queries one region can answer, and
 * shows what the hub's own gateway costs beside the stock one. The caller's
 * token is passed through (the regions verify it on a direct call).
 *
 * Env: PORT, REGION_URL, BOOK_URL.
 */
interface Context {
  authorization?: string;
}

async function main(): Promise<void> {
  process.env.APOLLO_TELEMETRY_DISABLED = "true";
  const urls: Record<string, string> = { regional: process.env.REGION_URL!, book: process.env.BOOK_URL! };
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(SUPERGRAPH_PATH, "utf8"),
    buildService: ({ name }) =>
      new RemoteGraphQLDataSource<Context>({
        url: urls[name],
        willSendRequest({ request, context }) {
          if (context.authorization) request.http?.headers.set("authorization", context.authorization);
        },
      }),
  });
  const server = new ApolloServer<Context>({ gateway });
  const { url } = await startStandaloneServer(server, {
    listen: { host: "127.0.0.1", port: Number(process.env.PORT) },
    context: async ({ req }) => ({ authorization: req.headers.authorization }),
  });
  console.log(`Plain @apollo/gateway ready at ${url}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
