import type { ApolloServerPlugin } from "@apollo/server";
import type { GatewayContext } from "../context";
import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { ErrorCode, hubError, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE } from "@kooperacja/shared";
import depthLimit from "graphql-depth-limit";
import { getComplexity, simpleEstimator, type ComplexityEstimator } from "graphql-query-complexity";
import { GraphQLError, isListType, isNonNullType, validate, type DocumentNode, type GraphQLOutputType, type GraphQLSchema, type ValidationRule } from "graphql";

/** What one request may ask; each is set by an environment variable (see README "Access and privacy"). */
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
}

/** The size a list without paging arguments is assumed to have when costing a query. */
const ASSUMED_LIST_SIZE = 10;

function limitError(limit: string, message: string) {
  return hubError(ErrorCode.LIMIT_EXCEEDED, message, { limit, http: { status: 400 } });
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

type Verdict = { limit: string; message: string } | null;

/** The first limit an operation breaks, with these variables; null when it keeps them all. */
function judge(limits: QueryLimits, rules: ValidationRule[], schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, operationName: string | undefined): Verdict {
  const problem = firstProblem(() => validate(schema, document, rules));
  if (problem) return { limit: /depth/i.test(problem.message) ? "depth" : "aliases", message: problem.message.replace(/^Syntax Error: /, "") };
  let largestPage = 0;
  const cost = costOf(() =>
    getComplexity({
      schema,
      query: document,
      variables,
      operationName,
      estimators: [
        (options) => {
          largestPage = Math.max(largestPage, ...pageSizes(options.args));
          return listSizeEstimator(options);
        },
        simpleEstimator({ defaultComplexity: 1 }),
      ],
    }),
  );
  // Variables that do not fit their types: execution refuses them with BAD_USER_INPUT, before any subgraph call.
  if (cost === undefined) return null;
  if (largestPage > MAX_PAGE_SIZE) return { limit: "pageSize", message: `A page may hold at most ${MAX_PAGE_SIZE} items; this operation asks for ${largestPage}.` };
  if (cost > limits.maxCost) {
    return { limit: "cost", message: `The operation's estimated cost is ${cost}, over the limit of ${limits.maxCost}: ask for smaller pages or fewer nested lists.` };
  }
  return null;
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
export function queryLimitsPlugin(limits: QueryLimits): ApolloServerPlugin<GatewayContext> {
  const rules = [depthLimit(limits.maxDepth), maxAliasesRule({ n: limits.maxAliases, exposeLimits: true })];
  const verdicts = new WeakMap<DocumentNode, Map<string, Verdict>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, schema, request, operationName, contextValue }) {
          // The gateway's own fixed operations (exports) are not a client's to bound; the HTTP request still is (rate limit).
          if (contextValue.trusted) return;
          const variables = request.variables ?? {};
          const key = JSON.stringify([operationName ?? null, variables]);
          let known = verdicts.get(document);
          if (!known) verdicts.set(document, (known = new Map()));
          let verdict = known.get(key);
          if (verdict === undefined) {
            verdict = judge(limits, rules, schema, document, variables, operationName ?? undefined);
            if (known.size < VERDICTS_PER_DOCUMENT) known.set(key, verdict);
          }
          if (verdict) throw limitError(verdict.limit, verdict.message);
        },
      };
    },
  };
}
