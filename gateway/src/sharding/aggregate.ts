import { owns, ShardMerge, suppressSmallCells, type Identity, type ShardRule, type SuppressionSpec } from "@kooperacja/shared";
import { Kind, type FieldNode, type SelectionNode } from "graphql";
import { field, fieldsOf, HUB_ALIAS, responseKey } from "./operation";
import type { Answer, FieldPlan, PlanContext } from "./plan";
import type { RootRule } from "./rules";
import { pruned } from "./arguments";

const GROUPS = `${HUB_ALIAS}Groups`;

type Group = Record<string, unknown>;

/** Which shards contributed to a merged group: the caller sees it unsuppressed only if it owns them all. */
const CONTRIBUTORS = Symbol("contributors");
type MergedGroup = Group & { [CONTRIBUTORS]?: Set<string> };

/**
 * Grouped partials computed in SQL inside each shard, merged here by group
 * key: every shard is asked for all key and partial fields of its groups, so
 * the merge never depends on what the client selected, and only the groups
 * (never the rows behind them) cross the network.
 */
export function aggregateStrategy(node: FieldNode, rule: RootRule, context: PlanContext): FieldPlan {
  const groupsField = rule.by!;
  const groupRules = rule.groupFields!;
  // Ratios, choices and missing regions are derived and the suppression flag decided here, from the merged partials.
  const partialFields = [...groupRules].filter(([, fieldRule]) => !DERIVED.has(fieldRule.merge)).map(([name]) => field(name));
  const suppression = suppressionOf(groupRules);
  const targets = pruned(node, rule, context);
  const selections: SelectionNode[] = [
    ...(node.selectionSet?.selections ?? []).filter((selection) => !(selection.kind === Kind.FIELD && selection.name.value === groupsField)),
    field(groupsField, GROUPS, [field("__typename"), ...partialFields]),
  ];
  return {
    key: responseKey(node),
    targets,
    shardField: () => ({ ...node, selectionSet: { kind: Kind.SELECTION_SET, selections } }),
    merge: (answers) => {
      const results = answers.filter((answer): answer is Answer & { value: Record<string, unknown> } => Boolean(answer.value));
      if (results.length === 0) return null;
      const merged = mergeGroups(
        results.flatMap(({ shard, value }) => ((value[GROUPS] as Group[] | undefined) ?? []).map((group) => ({ ...group, [CONTRIBUTORS]: new Set([shard]) }))),
        groupRules,
        targets.filter((shard) => !results.some((answer) => answer.shard === shard)),
      );
      if (suppression) suppressSmallCells(merged, suppression, context.suppressionThreshold, (group) => ownsAll(context.identity, group));
      const out: Record<string, unknown> = {};
      for (const selected of fieldsOf(node.selectionSet, context.fragments)) {
        const key = responseKey(selected);
        if (selected.name.value !== groupsField) {
          out[key] = results[0]!.value[key];
          continue;
        }
        const groupFields = fieldsOf(selected.selectionSet, context.fragments);
        out[key] = merged.map((group) => Object.fromEntries(groupFields.map((groupField) => [responseKey(groupField), group[groupField.name.value]])));
      }
      return out;
    },
    errors: [],
  };
}

/** Group fields the gateway derives rather than asks the shards for. */
const DERIVED = new Set<string>([ShardMerge.RATIO, ShardMerge.CHOOSE, ShardMerge.MISSING, ShardMerge.SUPPRESS]);

/**
 * Adds up the shards' groups that share a key, and derives the ratio and
 * choice fields from the merged partials; `missing` are the shards asked that
 * did not answer.
 */
export function mergeGroups(groups: MergedGroup[], rules: ReadonlyMap<string, ShardRule>, missing: readonly string[] = []): MergedGroup[] {
  const keyFields = [...rules].filter(([, rule]) => rule.merge === ShardMerge.KEY || rule.merge === ShardMerge.TABLE).map(([name]) => name);
  const byKey = new Map<string, MergedGroup>();
  for (const group of groups) {
    const key = JSON.stringify(keyFields.map((name) => group[name] ?? null));
    const into = byKey.get(key);
    if (!into) {
      byKey.set(key, { ...group, [CONTRIBUTORS]: new Set(group[CONTRIBUTORS]) });
      continue;
    }
    for (const shard of group[CONTRIBUTORS] ?? []) into[CONTRIBUTORS]?.add(shard);
    for (const [name, rule] of rules) {
      const [a, b] = [into[name], group[name]] as [number | null, number | null];
      // A figure no shard has (a family count of an indicator not about families) stays null.
      if (rule.merge === ShardMerge.SUM) into[name] = a === null && b === null ? null : (a ?? 0) + (b ?? 0);
      else if (rule.merge === ShardMerge.MIN) into[name] = a === null ? b : b === null ? a : Math.min(a, b);
      else if (rule.merge === ShardMerge.MAX) into[name] = a === null ? b : b === null ? a : Math.max(a, b);
    }
  }
  const merged = [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, group]) => group);
  for (const group of merged) {
    for (const [name, rule] of rules) {
      if (rule.merge !== ShardMerge.RATIO) continue;
      const [numerator, denominator] = (rule.by ?? "").split("/") as [string, string];
      const bottom = Number(group[denominator]);
      group[name] = bottom ? Number(group[numerator]) / bottom : null;
    }
    for (const [name, rule] of rules) {
      if (rule.merge === ShardMerge.CHOOSE) group[name] = group[String(group[rule.by ?? ""] ?? "").toLowerCase()] ?? null;
      // A group keyed by its partnership is that region's alone: no other region's figures are missing from it.
      if (rule.merge === ShardMerge.MISSING) group[name] = rule.by && group[rule.by] ? [] : [...missing];
    }
  }
  return merged;
}

/** The suppression the group rules declare (a SUPPRESS flag naming the family count), if any. */
function suppressionOf(rules: ReadonlyMap<string, ShardRule>): SuppressionSpec | undefined {
  const flag = [...rules].find(([, rule]) => rule.merge === ShardMerge.SUPPRESS);
  if (!flag || !flag[1].by) return undefined;
  const figure = (rule: ShardRule) => !([ShardMerge.KEY, ShardMerge.TABLE, ShardMerge.SUPPRESS, ShardMerge.MISSING] as string[]).includes(rule.merge);
  return {
    countField: flag[1].by,
    flagField: flag[0],
    valueFields: [...rules].filter(([, rule]) => figure(rule)).map(([name]) => name),
    dimensions: new Map([...rules].filter(([, rule]) => rule.merge === ShardMerge.KEY).map(([name, rule]) => [name, rule.by ?? name])),
    partition: [...rules].filter(([, rule]) => rule.merge === ShardMerge.TABLE).map(([name]) => name),
  };
}

function ownsAll(identity: Identity, group: MergedGroup): boolean {
  const contributors = group[CONTRIBUTORS];
  return Boolean(contributors && contributors.size > 0 && [...contributors].every((shard) => owns(identity, shard)));
}
