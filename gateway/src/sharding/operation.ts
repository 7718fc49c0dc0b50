import {
  Kind,
  print,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
  type ValueNode,
} from "graphql";

/** Prefix of the aliases the gateway adds to shard fetches for its own use; never seen by clients. */
export const HUB_ALIAS = "_hub";

export function responseKey(field: FieldNode): string {
  return field.alias?.value ?? field.name.value;
}

export function findOperation(document: DocumentNode, operationName?: string | null): OperationDefinitionNode {
  const operations = document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((candidate) => candidate.name?.value === operationName) : operations[0];
  if (!operation) throw new Error(`Operation ${operationName ?? "(anonymous)"} not found in the subgraph fetch.`);
  return operation;
}

export function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  return new Map(
    document.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
}

/** The fields of a selection set with inline fragments and fragment spreads expanded (the types here are concrete). */
export function fieldsOf(selectionSet: SelectionSetNode | undefined, fragments: Map<string, FragmentDefinitionNode>): FieldNode[] {
  const fields: FieldNode[] = [];
  const walk = (selections: readonly SelectionNode[]) => {
    for (const selection of selections) {
      if (selection.kind === Kind.FIELD) fields.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet.selections);
      else {
        const fragment = fragments.get(selection.name.value);
        if (fragment) walk(fragment.selectionSet.selections);
      }
    }
  };
  walk(selectionSet?.selections ?? []);
  return fields;
}

export function field(name: string, alias?: string, selections?: readonly SelectionNode[]): FieldNode {
  return {
    kind: Kind.FIELD,
    name: { kind: Kind.NAME, value: name },
    ...(alias ? { alias: { kind: Kind.NAME, value: alias } } : {}),
    ...(selections ? { selectionSet: { kind: Kind.SELECTION_SET, selections } } : {}),
  };
}

export function stringValue(value: string): ValueNode {
  return { kind: Kind.STRING, value };
}

export function listValue(values: ValueNode[]): ValueNode {
  return { kind: Kind.LIST, values };
}

/** The field with argument `name` set to `value`, or removed when `value` is undefined. */
export function withArgument(node: FieldNode, name: string, value: ValueNode | undefined): FieldNode {
  const others = (node.arguments ?? []).filter((argument) => argument.name.value !== name);
  const args = value ? [...others, { kind: Kind.ARGUMENT as const, name: { kind: Kind.NAME as const, value: name }, value }] : others;
  return { ...node, arguments: args };
}

/**
 * The operation with just these root fields, and without the variables and
 * fragments nothing uses any more, so each shard gets a valid operation.
 */
export function shardOperation(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rootFields: FieldNode[],
): { query: string; variableNames: Set<string> } {
  const restricted: OperationDefinitionNode = { ...operation, selectionSet: { kind: Kind.SELECTION_SET, selections: rootFields } };
  const fragments = fragmentsOf(document);
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
