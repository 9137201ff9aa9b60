import type { JsonSchema } from "./request";

/** Says whether a vendor accepts one keyword of a schema node, given its value. */
export type KeepKeyword = (keyword: string, value: unknown) => boolean;

/**
 * Removes from one schema node every keyword `keep` refuses and appends them to its
 * `description` as `{minLength: 1, pattern: "^a"}`, after a blank line. Vendors that refuse a
 * constraint in a schema still let the model read it there, so its meaning is not lost; this is
 * the text form Anthropic's own SDK uses, so every provider writes the same. For provider authors.
 */
export function moveToDescription(node: JsonSchema, keep: KeepKeyword): JsonSchema {
  const kept: JsonSchema = {};
  const moved: string[] = [];
  for (const [keyword, value] of Object.entries(node)) {
    // An undefined value is absent once serialized: it constrains nothing.
    if (value === undefined || (keyword === "description" && typeof value === "string")) continue;
    if (keep(keyword, value)) kept[keyword] = value;
    else moved.push(`${keyword}: ${JSON.stringify(value)}`);
  }
  const description = typeof node.description === "string" ? node.description : undefined;
  if (moved.length === 0) {
    if (description !== undefined) kept.description = description;
    return kept;
  }
  const constraints = `{${moved.join(", ")}}`;
  kept.description = description ? `${description}\n\n${constraints}` : constraints;
  return kept;
}
