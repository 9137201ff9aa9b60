import type { JsonSchema } from "./request";

/** Where a subschema sits in its document: the keys from the root, e.g. `["properties", "age"]`. */
export type JsonSchemaPath = readonly string[];

/** Rewrites one schema node; returns the node to keep (a new object, never the input mutated). */
export type JsonSchemaNodeMapper = (node: JsonSchema, path: JsonSchemaPath) => JsonSchema;

/** Keywords whose value is one subschema. */
const singleSchemaKeywords = [
  "additionalItems",
  "additionalProperties",
  "contains",
  "contentSchema",
  "else",
  "if",
  "items",
  "not",
  "propertyNames",
  "then",
  "unevaluatedItems",
  "unevaluatedProperties",
];

/** Keywords whose value is a list of subschemas (`items` too, in its old tuple form). */
const schemaListKeywords = ["allOf", "anyOf", "items", "oneOf", "prefixItems"];

/** Keywords whose value maps names to subschemas. */
const schemaMapKeywords = [
  "$defs",
  "definitions",
  "dependencies",
  "dependentSchemas",
  "patternProperties",
  "properties",
];

/**
 * Applies `mapper` to every schema node of a JSON Schema document, root first: each node's
 * subschemas (properties, items, anyOf/oneOf/allOf, $defs/definitions, ...) are walked in the
 * node the mapper returned, so a mapper that drops a keyword also drops its subtree. Literal
 * payloads (`enum`, `const`, `default`, `examples`) and boolean schemas are never visited.
 * The input is not changed. For provider authors: this is the one walk every vendor transform
 * of tool and structured-output schemas shares.
 */
export function mapJsonSchema(schema: JsonSchema, mapper: JsonSchemaNodeMapper): JsonSchema {
  return mapNode(schema, [], mapper);
}

function mapNode(node: JsonSchema, path: JsonSchemaPath, mapper: JsonSchemaNodeMapper): JsonSchema {
  const mapped = { ...mapper(node, path) };
  for (const keyword of singleSchemaKeywords) {
    const child = mapped[keyword];
    if (isSchemaObject(child)) mapped[keyword] = mapNode(child, [...path, keyword], mapper);
  }
  for (const keyword of schemaListKeywords) {
    const children = mapped[keyword];
    if (!Array.isArray(children)) continue;
    mapped[keyword] = children.map((child, index) =>
      isSchemaObject(child) ? mapNode(child, [...path, keyword, String(index)], mapper) : child,
    );
  }
  for (const keyword of schemaMapKeywords) {
    const children = mapped[keyword];
    if (!isSchemaObject(children)) continue;
    mapped[keyword] = Object.fromEntries(
      Object.entries(children).map(([name, child]) => [
        name,
        // Draft-7 `dependencies` also holds lists of property names, which are not schemas.
        isSchemaObject(child) ? mapNode(child, [...path, keyword, name], mapper) : child,
      ]),
    );
  }
  return mapped;
}

/** True for a schema written as an object (not `true`/`false`, not a list). */
export function isSchemaObject(value: unknown): value is JsonSchema {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The types a node declares: `type: "string"` gives `["string"]`, `type: ["string", "null"]` both. */
export function schemaTypes(node: JsonSchema): string[] {
  if (typeof node.type === "string") return [node.type];
  return Array.isArray(node.type) ? node.type.filter((type): type is string => typeof type === "string") : [];
}

/** A path for error messages: ` at properties.tags.items`, or nothing for the root. */
export function describeSchemaPath(path: JsonSchemaPath): string {
  return path.length === 0 ? "" : ` at ${path.join(".")}`;
}
