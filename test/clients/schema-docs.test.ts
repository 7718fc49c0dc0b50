import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { buildSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType, isSpecifiedScalarType } from "graphql";
import { describe, expect, it } from "vitest";

// Federation's own machinery is not ours to document.
const FEDERATION = /^(__|join__|link__|_Service$|_Entity$|_Any$|federation__)/;
const FEDERATION_FIELDS = new Set(["Query._entities", "Query._service"]);

describe("the supergraph documents itself", () => {
  it("has a description on every type, field, argument and enum value dashboards see", () => {
    const schema = buildSchema(readFileSync(resolve(__dirname, "../../schema/supergraph.graphql"), "utf8"), { assumeValidSDL: true });
    const undocumented: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (FEDERATION.test(type.name) || isSpecifiedScalarType(type)) continue;
      if (!type.description && type.name !== "Query" && type.name !== "Mutation") undocumented.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (FEDERATION_FIELDS.has(`${type.name}.${field.name}`)) continue;
          if (!field.description) undocumented.push(`${type.name}.${field.name}`);
          for (const arg of "args" in field ? field.args : []) if (!arg.description) undocumented.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) undocumented.push(`${type.name}.${value.name}`);
    }
    expect(undocumented).toEqual([]);
  });
});
