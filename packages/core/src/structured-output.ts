import type { OutputIssue } from "./errors/output-validation-error";
import { jsonSchema } from "./json-schema";
import type { JsonSchema } from "./request";
import { isStandardSchema, type OutputSchema, type StandardSchemaV1 } from "./standard-schema";

/** What checking an answer against a schema found. */
export type OutputCheck = { ok: true; value: unknown } | { ok: false; issues: OutputIssue[] };

/** Every schema as a Standard Schema: a plain JSON Schema becomes a parse-only `jsonSchema()`. */
export function asStandardSchema(schema: OutputSchema): StandardSchemaV1 {
  return isStandardSchema(schema) ? schema : jsonSchema(schema as JsonSchema);
}

/**
 * Parses `text` as JSON and validates it with `schema`. A single surrounding markdown code
 * fence is tolerated, because models without native structured output often add one.
 */
export async function checkOutput(schema: StandardSchemaV1, text: string): Promise<OutputCheck> {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return parsed;
  return checkValue(schema, parsed.value);
}

/** Validates an already parsed value (tool arguments) with `schema`. */
export async function checkValue(schema: StandardSchemaV1, value: unknown): Promise<OutputCheck> {
  let outcome = schema["~standard"].validate(value);
  if (outcome instanceof Promise) outcome = await outcome;
  if (outcome.issues) return { ok: false, issues: [...outcome.issues] };
  return { ok: true, value: outcome.value };
}

/** JSON.parse, reporting a failure as an issue instead of throwing. */
export function parseJsonText(text: string): OutputCheck {
  const fenced = /^\s*```(?:json)?\s*\n([\s\S]*?)\n?```\s*$/.exec(text);
  try {
    return { ok: true, value: JSON.parse(fenced ? fenced[1]! : text) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, issues: [{ message: `The answer is not valid JSON (${reason}).` }] };
  }
}

/** The issues as lines "path: message", for error messages and for the repair prompt. */
export function describeIssues(issues: readonly OutputIssue[]): string {
  return issues
    .map((issue) => {
      const path = (issue.path ?? [])
        .map((segment) => String(typeof segment === "object" ? segment.key : segment))
        .join(".");
      return path ? `- ${path}: ${issue.message}` : `- ${issue.message}`;
    })
    .join("\n");
}

/** The follow-up user message that asks the model to fix an answer that failed its schema. */
export function repairPrompt(issues: readonly OutputIssue[]): string {
  return `Your previous answer did not match the required JSON schema:\n${describeIssues(issues)}\nAnswer again with only the corrected JSON value.`;
}
