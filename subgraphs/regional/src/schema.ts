import { AnalyticsResolver } from "./analytics/analytics.resolver";
import { SHARD_SPEC_URL, decodeGlobalId, tryDecodeRecordId } from "@kooperacja/contract";
import { NodeResolver } from "./nodes/node.resolver";
import { authChecker } from "./access/auth-checker";
import { assertReadable } from "./access/row-scope";
import { ENTITY_TYPES } from "./nodes/node-types";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { parse, type GraphQLSchema } from "graphql";
import { buildSchema, createResolversMap } from "type-graphql";
import { SupportActivityResolver } from "./activities/support-activity.resolver";
import { BodyMeetingResolver, BodyMemberResolver, CooperationBodyResolver } from "./bodies/cooperation-body.resolver";
import { FieldProvenanceResolver, OmissionResolver, ProvenanceResolver } from "./common/record-resolver";
import { BOOK_NODES } from "./nodes/book-nodes";
import { shardDirective } from "./common/shard";
import type { RegionalContext } from "./context";
import { SupportedFamilyResolver } from "./families/supported-family.resolver";
import { IndicatorValueResolver, OutcomeIndicatorResolver } from "./indicators/indicator.resolver";
import { IndicatorSummaryResolver } from "./indicators/indicator-summary.resolver";
import { InstitutionResolver } from "./institutions/institution.resolver";
import { LeadPartnerClaimResolver, ModelStructureResolver, PartnershipMemberResolver, PartnershipResolver } from "./partnerships/partnership.resolver";
import { PilotSiteResolver } from "./sites/pilot-site.resolver";
import { TerritorialUnitResolver } from "./territory/territorial-unit.resolver";
import { AuditEntryResolver } from "./audit/audit.resolver";
import { ImportBatchResolver, ImportResolver } from "./imports/import.resolver";
import { WRITE_RESOLVERS } from "./writes/models";

/**
 * `_entities` resolution: each representation is loaded through the
 * request's DataLoader, so N representations cost one statement per type,
 * and guarded by the same row rules as the lists. A book record is its ID
 * here (the book resolves the rest).
 */
function referenceResolvers(): Record<string, { __resolveReference: (reference: { id: string }, ctx: RegionalContext) => unknown }> {
  const bookNodes = [...BOOK_NODES].map(([name, type]) => [
    name,
    { __resolveReference: (reference: { id: string }) => Object.assign(new type(), { id: reference.id }) },
  ]);
  return Object.fromEntries([
    ...bookNodes,
    ...ENTITY_TYPES.map((entity) => [
      entity.name,
      {
        __resolveReference: async (reference: { id: string }, ctx: RegionalContext) => {
          const decoded = tryDecodeRecordId(reference.id) ?? decodeGlobalId(reference.id, entity.name);
          if (decoded.type !== entity.name) return null;
          // A catalogue entry (no partnership) is here as in every region.
          if (decoded.partnership !== null && decoded.partnership !== ctx.partnership) return null;
          const row = await ctx.loaders.byId(entity).load(decoded.localId);
          await assertReadable(ctx, row, entity.name);
          return row;
        },
      },
    ]),
  ]);
}

const FEDERATION_HEADER = `
  extend schema
    @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@shareable", "@composeDirective", "@inaccessible", "@cost"])
    @link(url: "${SHARD_SPEC_URL}", import: ["@shard"])
    @composeDirective(name: "@shard")
`;

let built: Promise<GraphQLSchema> | undefined;

/** The regional contract as an Apollo Federation 2 subgraph schema; built once per process. */
export function regionalSchema(): Promise<GraphQLSchema> {
  built ??= (async () => {
    const schema = await buildSchema({
      resolvers: [
        PartnershipResolver,
        PartnershipMemberResolver,
        LeadPartnerClaimResolver,
        ModelStructureResolver,
        InstitutionResolver,
        TerritorialUnitResolver,
        PilotSiteResolver,
        CooperationBodyResolver,
        BodyMemberResolver,
        BodyMeetingResolver,
        SupportActivityResolver,
        SupportedFamilyResolver,
        AnalyticsResolver,
        OutcomeIndicatorResolver,
        IndicatorValueResolver,
        ProvenanceResolver,
        FieldProvenanceResolver,
        OmissionResolver,
        NodeResolver,
        IndicatorSummaryResolver,
        AuditEntryResolver,
        ImportResolver,
        ImportBatchResolver,
        ...WRITE_RESOLVERS,
      ],
      // The book's node types: no field returns them by name, `node` returns them as Node.
      orphanedTypes: [...BOOK_NODES.values()],
      directives: [shardDirective],
      authChecker,
      skipCheck: true,
      validate: false,
    });
    const resolvers = createResolversMap(schema) as Record<string, Record<string, unknown>>;
    for (const [typeName, reference] of Object.entries(referenceResolvers())) {
      resolvers[typeName] = { ...resolvers[typeName], ...reference };
    }
    return buildSubgraphSchema({
      typeDefs: parse(FEDERATION_HEADER + printSchemaWithDirectives(schema)),
      resolvers: resolvers as never,
    });
  })();
  return built;
}
