import {
  isSchemaObject,
  type JsonSchema,
  mapJsonSchema,
  mergeObjectIntersection,
  moveToDescription,
  separateReference,
} from "@ffc/core";

/**
 * The keywords Gemini's `responseJsonSchema` supports, as listed by @google/genai's
 * `GenerationConfig.responseJsonSchema` documentation; `parametersJsonSchema` is read the same way.
 */
const supportedKeywords = new Set([
  "$id",
  "$defs",
  "$ref",
  "$anchor",
  "type",
  "format",
  "title",
  "description",
  "enum",
  "items",
  "prefixItems",
  "minItems",
  "maxItems",
  "minimum",
  "maximum",
  "anyOf",
  "oneOf",
  "properties",
  "additionalProperties",
  "required",
  "propertyOrdering",
]);

/**
 * A JSON Schema in the subset Gemini's `responseJsonSchema` and `parametersJsonSchema` support:
 * `definitions` renamed `$defs` (and references to them rewritten), a `$ref` with siblings moved
 * into `anyOf` (Gemini allows only `$` keywords beside it), a string or number `const` sent as a
 * one-value `enum`, and every other keyword Gemini does not list (`minLength`, `pattern`,
 * `exclusiveMinimum`, `multipleOf`, `allOf`, `not`, `default`, ...) moved into the node's
 * `description`, so the model still reads it. Objects stay as open or closed as they were:
 * Gemini does not require closing them. The input is not changed.
 */
export function toGeminiSchema(schema: JsonSchema): JsonSchema {
  return mapJsonSchema(schema, geminiNode);
}

function geminiNode(input: JsonSchema): JsonSchema {
  // `$schema` names the dialect and constrains nothing.
  const { $schema: _dialect, definitions, ...rest } = input;
  let node: JsonSchema = rest;
  if (isSchemaObject(definitions)) {
    node = { ...node, $defs: { ...definitions, ...(isSchemaObject(node.$defs) ? node.$defs : {}) } };
  } else if (definitions !== undefined) {
    node = { ...node, definitions };
  }
  if (typeof node.$ref === "string" && node.$ref.startsWith("#/"))
    node = { ...node, $ref: renameDefinitions(node.$ref) };
  node = mergeObjectIntersection(separateReference(node));
  if (isEnumValue(node.const) && node.enum === undefined) {
    const { const: value, ...others } = node;
    node = { ...others, enum: [value] };
  }
  return moveToDescription(node, (keyword, value) => {
    if (keyword === "enum") return Array.isArray(value) && value.every(isEnumValue);
    if (keyword === "items") return isSchemaObject(value);
    return supportedKeywords.has(keyword);
  });
}

/** Keywords whose next pointer segment is a name, so a segment "definitions" there is a name too. */
const nameMaps = new Set(["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"]);

/** A local reference with every `definitions` keyword renamed `$defs`, as the maps themselves are. */
function renameDefinitions(reference: string): string {
  const segments = reference.slice(2).split("/");
  const renamed = segments.map((segment, index) =>
    segment === "definitions" && !nameMaps.has(segments[index - 1] ?? "") ? "$defs" : segment,
  );
  return `#/${renamed.join("/")}`;
}

/** Gemini's `enum` holds strings and numbers only. */
function isEnumValue(value: unknown): value is string | number {
  return typeof value === "string" || typeof value === "number";
}
