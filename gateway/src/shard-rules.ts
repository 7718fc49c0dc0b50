import { SHARD_DIRECTIVE, ShardMerge, type ShardRule } from "@kooperacja/shared";
import { Kind, parse, type ConstDirectiveNode, type DocumentNode, type ObjectTypeDefinitionNode } from "graphql";

/**
 * Reads how each regional root field merges across shards from the
 * `@shard` directives the regional contract declares and composition carries
 * into the supergraph. The gateway hard-codes no field names: a new root field
 * of the regional schema brings its own rule, and one without a rule stops
 * the gateway at start rather than answering wrongly at run time.
 */
export function readShardRules(supergraphSdl: string, regionalGraphEnum: string): Map<string, ShardRule> {
  const document: DocumentNode = parse(supergraphSdl);
  const query = document.definitions.find(
    (definition): definition is ObjectTypeDefinitionNode => definition.kind === Kind.OBJECT_TYPE_DEFINITION && definition.name.value === "Query",
  );
  const rules = new Map<string, ShardRule>();
  const missing: string[] = [];
  for (const field of query?.fields ?? []) {
    const directives = field.directives ?? [];
    const ownedByRegional = directives.some(
      (directive) => directive.name.value === "join__field" && stringArgument(directive, "graph", Kind.ENUM) === regionalGraphEnum,
    );
    if (!ownedByRegional) continue;
    const shard = directives.find((directive) => directive.name.value === SHARD_DIRECTIVE);
    const merge = shard && stringArgument(shard, "merge", Kind.STRING);
    if (!merge || !Object.values(ShardMerge).includes(merge as ShardMerge)) {
      missing.push(field.name.value);
      continue;
    }
    const by = stringArgument(shard, "by", Kind.STRING);
    if ((merge === ShardMerge.ROUTE || merge === ShardMerge.UNION) && !by) missing.push(field.name.value);
    else rules.set(field.name.value, { merge: merge as ShardMerge, by });
  }
  if (missing.length > 0) {
    throw new Error(`Regional root fields without a valid @shard rule in the supergraph: ${missing.join(", ")}.`);
  }
  return rules;
}

function stringArgument(directive: ConstDirectiveNode, name: string, kind: Kind.ENUM | Kind.STRING): string | undefined {
  const value = directive.arguments?.find((argument) => argument.name.value === name)?.value;
  return value && value.kind === kind ? value.value : undefined;
}
