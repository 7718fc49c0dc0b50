import { ApolloClient, gql, HttpLink, InMemoryCache } from "@apollo/client";
import { relayStylePagination } from "@apollo/client/utilities";
import { PARTNERSHIP_KEYS } from "@kooperacja/contract";
import { Role } from "@kooperacja/service-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { as, graphql, startTestHub, type TestHub } from "../helpers";

/** Every connection of the API, with a field of its nodes to read. */
const CONNECTIONS = [
  { name: "pilotSites", type: "PilotSite", fields: "name" },
  { name: "institutions", type: "Institution", fields: "shortName" },
  { name: "supportedFamilies", type: "SupportedFamily", fields: "code" },
  { name: "supportActivities", type: "SupportActivity", fields: "title" },
  { name: "indicatorValues", type: "IndicatorValue", fields: "period value" },
];

/**
 * Apollo Client 4, as a dashboard developer would set it up: a normalised
 * cache, and relayStylePagination merging the pages of each connection.
 */
function client(url: string, headers: Record<string, string>) {
  return new ApolloClient({
    link: new HttpLink({ uri: url, headers: { ...headers, "apollo-require-preflight": "true" } }),
    cache: new InMemoryCache({
      typePolicies: { Query: { fields: Object.fromEntries(CONNECTIONS.map(({ name }) => [name, relayStylePagination(["orderBy", "filter"])])) } },
    }),
  });
}

describe("a real client: Apollo Client 4 with relayStylePagination and a normalised cache", () => {
  let hub: TestHub;
  let owner: Record<string, string>;
  beforeAll(async () => {
    hub = await startTestHub({ SEED_SCALE: "2", RATE_LIMIT_PER_MINUTE: "1000000" });
    owner = await as(Role.REGIONAL_OWNER, [...PARTNERSHIP_KEYS]);
  });
  afterAll(() => hub?.close());

  for (const { name, type, fields } of CONNECTIONS) {
    it(`${name}: walked forward and backward a page at a time, the cache holds every row once, in one order`, async () => {
      const everything = await graphql(hub.gateway.url, `{ ${name}(first: 500) { totalCount edges { node { id } } } }`, undefined, owner);
      const expected: string[] = everything.data[name].edges.map((edge: { node: { id: string } }) => edge.node.id);
      expect(expected.length).toBe(everything.data[name].totalCount);
      // About five pages of each connection, however long it is.
      const size = Math.max(2, Math.ceil(expected.length / 5));
      const query = gql(`query Walk($first: Int, $after: String, $last: Int, $before: String) {
        ${name}(first: $first, after: $after, last: $last, before: $before) {
          edges { cursor node { id ${fields} } }
          pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        }
      }`);
      const walk = async (direction: "forward" | "backward") => {
        const apollo = client(hub.gateway.url, owner);
        let cursor: string | null = null;
        let pages = 0;
        for (;;) {
          const variables: Record<string, unknown> = direction === "forward" ? { first: size, after: cursor } : { last: size, before: cursor };
          const result: { data?: Record<string, any> } = await apollo.query<Record<string, any>>({ query, variables, fetchPolicy: "network-only" });
          pages += 1;
          const info: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string; endCursor: string } = result.data![name].pageInfo;
          if (direction === "forward" ? !info.hasNextPage : !info.hasPreviousPage) break;
          cursor = direction === "forward" ? info.endCursor : info.startCursor;
          expect(pages).toBeLessThan(1000);
        }
        // What the cache merged from every page, read back as a component would.
        const merged = apollo.readQuery<Record<string, any>>({ query, variables: direction === "forward" ? { first: size } : { last: size } });
        const ids: string[] = merged![name].edges.map((edge: { node: { id: string } }) => edge.node.id);
        const normalised = Object.keys(apollo.cache.extract() as Record<string, unknown>).filter((key) => key.startsWith(`${type}:`));
        return { ids, pages, normalised };
      };
      const forward = await walk("forward");
      expect(forward.ids).toEqual(expected);
      expect(forward.pages).toBe(Math.ceil(expected.length / size));
      expect(new Set(forward.normalised)).toEqual(new Set(expected.map((id) => `${type}:${id}`)));
      const backward = await walk("backward");
      expect(backward.ids).toEqual(expected);
      expect(backward.normalised.length).toBe(expected.length);
      process.stdout.write(
        `Apollo Client 4, ${name}: ${expected.length} rows, ${forward.pages} pages forward, ${backward.pages} backward, each row cached once\n`,
      );
    });
  }
});
