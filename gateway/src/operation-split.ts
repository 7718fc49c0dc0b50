import {
  Kind,
  print,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionNode,
} from "graphql";

/** Alias under which the gateway asks for a UNION field's identifying field; removed before merging. */
export const UNION_KEY_ALIAS = "_shardUnionKey";

export function responseKey(field: FieldNode): string {
  return field.alias?.value ?? field.name.value;
}

export function findOperation(document: DocumentNode, operationName?: string | null): OperationDefinitionNode {
  const operations = document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((candidate) => candidate.name?.value === operationName) : operations[0];
  if (!operation) throw new Error(`Operation ${operationName ?? "(anonymous)"} not found in the subgraph fetch.`);
  return operation;
}

/**
 * A copy of the operation that keeps only the given root fields (by response
 * key), asks UNION fields for their key, and drops the variables and
 * fragments nothing uses any more, so each shard gets a valid operation.
 */
export function restrictOperation(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  keep: ReadonlySet<string>,
  unionKeys: ReadonlyMap<string, string>,
): { query: string; variableNames: Set<string> } {
  const selections: SelectionNode[] = [];
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD || !keep.has(responseKey(selection))) continue;
    const unionKey = unionKeys.get(responseKey(selection));
    selections.push(unionKey && selection.selectionSet ? withUnionKey(selection, unionKey) : selection);
  }
  const restricted: OperationDefinitionNode = { ...operation, selectionSet: { ...operation.selectionSet, selections } };

  const fragments = new Map(
    document.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const usedFragments = new Set<string>();
  const variableNames = new Set<string>();
  const collect = (node: OperationDefinitionNode | FragmentDefinitionNode) =>
    visit(node, {
      VariableDefinition: () => false,
      Variable: (variable) => {
        variableNames.add(variable.name.value);
      },
      FragmentSpread: (spread) => {
        const name = spread.name.value;
        const fragment = fragments.get(name);
        if (!usedFragments.has(name) && fragment) {
          usedFragments.add(name);
          collect(fragment);
        }
      },
    });
  collect(restricted);

  const pruned: OperationDefinitionNode = {
    ...restricted,
    variableDefinitions: restricted.variableDefinitions?.filter((definition) => variableNames.has(definition.variable.name.value)),
  };
  const definitions = [pruned, ...[...usedFragments].map((name) => fragments.get(name)!)];
  return { query: print({ kind: Kind.DOCUMENT, definitions }), variableNames };
}

function withUnionKey(field: FieldNode, key: string): FieldNode {
  const keyField: FieldNode = { kind: Kind.FIELD, alias: { kind: Kind.NAME, value: UNION_KEY_ALIAS }, name: { kind: Kind.NAME, value: key } };
  return { ...field, selectionSet: { kind: Kind.SELECTION_SET, selections: [...field.selectionSet!.selections, keyField] } };
}
