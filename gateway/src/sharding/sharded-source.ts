import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import { CursorSigner, ErrorCode, PARTNERSHIPS, tryDecodeRecordId, type PartnershipKey } from "@kooperacja/contract";
import { PUBLIC_IDENTITY } from "@kooperacja/service-kit";
import { Kind, OperationTypeNode, parse, type DocumentNode, type FieldNode, type GraphQLFormattedError } from "graphql";
import type { Logger } from "pino";
import type { GatewayContext } from "../context";
import type { Dispatcher } from "undici";
import { SubgraphSource } from "./subgraph-source";
import { forwardUploads } from "./uploads";
import { findOperation, fragmentsOf, responseKey, shardOperation } from "./operation";
import { error, type FieldPlan, type PlanContext } from "./plan";
import type { ShardRules } from "./rules";
import type { ShardMetrics, ShardOutcome } from "./shard-metrics";
import { STRATEGIES, unplannable } from "./strategies";

export interface Shard {
  partnership: PartnershipKey;
  url: string;
}

export interface ShardedSourceOptions {
  shards: Shard[];
  rules: ShardRules;
  timeoutMs: number;
  /** Writes (imports of large files) may take longer than reads before the gateway gives up on a shard. */
  writeTimeoutMs: number;
  cursorSecret: string;
  suppressionThreshold: number;
  /** Files forwarded to a shard for import are at most this large. */
  maxUploadBytes: number;
  logger: Logger;
  metrics: ShardMetrics;
  /** The gateway's connections to its subgraphs (shardPool). */
  pool: Dispatcher;
}

type Data = Record<string, unknown>;
type Options = GraphQLDataSourceProcessOptions<GatewayContext>;

interface ShardReply {
  shard: PartnershipKey;
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
 * - each root field is planned by the strategy its `@shard` rule names
 *   (CONCAT, UNION, ROUTE, ROUTE_MANY, CONNECTION, AGGREGATE), which decides
 *   the shards to ask, what to ask each, and how to merge the answers;
 * - `_entities` representations go to the shard their ID names and come back
 *   in the original order;
 * - a shard that fails or times out costs only its own part of the answer,
 *   with an error that names the region, and is asked again on the next request.
 */
export class ShardedSource implements GraphQLDataSource<GatewayContext> {
  private readonly sources: Map<PartnershipKey, SubgraphSource>;
  private readonly writers: Map<PartnershipKey, SubgraphSource>;
  private readonly order: PartnershipKey[];
  private readonly cursors: CursorSigner;
  private readonly documents = new Map<string, DocumentNode>();

  constructor(private readonly options: ShardedSourceOptions) {
    this.order = options.shards.map((shard) => shard.partnership);
    this.sources = new Map(
      options.shards.map((shard) => [
        shard.partnership,
        new SubgraphSource({ url: shard.url, audience: shard.partnership, pool: options.pool, timeoutMs: options.timeoutMs }),
      ]),
    );
    this.writers = new Map(
      options.shards.map((shard) => [
        shard.partnership,
        new SubgraphSource({ url: shard.url, audience: shard.partnership, pool: options.pool, timeoutMs: options.writeTimeoutMs }),
      ]),
    );
    this.cursors = new CursorSigner(options.cursorSecret);
  }

  async process(options: Options): Promise<GatewayGraphQLResponse> {
    const query = options.request.query;
    if (!query) throw new Error("A subgraph fetch without a query.");
    const document = this.parse(query);
    const operation = findOperation(document, options.request.operationName);
    const fields = operation.selectionSet.selections.filter((selection): selection is FieldNode => selection.kind === Kind.FIELD);
    if (fields.some((field) => field.name.value === ENTITIES)) return this.processEntities(options);

    const write = operation.operation === OperationTypeNode.MUTATION;
    const context: PlanContext = {
      // Files come only with writes (imports); reads skip the walk over their variables.
      variables: write ? await forwardUploads(options.request.variables ?? {}, this.options.maxUploadBytes) : (options.request.variables ?? {}),
      fragments: fragmentsOf(document),
      shards: this.order,
      cursors: this.cursors,
      identity: options.context.identity ?? PUBLIC_IDENTITY,
      suppressionThreshold: this.options.suppressionThreshold,
    };
    const plans: FieldPlan[] = fields.map((field) => {
      if (field.name.value === "__typename") return { key: responseKey(field), targets: [], shardField: () => field, merge: () => "Query", errors: [] };
      const rule = this.options.rules.root.get(field.name.value);
      const strategy = rule && STRATEGIES[rule.merge];
      return rule && strategy ? strategy(field, rule, context) : unplannable(field, `No shard rule for Query.${field.name.value}.`);
    });

    const replies = new Map<PartnershipKey, ShardReply>();
    await Promise.all(
      this.order.map(async (shard) => {
        const shardFields = plans.filter((plan) => plan.targets.includes(shard)).map((plan) => plan.shardField(shard));
        if (shardFields.length === 0) return;
        const restricted = shardOperation(document, operation, shardFields);
        const variables = Object.fromEntries(Object.entries(context.variables).filter(([name]) => restricted.variableNames.has(name)));
        replies.set(
          shard,
          await this.send(shard, { options, query: restricted.query, variables, fields: shardFields.map((field) => field.name.value), write }),
        );
      }),
    );

    const data: Data = {};
    const errors: GraphQLFormattedError[] = [];
    for (const plan of plans) {
      errors.push(...plan.errors);
      const answers = [];
      for (const shard of plan.targets) {
        const reply = replies.get(shard)!;
        if (reply.failure) errors.push({ ...reply.failure, path: [plan.key] });
        else answers.push({ shard, value: reply.data?.[plan.key] });
      }
      // Nothing to ask (or planning failed): the strategy says what that is. Every shard asked failed:
      // null, and GraphQL bubbles it as the schema says.
      data[plan.key] = plan.targets.length === 0 ? plan.merge([]) : answers.length > 0 ? plan.merge(answers) : null;
    }
    // The shards' own errors, at the paths the client's response has (after the merge placed every row), in national order.
    const planOf = new Map(plans.map((plan) => [plan.key, plan]));
    for (const shard of this.order) {
      for (const shardError of replies.get(shard)?.errors ?? []) {
        const plan = shardError.path ? planOf.get(String(shardError.path[0])) : undefined;
        if (!plan?.errorPaths) errors.push(shardError);
        else for (const path of plan.errorPaths(shard, shardError.path!)) errors.push({ ...shardError, path });
      }
    }
    const unique = dedupe(errors).sort((a, b) => comparePaths(a.path, b.path));
    return unique.length > 0 ? { data, errors: unique } : { data };
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

  private async processEntities(options: Options): Promise<GatewayGraphQLResponse> {
    const variables = options.request.variables ?? {};
    const representations = (variables.representations ?? []) as { id?: unknown }[];
    const entities: unknown[] = new Array(representations.length).fill(null);
    const errors: GraphQLFormattedError[] = [];
    const indicesByShard = new Map<PartnershipKey, number[]>();

    representations.forEach((representation, index) => {
      const decoded = tryDecodeRecordId(representation.id);
      if (!decoded) {
        errors.push(
          error(`Malformed ID ${JSON.stringify(representation.id)} in a reference to a regional record.`, ErrorCode.BAD_USER_INPUT, [ENTITIES, index]),
        );
        return;
      }
      // A catalogue entry is in every region: the first answers.
      const shard = decoded.partnership ?? this.order[0]!;
      indicesByShard.set(shard, [...(indicesByShard.get(shard) ?? []), index]);
    });

    await Promise.all(
      this.order
        .filter((shard) => indicesByShard.has(shard))
        .map(async (shard) => {
          const indices = indicesByShard.get(shard)!;
          const reply = await this.send(shard, {
            options,
            query: options.request.query!,
            variables: { ...variables, representations: indices.map((index) => representations[index]) },
            fields: [ENTITIES],
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

  /** One request to one shard: the client's request with this shard's query and variables; `fields` name its root fields, `write` sends it by the writers' pool. */
  private async send(
    shard: PartnershipKey,
    {
      options,
      query,
      variables,
      fields,
      write = false,
    }: { options: Options; query: string; variables: Record<string, unknown>; fields: string[]; write?: boolean },
  ): Promise<ShardReply> {
    const info = PARTNERSHIPS[shard];
    const region = { partnership: shard, macroregion: info.macroregion };
    const started = performance.now();
    let outcome: ShardOutcome = "ok";
    let reply: ShardReply;
    try {
      const response = await (write ? this.writers : this.sources).get(shard)!.process({ ...options, request: { ...options.request, query, variables } });
      // The region is the one the gateway asked, whatever the answer says.
      const errors = (response.errors ?? []).map((shardError) => ({ ...shardError, extensions: { ...shardError.extensions, ...region } }));
      if (errors.length > 0) outcome = "errors";
      reply = { shard, data: (response.data as Data | null | undefined) ?? null, errors };
    } catch (cause) {
      const timedOut = isTimeout(cause);
      outcome = timedOut ? "timeout" : "unavailable";
      options.context.missingRegions?.add(shard);
      const reason = !timedOut
        ? "is unavailable"
        : write
          ? `did not confirm the write within ${this.options.writeTimeoutMs} ms; it may still complete, so read the record or the region's audit trail before retrying`
          : `did not answer within ${this.options.timeoutMs} ms`;
      reply = {
        shard,
        data: null,
        errors: [],
        failure: error(
          `Region ${info.name} (macroregion ${info.macroregion}) ${reason}; its data is missing from this response.`,
          timedOut ? ErrorCode.SHARD_TIMEOUT : ErrorCode.SHARD_UNAVAILABLE,
          undefined,
          region,
        ),
      };
      if (!timedOut) this.options.logger.warn({ partnership: shard, err: cause }, "shard unavailable");
    }
    const elapsed = performance.now() - started;
    this.options.metrics.record(shard, outcome, elapsed / 1000);
    const durationMs = Math.round(elapsed * 10) / 10;
    this.options.logger.info({ requestId: options.context.requestId, partnership: shard, fields, durationMs, outcome }, "shard call");
    options.context.shardCalls?.push({
      partnership: shard,
      fields,
      durationMs,
      outcome,
      bytes: reply.data ? Buffer.byteLength(JSON.stringify(reply.data)) : 0,
    });
    return reply;
  }
}

/** A call aborted by its deadline (AbortSignal.timeout), however the HTTP layers wrapped the error. */
function isTimeout(cause: unknown): boolean {
  for (let current = cause; current; current = (current as { cause?: unknown }).cause) {
    if ((current as { name?: unknown }).name === "TimeoutError") return true;
  }
  return false;
}

/** Errors in the order of their paths (a list's items in order; an error without a path first): the same answer gives the same list. */
function comparePaths(a: readonly (string | number)[] | undefined, b: readonly (string | number)[] | undefined): number {
  if (!a || !b) return (a ? 1 : 0) - (b ? 1 : 0);
  for (let index = 0; index < Math.min(a.length, b.length); index++) {
    const [left, right] = [a[index]!, b[index]!];
    if (left === right) continue;
    if (typeof left === "number" && typeof right === "number") return left - right;
    return String(left) < String(right) ? -1 : 1;
  }
  return a.length - b.length;
}

/** The same error from several shards (a bad argument every shard refuses) is reported once. */
function dedupe(errors: GraphQLFormattedError[]): GraphQLFormattedError[] {
  const seen = new Set<string>();
  return errors.filter((candidate) => {
    const key = JSON.stringify([candidate.message, candidate.path, candidate.extensions?.code]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
