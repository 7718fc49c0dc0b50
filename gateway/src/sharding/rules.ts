import { SHARD_DIRECTIVE, ShardMerge, type ShardRule } from "@kooperacja/contract";
import { buildSchema, getNamedType, isObjectType, Kind, valueFromASTUntyped, type ConstDirectiveNode, type GraphQLField } from "graphql";

export interface RootRule extends ShardRule {
  /** CONNECTION: the order used when the client gives none, from the argument's default in the contract. */
  defaultOrder?: { field: string; direction: string };
  /** AGGREGATE: how each field of a group merges. */
  groupFields?: Map<string, ShardRule>;
}

export interface ShardRules {
  root: Map<string, RootRule>;
}

/**
 * Reads how each regional root field merges across shards from the
 * `@shard` directives the regional contract declares and composition carries
 * into the supergraph. The gateway hard-codes no field names: a new root field
 * of the regional schema brings its own rule, and one without a rule stops
 * the gateway at start rather than answering wrongly at run time. Mutations
 * carry rules too: a write goes to exactly one shard.
 */
export function readShardRules(supergraphSdl: string, regionalGraphEnum: string): ShardRules {
  const schema = buildSchema(supergraphSdl, { assumeValidSDL: true });
  const root = new Map<string, RootRule>();
  const problems: string[] = [];
  const rootFields = [...Object.values(schema.getQueryType()?.getFields() ?? {}), ...Object.values(schema.getMutationType()?.getFields() ?? {})];
  for (const field of rootFields) {
    const directives = field.astNode?.directives ?? [];
    const ownedByRegional = directives.some((directive) => directive.name.value === "join__field" && argument(directive, "graph") === regionalGraphEnum);
    if (!ownedByRegional) continue;
    const rule = ruleOf(directives);
    const problem = rule ? checkRootRule(field, rule) : "no @shard rule";
    if (problem || !rule) {
      problems.push(`${field.name} (${problem})`);
      continue;
    }
    root.set(field.name, rule);
  }
  if (problems.length > 0) {
    throw new Error(`Regional root fields without a valid @shard rule in the supergraph: ${problems.join(", ")}.`);
  }
  return { root };
}

function checkRootRule(field: GraphQLField<unknown, unknown>, rule: RootRule): string | undefined {
  switch (rule.merge) {
    case ShardMerge.ROUTE:
    case ShardMerge.ROUTE_MANY:
    case ShardMerge.PARTNERSHIP:
      return field.args.some((arg) => arg.name === rule.by) ? undefined : `no argument ${rule.by}`;
    case ShardMerge.UNION:
      return rule.by ? undefined : "UNION needs `by`";
    case ShardMerge.CONNECTION: {
      const orderBy = field.args.find((arg) => arg.name === "orderBy");
      const order = (orderBy?.astNode?.defaultValue ? valueFromASTUntyped(orderBy.astNode.defaultValue) : undefined) as
        { field?: unknown; direction?: unknown } | undefined;
      if (!order || typeof order.field !== "string" || typeof order.direction !== "string") return "a connection needs an orderBy argument with a default";
      rule.defaultOrder = { field: order.field, direction: order.direction };
      return rule.prune && !field.args.some((arg) => arg.name === rule.prune) ? `no argument ${rule.prune}` : undefined;
    }
    case ShardMerge.AGGREGATE: {
      const result = getNamedType(field.type);
      const groups = isObjectType(result) ? result.getFields()[rule.by ?? ""] : undefined;
      const groupType = groups && getNamedType(groups.type);
      if (!groupType || !isObjectType(groupType)) return `no list of groups ${rule.by}`;
      rule.groupFields = new Map();
      for (const groupField of Object.values(groupType.getFields())) {
        const fieldRule = ruleOf(groupField.astNode?.directives ?? []);
        if (!fieldRule) return `group field ${groupType.name}.${groupField.name} has no @shard rule`;
        rule.groupFields.set(groupField.name, fieldRule);
      }
      return undefined;
    }
    case ShardMerge.CONCAT:
      return undefined;
    default:
      return `${rule.merge} is not a root rule`;
  }
}

function ruleOf(directives: readonly ConstDirectiveNode[]): RootRule | undefined {
  const shard = directives.find((directive) => directive.name.value === SHARD_DIRECTIVE);
  const merge = shard && argument(shard, "merge");
  if (!shard || !merge || !Object.values(ShardMerge).includes(merge as ShardMerge)) return undefined;
  return { merge: merge as ShardMerge, by: argument(shard, "by"), prune: argument(shard, "prune"), protect: argument(shard, "protect") };
}

function argument(directive: ConstDirectiveNode, name: string): string | undefined {
  const value = directive.arguments?.find((arg) => arg.name.value === name)?.value;
  return value && (value.kind === Kind.STRING || value.kind === Kind.ENUM) ? value.value : undefined;
}
