import { ErrorCode, isPartnershipKey, ShardMerge, tryDecodeBookId, tryDecodeRecordId, type PartnershipKey } from "@kooperacja/contract";
import type { FieldNode, GraphQLFormattedError } from "graphql";
import { aggregateStrategy } from "./aggregate";
import { argumentValue, asList, pruned } from "./arguments";
import { connectionStrategy } from "./connection";
import { field, HUB_ALIAS, listValue, responseKey, stringValue, withArgument } from "./operation";
import { error, listErrorPaths, type Answer, type FieldPlan, type Strategy } from "./plan";

const concat: Strategy = (node, rule, context) => {
  const placed = new Map<PartnershipKey, Map<number, number>>();
  return {
    key: responseKey(node),
    targets: pruned(node, rule, context),
    shardField: () => node,
    merge: (answers) => mergeLists(answers, placed),
    errors: [],
    errorPaths: (shard, path) => listErrorPaths(placed, shard, path),
  };
};

/** The shards' lists one after another, in national order; `placed` learns where each shard's item went. */
function mergeLists(answers: Answer[], placed: Map<PartnershipKey, Map<number, number>>): unknown[] | null {
  const lists = answers.filter((answer): answer is Answer & { value: unknown[] } => Array.isArray(answer.value));
  if (lists.length === 0) return null;
  const merged: unknown[] = [];
  for (const { shard, value } of lists) {
    placed.set(shard, new Map(value.map((_, index) => [index, merged.length + index])));
    merged.push(...value);
  }
  return merged;
}

const UNION_KEY = `${HUB_ALIAS}Key`;

const union: Strategy = (node, rule, context) => {
  const placed = new Map<PartnershipKey, Map<number, number>>();
  return {
    key: responseKey(node),
    targets: context.shards,
    // Ask for the identifying field under an alias of the gateway's, whatever the client selected.
    shardField: () => ({ ...node, selectionSet: { ...node.selectionSet!, selections: [...node.selectionSet!.selections, field(rule.by!, UNION_KEY)] } }),
    errors: [],
    errorPaths: (shard, path) => listErrorPaths(placed, shard, path),
    merge: (answers) => {
      const merged = mergeLists(answers, placed) as Record<string, unknown>[] | null;
      if (!merged) return null;
      const seen = new Set<unknown>();
      const kept = new Map<number, number>();
      const unique = merged.filter((item, index) => {
        const identity = item?.[UNION_KEY];
        if (item) delete item[UNION_KEY];
        if (seen.has(identity)) return false;
        seen.add(identity);
        kept.set(index, kept.size);
        return true;
      });
      // An item kept once: the places of its duplicates go, the others move up.
      for (const positions of placed.values()) {
        for (const [index, position] of positions) {
          const after = kept.get(position);
          if (after === undefined) positions.delete(index);
          else positions.set(index, after);
        }
      }
      return unique;
    },
  };
};

const malformedId = (id: unknown, path: (string | number)[]) =>
  error(`Malformed ID ${JSON.stringify(id)}: not an ID issued by this hub.`, ErrorCode.BAD_USER_INPUT, path, { id });

/**
 * The shard that answers for the record an ID names: its region's; for a
 * catalogue entry (every region holds it) or a record of the book (any region
 * names its type, and the book gives its fields) the first in national order.
 */
function shardOf(id: unknown, shards: PartnershipKey[]): PartnershipKey | null {
  const decoded = tryDecodeRecordId(id);
  if (decoded) return decoded.partnership ?? shards[0] ?? null;
  return tryDecodeBookId(id) ? (shards[0] ?? null) : null;
}

const route: Strategy = (node, rule, context) => {
  const key = responseKey(node);
  const id = argumentValue(node, rule.by!, context.variables);
  const shard = shardOf(id, context.shards);
  return {
    key,
    targets: shard && context.shards.includes(shard) ? [shard] : [],
    shardField: () => node,
    merge: (answers) => answers[0]?.value ?? null,
    errors: shard ? [] : [malformedId(id, [key])],
  };
};

/** One shard, named by its partnership key: a write or a region's own records. An unknown key asks no shard. */
const partnership: Strategy = (node, rule, context) => {
  const key = responseKey(node);
  const value = argumentValue(node, rule.by!, context.variables);
  const known = isPartnershipKey(value) && context.shards.includes(value);
  return {
    key,
    targets: known ? [value] : [],
    shardField: () => node,
    merge: (answers) => answers[0]?.value ?? null,
    errors: known
      ? []
      : [error(`Unknown partnership ${JSON.stringify(value)}: name one of ${context.shards.join(", ")}.`, ErrorCode.BAD_USER_INPUT, [key], { field: rule.by })],
  };
};

const routeMany: Strategy = (node, rule, context) => {
  const key = responseKey(node);
  const ids = asList(argumentValue(node, rule.by!, context.variables)) ?? [];
  const byShard = new Map<PartnershipKey, number[]>();
  const errors: GraphQLFormattedError[] = [];
  ids.forEach((id, index) => {
    const shard = shardOf(id, context.shards);
    if (!shard) return errors.push(malformedId(id, [key, index]));
    byShard.set(shard, [...(byShard.get(shard) ?? []), index]);
  });
  const targets = context.shards.filter((shard) => byShard.has(shard));
  return {
    key,
    targets,
    // Each shard gets only its own IDs; the answers go back to the positions they were asked at.
    shardField: (shard) => withArgument(node, rule.by!, listValue(byShard.get(shard)!.map((index) => stringValue(ids[index]!)))),
    merge: (answers) => {
      const merged: unknown[] = ids.map(() => null);
      for (const answer of answers) {
        const values = Array.isArray(answer.value) ? answer.value : [];
        byShard.get(answer.shard)!.forEach((index, position) => {
          merged[index] = values[position] ?? null;
        });
      }
      return merged;
    },
    errorPaths: (shard, path) => listErrorPaths(new Map([[shard, new Map(byShard.get(shard)!.map((index, position) => [position, index]))]]), shard, path),
    errors,
  };
};

export const STRATEGIES: Partial<Record<string, Strategy>> = {
  [ShardMerge.CONCAT]: concat,
  [ShardMerge.UNION]: union,
  [ShardMerge.ROUTE]: route,
  [ShardMerge.ROUTE_MANY]: routeMany,
  [ShardMerge.PARTNERSHIP]: partnership,
  [ShardMerge.CONNECTION]: connectionStrategy,
  [ShardMerge.AGGREGATE]: aggregateStrategy,
};

/** A plan for a root field the gateway cannot place: nothing is asked, and the error says why. */
export function unplannable(node: FieldNode, message: string): FieldPlan {
  return {
    key: responseKey(node),
    targets: [],
    shardField: () => node,
    merge: () => null,
    errors: [error(message, ErrorCode.INTERNAL_SERVER_ERROR, [responseKey(node)])],
  };
}
