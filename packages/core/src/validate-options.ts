import type * as z from "zod/mini";
import { ConfigError } from "./errors/config-error";

/**
 * Checks options against a zod/mini schema once, at construction, and throws one readable
 * ConfigError naming every bad field, e.g. `Invalid LLMConfig: "maxTokens" must be ...`.
 */
export function validateOptions<Schema extends z.ZodMiniType>(
  schema: Schema,
  value: unknown,
  what: string,
): z.infer<Schema> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data as z.infer<Schema>;
  const problems = parsed.error.issues.map((issue) => {
    const field = issue.path.length > 0 ? `"${issue.path.map(String).join(".")}"` : "the options object";
    return `${field}: ${issue.message}`;
  });
  throw new ConfigError(`Invalid ${what}: ${problems.join("; ")}.`);
}

/** Describes a value for an error message without ever printing a long or secret string. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "undefined";
  if (value === null) return "null";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return `a string of ${value.length} characters`;
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return typeof value;
}
