import {
  describeSchemaPath,
  InvalidRequestError,
  isSchemaObject,
  type JsonSchema,
  type JsonSchemaPath,
  mapJsonSchema,
  mergeObjectIntersection,
  moveToDescription,
  schemaTypes,
  separateReference,
} from "@ffc/core";

/** String formats strict mode accepts (OpenAI's structured-outputs guide, "Supported properties"). */
const supportedFormats = new Set([
  "date-time",
  "time",
  "date",
  "duration",
  "email",
  "hostname",
  "ipv4",
  "ipv6",
  "uuid",
]);

/** Keywords strict mode accepts on any node. */
const structuralKeywords = new Set(["$defs", "definitions", "$ref", "anyOf", "description", "title", "type"]);

/** Numeric keywords strict mode accepts on numbers and integers. */
const numericKeywords = new Set(["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"]);

/** Regular-expression lookarounds, which strict mode's pattern support leaves out. */
const lookaround = /\(\?<?[=!]/;

/**
 * A JSON Schema in the subset OpenAI's strict mode (`strict: true`, structured outputs and
 * strict function tools) accepts: every object closed with `additionalProperties: false` and
 * every property listed in `required` (an optional property is then always filled in, which
 * the original schema still accepts; make it nullable to let the model say "none"); `oneOf`
 * sent as `anyOf`; `pattern`, `format`, numeric bounds and `minItems`/`maxItems` kept, while
 * string lengths, `uniqueItems`, `allOf`, `not`, `default`, unknown formats and the like move
 * into the node's `description`, so the model still reads them. An object with free-form keys
 * cannot be closed without changing its meaning, and strict mode wants an object at the root, so
 * both are refused with an `InvalidRequestError` naming `where`. The input is not changed.
 */
export function toOpenAIStrictSchema(schema: JsonSchema, where: string): JsonSchema {
  const strict = mapJsonSchema(schema, (node, path) => strictNode(node, path, where));
  if (strict.type !== "object") {
    throw new InvalidRequestError(
      `${where}: OpenAI's strict mode needs an object at the root of the schema (not an array, a union or a scalar). Wrap the value in an object with one property, or set strictJsonSchema: false.`,
      { provider: "openai" },
    );
  }
  return strict;
}

function strictNode(input: JsonSchema, path: JsonSchemaPath, where: string): JsonSchema {
  // `$schema` names the dialect and constrains nothing.
  const { $schema: _dialect, ...rest } = input;
  let node = mergeObjectIntersection(separateReference(rest));
  if (node.oneOf !== undefined && node.anyOf === undefined) {
    const { oneOf, ...others } = node;
    node = { ...others, anyOf: oneOf };
  }
  const types = schemaTypes(node);
  const isObject = types.includes("object") || (node.type === undefined && isSchemaObject(node.properties));
  if (isObject) {
    if (node.additionalProperties !== undefined && node.additionalProperties !== false) {
      throw new InvalidRequestError(
        `${where}${describeSchemaPath(path)}: OpenAI's strict mode needs every object closed (additionalProperties: false), so an object with free-form keys (a record or map) cannot be sent. Give it fixed properties, use an array of { key, value } objects, or set strictJsonSchema: false.`,
        { provider: "openai" },
      );
    }
    const properties = isSchemaObject(node.properties) ? node.properties : {};
    node = { ...node, properties, required: Object.keys(properties), additionalProperties: false };
  }
  const isNumber = types.includes("number") || types.includes("integer");
  return moveToDescription(node, (keyword, value) => {
    if (structuralKeywords.has(keyword)) return true;
    if (keyword === "enum" || keyword === "const") return true;
    if (
      isObject &&
      (keyword === "properties" || keyword === "required" || keyword === "additionalProperties")
    )
      return true;
    if (types.includes("string") && keyword === "format") return supportedFormats.has(value as string);
    if (types.includes("string") && keyword === "pattern")
      return typeof value === "string" && !lookaround.test(value);
    if (isNumber && numericKeywords.has(keyword)) return true;
    if (types.includes("array") && keyword === "items") return isSchemaObject(value);
    if (types.includes("array") && (keyword === "minItems" || keyword === "maxItems")) return true;
    return false;
  });
}

/**
 * The schema a request carries: the strict form when `strict: true` goes with it, else the
 * caller's schema as given (without `strict`, OpenAI accepts any JSON Schema and enforces none).
 */
export function outgoingSchema(schema: JsonSchema, strict: boolean, where: string): JsonSchema {
  return strict ? toOpenAIStrictSchema(schema, where) : schema;
}
