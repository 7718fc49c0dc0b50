import { buildSubgraphSchema } from "@apollo/subgraph";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { accessDenied, decodeBookId, tryDecodeGlobalId, validateArgument } from "@kooperacja/shared";
import { parse, type GraphQLSchema } from "graphql";
import { buildSchema, createResolversMap } from "type-graphql";
import { BookChapterResolver } from "./chapters/book-chapter.resolver";
import { BookChapter } from "./chapters/book-chapter.entity";
import { authChecker, readableStatuses } from "./access";
import type { BookContext } from "./context";
import { PartnershipExtension, PartnershipExtensionResolver } from "./regional/partnership-extension";
import { RecommendationResolver } from "./recommendations/recommendation.resolver";
import { SavedComparisonResolver } from "./comparisons/saved-comparison.resolver";
import { Recommendation } from "./recommendations/recommendation.entity";

const FEDERATION_HEADER = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])
`;

const referenceResolvers = {
  Partnership: {
    __resolveReference: (reference: { id: string }) =>
      tryDecodeGlobalId(reference.id)?.type === "Partnership" ? Object.assign(new PartnershipExtension(), { id: reference.id }) : null,
  },
  Recommendation: {
    __resolveReference: async (reference: { id: string }, ctx: BookContext) => {
      const row = await ctx.loaders.byId(Recommendation).load(decodeBookId(reference.id, "Recommendation"));
      if (row && !readableStatuses(ctx.identity).includes(row.status)) throw accessDenied(ctx.identity, "a draft recommendation");
      return row;
    },
  },
  BookChapter: {
    __resolveReference: (reference: { id: string }, ctx: BookContext) => ctx.loaders.byId(BookChapter).load(decodeBookId(reference.id, "BookChapter")),
  },
};

let built: Promise<GraphQLSchema> | undefined;

/** The national recommendation book as an Apollo Federation 2 subgraph schema; built once per process. */
export function bookSchema(): Promise<GraphQLSchema> {
  built ??= (async () => {
    const schema = await buildSchema({
      resolvers: [BookChapterResolver, RecommendationResolver, SavedComparisonResolver, PartnershipExtensionResolver],
      skipCheck: true,
      authChecker,
      validateFn: validateArgument,
    });
    const resolvers = createResolversMap(schema) as Record<string, Record<string, unknown>>;
    for (const [typeName, reference] of Object.entries(referenceResolvers)) {
      resolvers[typeName] = { ...resolvers[typeName], ...reference };
    }
    return buildSubgraphSchema({ typeDefs: parse(FEDERATION_HEADER + printSchemaWithDirectives(schema)), resolvers: resolvers as never });
  })();
  return built;
}
