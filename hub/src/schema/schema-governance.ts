import { CriticalityLevel, diff, type Change } from "@graphql-inspector/core";
import { buildSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType, type GraphQLSchema } from "graphql";
import { printApiSchema } from "./schema-files";

/** A breaking change and, when it is refused, why. */
export interface Verdict {
  change: Change;
  /** Null when the change was announced: deprecated in the release and listed in the changelog. */
  refusal: string | null;
}

export interface GovernanceReport {
  breaking: Verdict[];
  dangerous: Change[];
  safe: Change[];
}

/**
 * The deprecation on the element a change's path names (`Type.field`,
 * `Type.field.argument`, `Enum.VALUE`, `Input.field`), or on the field that
 * holds an argument; undefined when the path names nothing deprecatable (a
 * type), null when the element can be deprecated but is not.
 */
function deprecationAt(schema: GraphQLSchema, path: string): string | null | undefined {
  const [typeName, member, argument] = path.split(".");
  const type = typeName ? schema.getType(typeName) : undefined;
  if (!type || !member) return undefined;
  if (isObjectType(type) || isInterfaceType(type)) {
    const field = type.getFields()[member];
    if (!field) return undefined;
    const arg = argument ? field.args.find((candidate) => candidate.name === argument) : undefined;
    return arg?.deprecationReason ?? field.deprecationReason ?? null;
  }
  if (isInputObjectType(type)) return type.getFields()[member]?.deprecationReason ?? null;
  if (isEnumType(type)) return type.getValue(member)?.deprecationReason ?? null;
  return undefined;
}

/** The paths the changelog's "Unreleased" section names in backticks, e.g. `Partnership.legacyCode`. */
export function announcedPaths(changelog: string): Set<string> {
  const unreleased = /^## Unreleased\s*$([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(changelog)?.[1] ?? "";
  return new Set([...unreleased.matchAll(/`([A-Za-z_][\w.]*)`/g)].map((match) => match[1]!));
}

/**
 * Compares the API schema of the code's supergraph with that of the last
 * release (graphql-inspector). A breaking change passes only when it was
 * announced: the release already marked the element `@deprecated`
 * (deprecation first), and the changelog's "Unreleased" section lists its
 * path. A change to a whole type, which GraphQL cannot deprecate, needs the
 * changelog entry alone.
 */
export async function judgeSchemaChanges(releasedSupergraph: string, currentSupergraph: string, changelog: string): Promise<GovernanceReport> {
  const released = buildSchema(printApiSchema(releasedSupergraph));
  const current = buildSchema(printApiSchema(currentSupergraph));
  const changes = await diff(released, current);
  const announced = announcedPaths(changelog);
  const breaking = changes
    .filter((change) => change.criticality.level === CriticalityLevel.Breaking)
    .map((change): Verdict => {
      const path = change.path ?? "";
      const deprecation = deprecationAt(released, path);
      const listed = announced.has(path);
      if (deprecation === null)
        return {
          change,
          refusal: `\`${path}\` was not deprecated in the last release: deprecate it first (@deprecated), release, then remove it${listed ? "" : " and list it in CHANGELOG.md"}`,
        };
      if (!listed) return { change, refusal: `\`${path}\` is not listed under "## Unreleased" in CHANGELOG.md` };
      return { change, refusal: null };
    });
  return {
    breaking,
    dangerous: changes.filter((change) => change.criticality.level === CriticalityLevel.Dangerous),
    safe: changes.filter((change) => change.criticality.level === CriticalityLevel.NonBreaking),
  };
}
