import { describe, expect, it } from "vitest";
import { describeSchemaPath, mapJsonSchema, schemaTypes } from "./map-json-schema";
import type { JsonSchema } from "./request";

const everyPosition: JsonSchema = {
  type: "object",
  properties: { name: { type: "string" } },
  patternProperties: { "^x-": { type: "string" } },
  additionalProperties: { type: "number" },
  propertyNames: { type: "string" },
  items: { type: "string" },
  prefixItems: [{ type: "string" }],
  additionalItems: { type: "string" },
  contains: { type: "string" },
  anyOf: [{ type: "string" }],
  oneOf: [{ type: "string" }],
  allOf: [{ type: "string" }],
  not: { type: "string" },
  if: { type: "string" },
  // biome-ignore lint/suspicious/noThenProperty: a JSON Schema keyword, never awaited.
  then: { type: "string" },
  else: { type: "string" },
  $defs: { Shared: { type: "string" } },
  definitions: { Old: { type: "string" } },
  dependentSchemas: { name: { type: "string" } },
  dependencies: { name: { type: "string" }, other: ["name"] },
  unevaluatedItems: { type: "string" },
  unevaluatedProperties: { type: "string" },
  enum: [{ type: "not a schema" }],
  const: { type: "not a schema" },
  default: { type: "not a schema" },
  examples: [{ type: "not a schema" }],
};

describe("mapJsonSchema", () => {
  it("visits the root and every subschema position once, with its path", () => {
    const paths: string[] = [];
    mapJsonSchema(everyPosition, (node, path) => {
      paths.push(path.join("/"));
      return node;
    });
    expect(paths.sort()).toEqual(
      [
        "",
        "properties/name",
        "patternProperties/^x-",
        "additionalProperties",
        "propertyNames",
        "items",
        "prefixItems/0",
        "additionalItems",
        "contains",
        "anyOf/0",
        "oneOf/0",
        "allOf/0",
        "not",
        "if",
        "then",
        "else",
        "$defs/Shared",
        "definitions/Old",
        "dependentSchemas/name",
        "dependencies/name",
        "unevaluatedItems",
        "unevaluatedProperties",
      ].sort(),
    );
  });

  it("leaves literal payloads, boolean schemas and property-name lists alone", () => {
    const schema = {
      type: "object",
      properties: { open: true, closed: false },
      dependencies: { name: ["other"] },
      enum: [{ type: "object" }],
    };
    const mapped = mapJsonSchema(schema, (node) => ({ ...node, seen: true }));
    expect(mapped).toEqual({ ...schema, seen: true });
  });

  it("walks the subschemas of the node the mapper returned, so a dropped keyword drops its subtree", () => {
    const seen: string[] = [];
    const mapped = mapJsonSchema(
      { type: "object", properties: { kept: { type: "string" } }, not: { type: "number" } },
      (node, path) => {
        seen.push(path.join("/"));
        const { not: _dropped, ...rest } = node;
        return { ...rest, type: rest.type === "number" ? "integer" : rest.type };
      },
    );
    expect(seen).toEqual(["", "properties/kept"]);
    expect(mapped).toEqual({ type: "object", properties: { kept: { type: "string" } } });
  });

  it("walks tuple-form items and returns new objects without changing the input", () => {
    const schema = { type: "array", items: [{ type: "string" }, { type: "number" }] };
    const before = structuredClone(schema);
    const mapped = mapJsonSchema(schema, (node) => ({ ...node, description: "seen" }));
    expect(schema).toEqual(before);
    expect(mapped).toEqual({
      type: "array",
      description: "seen",
      items: [
        { type: "string", description: "seen" },
        { type: "number", description: "seen" },
      ],
    });
  });
});

describe("schemaTypes and describeSchemaPath", () => {
  it("reads a single type, a type list, or none", () => {
    expect(schemaTypes({ type: "string" })).toEqual(["string"]);
    expect(schemaTypes({ type: ["string", "null"] })).toEqual(["string", "null"]);
    expect(schemaTypes({ anyOf: [] })).toEqual([]);
  });

  it("names a nested node by its keys and the root by nothing", () => {
    expect(describeSchemaPath(["properties", "tags", "items"])).toBe(" at properties.tags.items");
    expect(describeSchemaPath([])).toBe("");
  });
});
