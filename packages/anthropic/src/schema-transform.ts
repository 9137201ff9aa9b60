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

/** String formats Anthropic's structured output accepts (the list its SDK keeps). */
const supportedFormats = new Set([
  "date-time",
  "time",
  "date",
  "duration",
  "email",
  "hostname",
  "uri",
  "ipv4",
  "ipv6",
  "uuid",
]);

/** Keywords Anthropic accepts on any node. */
const structuralKeywords = new Set([
  "$defs",
  "definitions",
  "$ref",
  "anyOf",
  "allOf",
  "description",
  "title",
]);

/**
 * A JSON Schema in the subset Anthropic's structured output (`output_config.format.schema`) and
 * strict tools accept: every object closed with `additionalProperties: false`; `oneOf` sent as
 * `anyOf`; numeric bounds, string lengths, patterns, unknown formats and array bounds other than
 * `minItems` 0 or 1 removed and written into the node's `description`, so the model still reads
 * them (the rules and text of Anthropic's own SDK, `lib/transform-json-schema`). An object with
 * free-form keys cannot be closed without changing its meaning, so it is refused with an
 * `InvalidRequestError` naming `where` and the property. The input is not changed.
 */
export function toAnthropicSchema(schema: JsonSchema, where: string): JsonSchema {
  return mapJsonSchema(schema, (node, path) => anthropicNode(node, path, where));
}

function anthropicNode(input: JsonSchema, path: JsonSchemaPath, where: string): JsonSchema {
  // `$schema` names the dialect and constrains nothing.
  const { $schema: _dialect, ...rest } = input;
  let node = mergeObjectIntersection(separateReference(rest));
  if (node.oneOf !== undefined && node.anyOf === undefined) {
    const { oneOf, ...others } = node;
    node = { ...others, anyOf: oneOf };
  }
  const hasEnum = Array.isArray(node.enum) && node.enum.length > 0 && node.enum.every(isPrimitive);
  const hasConst = node.const !== undefined && isPrimitive(node.const);
  // Literals carry their own type; Anthropic's SDK sends them without `type`, the form the API is tested with.
  if (hasEnum || hasConst) {
    const { type: _type, ...others } = node;
    node = others;
  }
  const types = schemaTypes(node);
  const isObject = types.includes("object") || (node.type === undefined && isSchemaObject(node.properties));
  if (isObject) {
    if (node.additionalProperties !== undefined && node.additionalProperties !== false) {
      throw new InvalidRequestError(
        `${where}${describeSchemaPath(path)}: Anthropic's structured output needs every object closed (additionalProperties: false), so an object with free-form keys (a record or map) cannot be sent. Give it fixed properties, or use an array of { key, value } objects.`,
        { provider: "anthropic" },
      );
    }
    node = { ...node, properties: node.properties ?? {}, additionalProperties: false };
  }
  return moveToDescription(node, (keyword, value) => {
    if (structuralKeywords.has(keyword)) return true;
    if (keyword === "type") return true;
    if (keyword === "enum") return hasEnum;
    if (keyword === "const") return hasConst;
    if (
      isObject &&
      (keyword === "properties" || keyword === "required" || keyword === "additionalProperties")
    )
      return true;
    if (types.includes("string") && keyword === "format") return supportedFormats.has(value as string);
    if (types.includes("array") && keyword === "items") return isSchemaObject(value);
    if (types.includes("array") && keyword === "minItems") return value === 0 || value === 1;
    return false;
  });
}

function isPrimitive(value: unknown): boolean {
  return value === null || typeof value !== "object";
}
