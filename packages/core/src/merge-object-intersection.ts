import { isSchemaObject } from "./map-json-schema";
import type { JsonSchema } from "./request";

/** Keywords a plain object schema may carry and still merge exactly. */
const mergeableKeywords = new Set(["type", "properties", "required", "description", "title"]);

/**
 * Merges `allOf` whose branches are all plain object schemas (`properties` and `required`, no
 * `additionalProperties`) into one object, as `z.intersection` of two `z.object`s produces.
 * Vendors that close every object would otherwise close each branch on its own, and closed
 * branches forbid each other's properties, so no answer could match. Anything else (a conflict
 * on a property, other keywords, closed branches) is returned as it is. For provider authors.
 */
export function mergeObjectIntersection(node: JsonSchema): JsonSchema {
  const branches = node.allOf;
  if (!Array.isArray(branches) || branches.length === 0) return node;
  const { allOf: _merged, ...rest } = node;
  const parts = [rest, ...branches];
  if (!parts.every(isPlainObjectSchema)) return node;
  const properties: Record<string, unknown> = {};
  const required = new Set<string>();
  for (const part of parts) {
    for (const [name, schema] of Object.entries((part.properties as JsonSchema | undefined) ?? {})) {
      if (name in properties && JSON.stringify(properties[name]) !== JSON.stringify(schema)) return node;
      properties[name] = schema;
    }
    for (const name of (part.required as string[] | undefined) ?? []) required.add(name);
  }
  const merged: JsonSchema = { ...rest, type: "object", properties };
  if (required.size > 0) merged.required = [...required];
  const descriptions = branches.flatMap((branch) =>
    typeof branch.description === "string" ? [branch.description] : [],
  );
  if (merged.description === undefined && descriptions.length > 0)
    merged.description = descriptions.join("\n\n");
  return merged;
}

function isPlainObjectSchema(value: unknown): value is JsonSchema {
  if (!isSchemaObject(value)) return false;
  if (value.type !== undefined && value.type !== "object") return false;
  if (value.properties !== undefined && !isSchemaObject(value.properties)) return false;
  if (value.required !== undefined && !Array.isArray(value.required)) return false;
  return Object.keys(value).every((keyword) => mergeableKeywords.has(keyword));
}
