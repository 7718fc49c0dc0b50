import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import {
  ErrorCode,
  PARTNERSHIPS,
  ShardMerge,
  tryDecodeGlobalId,
  type PartnershipKey,
  type ShardRule,
} from "@kooperacja/shared";
import { Kind, parse, type DocumentNode, type FieldNode, type GraphQLFormattedError, type OperationDefinitionNode, type ValueNode } from "graphql";
import type { GatewayContext } from "./context";
import { findOperation, responseKey, restrictOperation, UNION_KEY_ALIAS } from "./operation-split";
import { SubgraphSource } from "./subgraph-source";

export interface Shard {
  partnership: PartnershipKey;
  url: string;
}

type Data = Record<string, unknown>;
type Options = GraphQLDataSourceProcessOptions<GatewayContext>;

interface ShardReply {
  shard: Shard;
  data: Data | null;
  errors: GraphQLFormattedError[];
  /** Set when the shard did not answer at all. */
  failure?: GraphQLFormattedError;
}

const ENTITIES = "_entities";

/**
 * The gateway's data source for the regional contract. One subgraph in the
 * supergraph, three deployments behind it: every fetch the query planner
 * makes is split by partnership, sent to the shards in parallel, and merged
 * back into the one response the planner expects.
 *
 * - root fields merge as their `@shard` rule says (CONCAT, ROUTE, UNION);
 * - `_entities` representations go to the shard their ID names and come back
 *   in the original order;
 * - a shard that fails or times out costs only its own part of the answer,
 *   with an error that names the region.
 */
export class ShardedSource implements GraphQLDataSource<GatewayContext> {
  private readonly sources: Map<PartnershipKey, SubgraphSource>;
  private readonly documents = new Map<string, DocumentNode>();

  constructor(
    private readonly shards: Shard[],
    private readonly rules: ReadonlyMap<string, ShardRule>,
    private readonly timeoutMs: number,
  ) {
    this.sources = new Map(shards.map((shard) => [shard.partnership, new SubgraphSource({ url: shard.url })]));
  }

  async process(options: Options): Promise<GatewayGraphQLResponse> {
    const query = options.request.query;
    if (!query) throw new Error("A subgraph fetch without a query.");
    const document = this.parse(query);
    const operation = findOperation(document, options.request.operationName);
    const fields = operation.selectionSet.selections.filter((selection): selection is FieldNode => selection.kind === Kind.FIELD);
    if (fields.some((field) => field.name.value === ENTITIES)) return this.processEntities(options);
    return this.processRootFields(options, document, operation, fields);
  }

  private parse(query: string): DocumentNode {
    let document = this.documents.get(query);
    if (!document) {
      document = parse(query);
      // The planner's fetches repeat, so a small cache saves a parse per fetch.
      if (this.documents.size > 1000) this.documents.clear();
      this.documents.set(query, document);
    }
    return document;
  }

  private async processRootFields(
    options: Options,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    fields: FieldNode[],
  ): Promise<GatewayGraphQLResponse> {
    const variables = options.request.variables ?? {};
    const targets = new Map<string, PartnershipKey[]>();
    const routingErrors: GraphQLFormattedError[] = [];
    const unionKeys = new Map<string, string>();

    for (const field of fields) {
      const key = responseKey(field);
      if (field.name.value === "__typename") {
        targets.set(key, []);
        continue;
      }
      const rule = this.rules.get(field.name.value);
      if (!rule) {
        routingErrors.push(error(`No shard rule for Query.${field.name.value}.`, ErrorCode.INTERNAL_SERVER_ERROR, [key]));
        targets.set(key, []);
      } else if (rule.merge === ShardMerge.ROUTE) {
        const id = argumentValue(field, rule.by!, variables);
        const decoded = tryDecodeGlobalId(id);
        if (!decoded) {
          routingErrors.push(error(`Malformed ID ${JSON.stringify(id)}: not an ID issued by this hub.`, ErrorCode.INVALID_ID, [key], { id }));
          targets.set(key, []);
        } else {
          targets.set(key, [decoded.partnership]);
        }
      } else {
        if (rule.merge === ShardMerge.UNION) unionKeys.set(key, rule.by!);
        targets.set(key, this.shards.map((shard) => shard.partnership));
      }
    }

    const replies = await Promise.all(
      this.shards.map(async (shard): Promise<ShardReply | null> => {
        const keep = new Set([...targets].filter(([, shards]) => shards.includes(shard.partnership)).map(([key]) => key));
        if (keep.size === 0) return null;
        const restricted = restrictOperation(document, operation, keep, unionKeys);
        const shardVariables = Object.fromEntries(Object.entries(variables).filter(([name]) => restricted.variableNames.has(name)));
        return this.send(shard, options, restricted.query, shardVariables);
      }),
    );

    const data: Data = {};
    const errors = [...routingErrors];
    for (const field of fields) {
      const key = responseKey(field);
      const rule = this.rules.get(field.name.value);
      const answering = replies.filter((reply): reply is ShardReply => reply !== null && (targets.get(key) ?? []).includes(reply.shard.partnership));
      if (field.name.value === "__typename") data[key] = "Query";
      else if (!rule || answering.length === 0) data[key] = null;
      else if (rule.merge === ShardMerge.ROUTE) data[key] = answering[0]?.data?.[key] ?? null;
      else data[key] = mergeLists(answering, key, rule);
      for (const reply of answering) {
        if (reply.failure) errors.push({ ...reply.failure, path: [key] });
      }
    }
    for (const reply of replies) if (reply) errors.push(...reply.errors);
    return errors.length > 0 ? { data, errors } : { data };
  }

  private async processEntities(options: Options): Promise<GatewayGraphQLResponse> {
    const variables = options.request.variables ?? {};
    const representations = (variables.representations ?? []) as { id?: unknown }[];
    const entities: unknown[] = new Array(representations.length).fill(null);
    const errors: GraphQLFormattedError[] = [];
    const indicesByShard = new Map<PartnershipKey, number[]>();

    representations.forEach((representation, index) => {
      const decoded = tryDecodeGlobalId(representation.id);
      if (!decoded) {
        errors.push(error(`Malformed ID ${JSON.stringify(representation.id)} in a reference to a regional record.`, ErrorCode.INVALID_ID, [ENTITIES, index]));
        return;
      }
      const indices = indicesByShard.get(decoded.partnership) ?? [];
      indices.push(index);
      indicesByShard.set(decoded.partnership, indices);
    });

    await Promise.all(
      this.shards
        .filter((shard) => indicesByShard.has(shard.partnership))
        .map(async (shard) => {
          const indices = indicesByShard.get(shard.partnership)!;
          const reply = await this.send(shard, options, options.request.query!, {
            ...variables,
            representations: indices.map((index) => representations[index]),
          });
          const shardEntities = (reply.data?.[ENTITIES] ?? []) as unknown[];
          indices.forEach((original, position) => {
            entities[original] = shardEntities[position] ?? null;
          });
          if (reply.failure) errors.push({ ...reply.failure, path: [ENTITIES, indices[0]!] });
          for (const shardError of reply.errors) {
            const path = shardError.path;
            // The shard numbered its own slice; put the index back to the original position.
            if (path && path[0] === ENTITIES && typeof path[1] === "number") {
              errors.push({ ...shardError, path: [ENTITIES, indices[path[1]] ?? path[1], ...path.slice(2)] });
            } else {
              errors.push(shardError);
            }
          }
        }),
    );
    return errors.length > 0 ? { data: { [ENTITIES]: entities }, errors } : { data: { [ENTITIES]: entities } };
  }

  private async send(shard: Shard, options: Options, query: string, variables: Record<string, unknown>): Promise<ShardReply> {
    const info = PARTNERSHIPS[shard.partnership];
    const regionExtensions = { partnership: shard.partnership, macroregion: info.macroregion };
    const source = this.sources.get(shard.partnership)!;
    let timer: NodeJS.Timeout | undefined;
    try {
      const response = await Promise.race([
        source.process({ ...options, request: { ...options.request, query, variables } }),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new ShardTimeout()), this.timeoutMs);
        }),
      ]);
      return {
        shard,
        data: (response.data as Data | null | undefined) ?? null,
        errors: (response.errors ?? []).map((shardError) => ({
          ...shardError,
          extensions: { ...regionExtensions, ...shardError.extensions },
        })),
      };
    } catch (cause) {
      options.context.missingRegions?.add(shard.partnership);
      const timedOut = cause instanceof ShardTimeout;
      const reason = timedOut ? `did not answer within ${this.timeoutMs} ms` : "is unavailable";
      return {
        shard,
        data: null,
        errors: [],
        failure: error(
          `Region ${info.name} (macroregion ${info.macroregion}) ${reason}; its data is missing from this response.`,
          timedOut ? ErrorCode.SHARD_TIMEOUT : ErrorCode.SHARD_UNAVAILABLE,
          undefined,
          regionExtensions,
        ),
      };
    } finally {
      clearTimeout(timer);
    }
  }
}

class ShardTimeout extends Error {}

function mergeLists(replies: ShardReply[], key: string, rule: ShardRule): unknown[] | null {
  const lists = replies.map((reply) => reply.data?.[key]).filter((value): value is unknown[] => Array.isArray(value));
  if (lists.length === 0) return null;
  const merged = lists.flat();
  if (rule.merge !== ShardMerge.UNION) return merged;
  const seen = new Set<unknown>();
  const unique: unknown[] = [];
  for (const item of merged as Data[]) {
    const identity = item?.[UNION_KEY_ALIAS];
    if (item) delete item[UNION_KEY_ALIAS];
    if (seen.has(identity)) continue;
    seen.add(identity);
    unique.push(item);
  }
  return unique;
}

function argumentValue(field: FieldNode, name: string, variables: Record<string, unknown>): unknown {
  const value: ValueNode | undefined = field.arguments?.find((argument) => argument.name.value === name)?.value;
  if (!value) return undefined;
  if (value.kind === Kind.VARIABLE) return variables[value.name.value];
  if (value.kind === Kind.STRING) return value.value;
  return undefined;
}

function error(message: string, code: string, path?: (string | number)[], extensions: Record<string, unknown> = {}): GraphQLFormattedError {
  return { message, ...(path ? { path } : {}), extensions: { ...extensions, code } };
}
