import { addKeys, isPartnershipKey, originOf, partnershipRank, protectGroup, protectionOf, ShardMerge, type ShardRule } from "@kooperacja/contract";
import { owns, type Identity } from "@kooperacja/service-kit";
import { Kind, type FieldNode, type SelectionNode } from "graphql";
import { field, fieldsOf, HUB_ALIAS, responseKey } from "./operation";
import type { Answer, FieldPlan, PlanContext } from "./plan";
import type { RootRule } from "./rules";
import { pruned } from "./arguments";

const GROUPS = `${HUB_ALIAS}Groups`;

type Group = Record<string, unknown>;

/** Which shards contributed to a merged group: the caller sees its figures exact only if it owns them all. */
const CONTRIBUTORS = Symbol("contributors");
type MergedGroup = Group & { [CONTRIBUTORS]?: Set<string> };

/**
 * Grouped partials computed in SQL inside each shard, merged here by group
 * key: every shard is asked for all key and partial fields of its groups
 * (cell keys included), so the merge never depends on what the client
 * selected, and only the groups (never the rows behind them) cross the
 * network. The merged figures about families are then protected for the
 * caller (the cell key method), and the derived figures computed from them.
 */
export function aggregateStrategy(node: FieldNode, rule: RootRule, context: PlanContext): FieldPlan {
  const groupsField = rule.by!;
  const groupRules = rule.groupFields!;
  // Ratios, choices and missing regions are derived and the protection decided here, from the merged partials.
  const partialFields = [...groupRules].filter(([, fieldRule]) => !DERIVED.has(fieldRule.merge)).map(([name]) => field(name));
  const protection = protectionOf(groupRules);
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
      );
      // What each figure is computed from, on the merged counts, before protection moves them.
      deriveOrigins(merged, groupRules);
      if (protection)
        for (const group of merged) protectGroup(group, protection, { exact: ownsAll(context.identity, group), threshold: context.suppressionThreshold });
      deriveFigures(
        merged,
        groupRules,
        targets.filter((shard) => !results.some((answer) => answer.shard === shard)),
      );
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
const DERIVED = new Set<string>([ShardMerge.RATIO, ShardMerge.CHOOSE, ShardMerge.MISSING, ShardMerge.SUPPRESS, ShardMerge.PROTECTION, ShardMerge.ORIGIN]);

/** The ORIGIN fields, from the merged `synthetic/records` counts: exact counts, so this runs before the figures are protected. */
export function deriveOrigins(groups: MergedGroup[], rules: ReadonlyMap<string, ShardRule>): MergedGroup[] {
  for (const [name, rule] of rules) {
    if (rule.merge !== ShardMerge.ORIGIN) continue;
    const [synthetic, records] = (rule.by ?? "").split("/") as [string, string];
    for (const group of groups) group[name] = originOf(Number(group[synthetic] ?? 0), Number(group[records] ?? 0));
  }
  return groups;
}

/** Adds up the shards' groups that share a key: sums, extremes and cell keys. */
export function mergeGroups(groups: MergedGroup[], rules: ReadonlyMap<string, ShardRule>): MergedGroup[] {
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
      else if (rule.merge === ShardMerge.KEYSUM) into[name] = a === null && b === null ? null : addKeys(a ?? 0, b ?? 0);
      else if (rule.merge === ShardMerge.MIN) into[name] = a === null ? b : b === null ? a : Math.min(a, b);
      else if (rule.merge === ShardMerge.MAX) into[name] = a === null ? b : b === null ? a : Math.max(a, b);
    }
  }
  // Groups in key order, a partnership in macroregion order (I, II, III) as everywhere else, not by its key's spelling.
  const sortable = (group: MergedGroup) =>
    keyFields.map((name) => {
      const value = group[name] ?? null;
      return rules.get(name)?.by === "PARTNERSHIP" && isPartnershipKey(value) ? partnershipRank(value) : value;
    });
  return [...byKey.values()]
    .map((group) => ({ group, key: sortable(group) }))
    .sort((a, b) => compareKeys(a.key, b.key))
    .map(({ group }) => group);
}

/** Key values in order: ranks by number, the rest by their JSON text (so a group without a value, null, comes after those with one). */
function compareKeys(a: unknown[], b: unknown[]): number {
  for (let index = 0; index < a.length; index++) {
    const [left, right] = [a[index] ?? null, b[index] ?? null];
    if (left === right) continue;
    if (typeof left === "number" && typeof right === "number") return left - right;
    const [l, r] = [JSON.stringify(left), JSON.stringify(right)];
    if (l !== r) return l < r ? -1 : 1;
  }
  return 0;
}

/**
 * Derives the ratio and choice fields from the (protected) partials, and the
 * regions missing from each group: `missing` are the shards asked that did
 * not answer.
 */
export function deriveFigures(groups: MergedGroup[], rules: ReadonlyMap<string, ShardRule>, missing: readonly string[] = []): MergedGroup[] {
  for (const group of groups) {
    for (const [name, rule] of rules) {
      if (rule.merge !== ShardMerge.RATIO) continue;
      const [numerator, denominator] = (rule.by ?? "").split("/") as [string, string];
      const [top, bottom] = [group[numerator], group[denominator]];
      group[name] = typeof top === "number" && typeof bottom === "number" && bottom !== 0 ? top / bottom : null;
    }
    for (const [name, rule] of rules) {
      if (rule.merge === ShardMerge.CHOOSE) group[name] = group[String(group[rule.by ?? ""] ?? "").toLowerCase()] ?? null;
      // A group keyed by its partnership is that region's alone: no other region's figures are missing from it.
      if (rule.merge === ShardMerge.MISSING) group[name] = rule.by && group[rule.by] ? [] : [...missing];
    }
  }
  return groups;
}

function ownsAll(identity: Identity, group: MergedGroup): boolean {
  const contributors = group[CONTRIBUTORS];
  return Boolean(contributors && contributors.size > 0 && [...contributors].every((shard) => owns(identity, shard)));
}
