import type { ApolloServerPlugin } from "@apollo/server";
import type { GatewayContext } from "../context";
import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { ErrorCode, hubError, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE, PARTNERSHIP_KEYS, ShardMerge, shardsForFilter, type RegionFilter } from "@kooperacja/contract";
import type { RootRule, ShardRules } from "../sharding/rules";
import depthLimit from "graphql-depth-limit";
import { getComplexity, simpleEstimator, type ComplexityEstimator } from "graphql-query-complexity";
import {
  buildSchema,
  GraphQLError,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  validate,
  type DocumentNode,
  type GraphQLOutputType,
  type GraphQLSchema,
  type ValidationRule,
} from "graphql";

/** What one request may ask; each is set by an environment variable (see docs/access-and-privacy.md). */
export interface QueryLimits {
  /** MAX_DEPTH: nesting of fields. */
  maxDepth: number;
  /** MAX_COST: estimated fields resolved, lists counted at their page size. */
  maxCost: number;
  /** MAX_ALIASES: aliased fields in one operation. */
  maxAliases: number;
  /** MAX_TOKENS: lexical tokens in one document; bounds the work of parsing and validating it. */
  maxTokens: number;
  /** MAX_BATCHED_OPERATIONS: operations in one HTTP request (1: no batching). */
  maxBatchedOperations: number;
  /** MAX_BODY_BYTES: size of a JSON request body. */
  maxBodyBytes: number;
  /** MAX_UPLOAD_BYTES: size of a file sent for import (multipart request). */
  maxUploadBytes: number;
  /** RATE_LIMIT_PER_MINUTE: requests per identity (or per address for the public) per minute. */
  ratePerMinute: number;
  /** MAX_LIST_ITEMS: items in any list an operation's arguments hold (a filter's TERYT codes, indicators). */
  maxListItems: number;
}

/**
 * What the contract says fields cost: `@cost(weight:)` (Apollo Federation's
 * demand control, the IBM GraphQL cost directive) by "Type.field", and the
 * shard rules, which say how many regions a root field reaches.
 */
export interface FieldCosts {
  weights: ReadonlyMap<string, number>;
  rules: ShardRules;
}

/** The `@cost` weights the supergraph carries, by "Type.field". */
export function readCostWeights(supergraphSdl: string): Map<string, number> {
  const schema = buildSchema(supergraphSdl, { assumeValidSDL: true });
  const weights = new Map<string, number>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      const cost = field.astNode?.directives?.find((directive) => directive.name.value === "cost");
      const weight = cost?.arguments?.find((argument) => argument.name.value === "weight")?.value;
      if (weight?.kind === Kind.INT) weights.set(`${type.name}.${field.name}`, Number(weight.value));
    }
  }
  return weights;
}

/**
 * A weighted field (an aggregate) costs its weight for every item of each
 * list argument (indicators, groupings), for every region it reaches (a
 * filter naming partnerships reaches fewer), plus its children.
 */
function weightedEstimator(costs: FieldCosts): ComplexityEstimator {
  return ({ type, field, args, childComplexity }) => {
    const weight = costs.weights.get(`${type.name}.${field.name}`);
    if (weight === undefined) return undefined;
    const items = field.args.filter((argument) => isListType(isNonNullType(argument.type) ? argument.type.ofType : argument.type));
    const lists = items.reduce(
      (product, argument) => product * Math.max(1, Array.isArray(args[argument.name]) ? (args[argument.name] as unknown[]).length : 1),
      1,
    );
    return weight * lists * regionsReached(type.name === "Query" ? costs.rules.root.get(field.name) : undefined, args) + childComplexity;
  };
}

function regionsReached(rule: RootRule | undefined, args: Record<string, unknown>): number {
  if (rule?.merge === ShardMerge.PARTNERSHIP || rule?.merge === ShardMerge.ROUTE) return 1;
  if (rule?.prune) return Math.max(1, shardsForFilter(args[rule.prune] as RegionFilter | null | undefined).length);
  return PARTNERSHIP_KEYS.length;
}

/** The longest list anywhere in a field's arguments (input objects included), with where it is; walked without recursion. */
function longestList(fieldName: string, args: Record<string, unknown>): { length: number; path: string } {
  let longest = { length: 0, path: fieldName };
  const stack: [unknown, string][] = [[args, fieldName]];
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    if (Array.isArray(value)) {
      if (value.length > longest.length) longest = { length: value.length, path };
      for (const item of value) if (item !== null && typeof item === "object") stack.push([item, path]);
    } else if (value !== null && typeof value === "object") {
      for (const [key, child] of Object.entries(value)) stack.push([child, `${path}.${key}`]);
    }
  }
  return longest;
}

/** 100000 as "100 000", as the guides write it. */
function formatCount(value: number): string {
  return value.toLocaleString("en-US").replace(/,/g, " ");
}

/** The size a list without paging arguments is assumed to have when costing a query. */
const ASSUMED_LIST_SIZE = 10;

function limitError(limit: string, message: string, code: ErrorCode = ErrorCode.LIMIT_EXCEEDED) {
  return hubError(code, message, { limit, http: { status: 400 } });
}

/**
 * Counts list fields at the size they can return: a connection at its
 * `first`/`last` (or the default page; its `edges` are that page), a lookup by `ids` at their number,
 * any other list at ASSUMED_LIST_SIZE. A field costs 1 plus its children.
 */
const listSizeEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  // A connection's edges are counted at the connection's page size, not again as a list.
  if (type.name.endsWith("Connection")) return 1 + childComplexity;
  const pageSize = typeof args.first === "number" ? args.first : typeof args.last === "number" ? args.last : undefined;
  if (field.args.some((arg) => arg.name === "first")) return 1 + childComplexity * (pageSize ?? DEFAULT_PAGE_SIZE);
  if (Array.isArray(args.ids)) return 1 + childComplexity * args.ids.length;
  if (isList(field.type)) return 1 + childComplexity * ASSUMED_LIST_SIZE;
  return undefined;
};

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

/** The largest `first`/`last` the operation asks, with variables applied. */
function pageSizes(args: Record<string, unknown>): number[] {
  return ["first", "last"].map((name) => args[name]).filter((value): value is number => typeof value === "number");
}

/** The first error the rules report, or throw (graphql-armor's rules throw rather than report). */
function firstProblem(check: () => readonly GraphQLError[]): GraphQLError | undefined {
  try {
    return check()[0];
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
}

function costOf(estimate: () => number): number | undefined {
  try {
    return estimate();
  } catch (error) {
    if (error instanceof GraphQLError) return undefined;
    throw error;
  }
}

/** An operation's cost, and the first limit it breaks (null when it keeps them all). */
type Verdict = { cost: number; broken: { limit: string; message: string; code?: ErrorCode } | null };

/**
 * Judges an operation with these variables against every limit. A trusted
 * operation (an export's fixed query) is the gateway's own in shape, so only
 * what its variables (from a download's URL) decide is judged: its lists and
 * the cost of its aggregates.
 */
function judge(
  limits: QueryLimits,
  costs: FieldCosts,
  rules: ValidationRule[],
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  operationName: string | undefined,
  trusted: boolean,
): Verdict {
  const problem = trusted ? undefined : firstProblem(() => validate(schema, document, rules));
  if (problem)
    return { cost: 0, broken: { limit: /depth/i.test(problem.message) ? "depth" : "aliases", message: problem.message.replace(/^Syntax Error: /, "") } };
  let largestPage = 0;
  let longest = { length: 0, path: "" };
  let aggregates = 0;
  const weighted = weightedEstimator(costs);
  const cost = costOf(() =>
    getComplexity({
      schema,
      query: document,
      variables,
      operationName,
      estimators: [
        (options) => {
          largestPage = Math.max(largestPage, ...pageSizes(options.args));
          const list = longestList(options.field.name, options.args);
          if (list.length > longest.length) longest = list;
          const own = weighted({ ...options, childComplexity: 0 });
          if (own !== undefined) aggregates += own;
          return own === undefined ? listSizeEstimator(options) : own + options.childComplexity;
        },
        simpleEstimator({ defaultComplexity: 1 }),
      ],
    }),
  );
  // Variables that do not fit their types: execution refuses them with BAD_USER_INPUT, before any subgraph call.
  if (cost === undefined) return { cost: 0, broken: null };
  if (trusted) return judgeTrusted(limits, aggregates, longest);
  if (longest.length > limits.maxListItems) {
    return {
      cost,
      broken: {
        limit: "listLength",
        code: ErrorCode.BAD_USER_INPUT,
        message: `A list in the arguments may hold at most ${limits.maxListItems} items; ${longest.path} has ${longest.length}.`,
      },
    };
  }
  if (largestPage > MAX_PAGE_SIZE)
    return { cost, broken: { limit: "pageSize", message: `A page may hold at most ${MAX_PAGE_SIZE} items; this operation asks for ${largestPage}.` } };
  if (cost > limits.maxCost) {
    return {
      cost,
      broken: {
        limit: "cost",
        message: `The operation's estimated cost is ${formatCount(cost)}, over the limit of ${formatCount(limits.maxCost)}: ask for smaller pages, fewer nested lists, or fewer indicators, groupings and regions in its aggregates.`,
      },
    };
  }
  return { cost, broken: null };
}

function judgeTrusted(limits: QueryLimits, aggregates: number, longest: { length: number; path: string }): Verdict {
  if (longest.length > limits.maxListItems) {
    return {
      cost: aggregates,
      broken: {
        limit: "listLength",
        code: ErrorCode.BAD_USER_INPUT,
        message: `A list may hold at most ${limits.maxListItems} items; ${longest.path} has ${longest.length}.`,
      },
    };
  }
  if (aggregates > limits.maxCost) {
    return {
      cost: aggregates,
      broken: {
        limit: "cost",
        message: `The export's aggregates have an estimated cost of ${formatCount(aggregates)}, over the limit of ${formatCount(limits.maxCost)}: ask for fewer indicators, groupings or regions.`,
      },
    };
  }
  return { cost: aggregates, broken: null };
}

/** Verdicts kept per operation and variables, for at most this many sets of variables of one document. */
const VERDICTS_PER_DOCUMENT = 64;

/**
 * Refuses, before any subgraph is called, an operation that is too deep,
 * too costly, has too many aliases or asks for too large a page. It runs
 * after GraphQL validation (the token limit keeps that cheap) and before
 * the query plan is executed; the error says which limit, in `extensions.limit`.
 * Apollo Server hands a repeated query the same parsed document, so the
 * verdict is remembered per document (and variables): a dashboard's
 * repeated queries are judged once, not on every request.
 */
export function queryLimitsPlugin(limits: QueryLimits, costs: FieldCosts): ApolloServerPlugin<GatewayContext> {
  const rules = [depthLimit(limits.maxDepth), maxAliasesRule({ n: limits.maxAliases, exposeLimits: true })];
  const verdicts = new WeakMap<DocumentNode, Map<string, Verdict>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, schema, request, operationName, contextValue }) {
          const trusted = contextValue.trusted === true;
          const variables = request.variables ?? {};
          const key = JSON.stringify([operationName ?? null, variables, trusted]);
          let known = verdicts.get(document);
          if (!known) verdicts.set(document, (known = new Map()));
          let verdict = known.get(key);
          if (verdict === undefined) {
            verdict = judge(limits, costs, rules, schema, document, variables, operationName ?? undefined, trusted);
            if (known.size < VERDICTS_PER_DOCUMENT) known.set(key, verdict);
          }
          if (verdict.broken) throw limitError(verdict.broken.limit, verdict.broken.message, verdict.broken.code);
          // The operations of one batched request share one budget: five that each fit do not together get five times the work.
          const budget = contextValue.cost;
          if (budget) {
            budget.spent += verdict.cost;
            if (budget.spent > limits.maxCost) {
              throw limitError(
                "cost",
                `The request's operations together have an estimated cost of ${formatCount(budget.spent)}, over the limit of ${formatCount(limits.maxCost)}: send fewer operations in one batch.`,
              );
            }
          }
        },
      };
    },
  };
}
