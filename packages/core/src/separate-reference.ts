import type { JsonSchema } from "./request";

/** Keywords that may sit beside `$ref` because they hold definitions, not constraints. */
const definitionKeywords = new Set(["$defs", "definitions"]);

/**
 * Moves a `$ref` that has sibling keywords into `anyOf: [{ $ref }]`, keeping the siblings on the
 * node. Draft-7 ignores a `$ref`'s siblings and vendors either refuse them (Gemini, OpenAI strict)
 * or drop them (Anthropic's SDK), which would lose a description or constraint; inside `anyOf`
 * they keep their meaning. A bare `$ref` is returned as it is. For provider authors.
 */
export function separateReference(node: JsonSchema): JsonSchema {
  if (node.$ref === undefined) return node;
  const { $ref, ...siblings } = node;
  const constraining = Object.keys(siblings).filter((keyword) => !definitionKeywords.has(keyword));
  if (constraining.length === 0) return node;
  // With an anyOf already there, "the reference and one of these" is an intersection.
  if (siblings.anyOf !== undefined) {
    const allOf = Array.isArray(siblings.allOf) ? siblings.allOf : [];
    return { ...siblings, allOf: [{ $ref }, ...allOf] };
  }
  return { ...siblings, anyOf: [{ $ref }] };
}
