import type { JsonSchema } from "@ffc/core";

// Keywords OpenAI's structured outputs accept in strict mode; a schema using any other keyword
// is sent non-strict rather than refused with a 400.
const strictKeywords = new Set([
  "$schema",
  "$defs",
  "definitions",
  "$ref",
  "type",
  "properties",
  "required",
  "additionalProperties",
  "items",
  "enum",
  "const",
  "anyOf",
  "description",
  "title",
  "pattern",
  "format",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
  "minItems",
  "maxItems",
]);

/**
 * True when OpenAI's strict mode can take the schema as it is: an object at the root, every
 * object closed (`additionalProperties: false`) with all its properties required, and only
 * keywords strict mode supports. zod's `z.object()` schemas without optional fields qualify.
 */
export function allowsStrictMode(schema: JsonSchema): boolean {
  return schema.type === "object" && isStrictNode(schema);
}

function isStrictNode(node: unknown): boolean {
  if (typeof node !== "object" || node === null || Array.isArray(node)) return false;
  const schema = node as Record<string, unknown>;
  for (const key of Object.keys(schema)) if (!strictKeywords.has(key)) return false;
  const types = ([] as unknown[]).concat(schema.type ?? []);
  if (types.includes("object") || schema.properties !== undefined) {
    if (schema.additionalProperties !== false) return false;
    const properties = (schema.properties ?? {}) as Record<string, unknown>;
    const required = Array.isArray(schema.required) ? schema.required : [];
    for (const [name, property] of Object.entries(properties)) {
      if (!required.includes(name) || !isStrictNode(property)) return false;
    }
  }
  if (schema.items !== undefined && !isStrictNode(schema.items)) return false;
  if (schema.anyOf !== undefined && !(Array.isArray(schema.anyOf) && schema.anyOf.every(isStrictNode)))
    return false;
  for (const key of ["$defs", "definitions"]) {
    const definitions = schema[key];
    if (definitions === undefined) continue;
    if (typeof definitions !== "object" || definitions === null) return false;
    if (!Object.values(definitions).every(isStrictNode)) return false;
  }
  return true;
}

/**
 * The `strict` flag of a response format: the `strictJsonSchema` option when set, else strict
 * whenever the schema allows it, so the vendor enforces the schema instead of only hinting it.
 */
export function responseSchemaStrict(
  schema: JsonSchema,
  settings: { strictJsonSchema: boolean | undefined },
): boolean {
  return settings.strictJsonSchema ?? allowsStrictMode(schema);
}
