import { buildSubgraphSchema } from "@apollo/subgraph";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { decodeBookId, ErrorCode, hubError, tryDecodeGlobalId } from "@kooperacja/contract";
import { accessDenied } from "@kooperacja/service-kit";
import { validateArgument } from "@kooperacja/subgraph-kit";
import { SavedComparison } from "./comparisons/saved-comparison.entity";
import { EvidenceLink } from "./recommendations/evidence-link.entity";
import { evidenceOf } from "./recommendations/evidence";
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

/** A book record `node(id:)` named: the caller sees it only as it may see its recommendation; an ID of none is NOT_FOUND. */
async function readable<T>(
  ctx: BookContext,
  id: string,
  row: T | null,
  recommendation: (row: T) => Recommendation | null | Promise<Recommendation | null>,
): Promise<T> {
  if (!row) throw hubError(ErrorCode.NOT_FOUND, `No record of the book with ID ${id}.`, { id });
  const owner = await recommendation(row);
  if (owner && !readableStatuses(ctx.identity).includes(owner.status)) throw accessDenied(ctx.identity, "a draft recommendation");
  return row;
}

const referenceResolvers = {
  Partnership: {
    __resolveReference: (reference: { id: string }) =>
      tryDecodeGlobalId(reference.id)?.type === "Partnership" ? Object.assign(new PartnershipExtension(), { id: reference.id }) : null,
  },
  Recommendation: {
    __resolveReference: async (reference: { id: string }, ctx: BookContext) =>
      readable(ctx, reference.id, await ctx.loaders.byId(Recommendation).load(decodeBookId(reference.id, "Recommendation")), (row) => row),
  },
  BookChapter: {
    __resolveReference: async (reference: { id: string }, ctx: BookContext) =>
      readable(ctx, reference.id, await ctx.loaders.byId(BookChapter).load(decodeBookId(reference.id, "BookChapter")), () => null),
  },
  SavedComparison: {
    __resolveReference: async (reference: { id: string }, ctx: BookContext) =>
      readable(ctx, reference.id, await ctx.loaders.byId(SavedComparison).load(decodeBookId(reference.id, "SavedComparison")), (row) =>
        ctx.loaders.byId(Recommendation).load(row.recommendation.id),
      ),
  },
  Evidence: {
    __resolveReference: async (reference: { id: string }, ctx: BookContext) => {
      const link = await readable(ctx, reference.id, await ctx.loaders.byId(EvidenceLink).load(decodeBookId(reference.id, "Evidence")), (row) =>
        ctx.loaders.byId(Recommendation).load(row.recommendation.id),
      );
      return evidenceOf(link);
    },
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
