import { shardsForFilter, type PartnershipKey, type RegionFilter } from "@kooperacja/contract";
import { valueFromASTUntyped, type FieldNode } from "graphql";
import type { PlanContext } from "./plan";
import type { RootRule } from "./rules";

/** The value of a field's argument, with variables substituted. */
export function argumentValue(node: FieldNode, name: string, variables: Record<string, unknown>): unknown {
  const argument = node.arguments?.find((candidate) => candidate.name.value === name);
  return argument ? valueFromASTUntyped(argument.value, variables) : undefined;
}

export const asList = (value: unknown): string[] | undefined =>
  value === undefined || value === null ? undefined : (Array.isArray(value) ? value : [value]).map(String);

/**
 * The shards a field must ask: all, or those its filter argument (`prune`)
 * leaves. When the filter rules out every shard, one is still asked, so the
 * contract itself answers (with no rows, or with its error for a bad value).
 */
export function pruned(node: FieldNode, rule: RootRule, context: PlanContext): PartnershipKey[] {
  if (!rule.prune) return context.shards;
  const filter = argumentValue(node, rule.prune, context.variables) as Record<string, unknown> | null | undefined;
  if (!filter || typeof filter !== "object") return context.shards;
  const region: RegionFilter = {
    partnerships: asList(filter.partnerships),
    macroregions: asList(filter.macroregions),
    voivodeships: asList(filter.voivodeships),
    teryt: asList(filter.teryt),
  };
  const keys = shardsForFilter(region).filter((key) => context.shards.includes(key));
  return keys.length > 0 ? keys : context.shards.slice(0, 1);
}
