import { ConfigError } from "./errors/config-error";
import type { StandardSchemaV1 } from "./standard-schema";

/**
 * Checks options against any synchronous Standard Schema (zod, zod/mini, valibot ...) once,
 * at construction, and throws one readable ConfigError naming every bad field, e.g.
 * `Invalid RetryConfig: "maxRetries": must be at least 0.`
 */
export function validateOptions<Output>(
  schema: StandardSchemaV1<unknown, Output>,
  value: unknown,
  what: string,
): Output {
  const outcome = schema["~standard"].validate(value);
  if (outcome instanceof Promise) {
    throw new TypeError(
      `validateOptions(${what}): the schema validates asynchronously; use a synchronous schema.`,
    );
  }
  if (!outcome.issues) return outcome.value;
  const problems = outcome.issues.map((issue) => {
    const path = (issue.path ?? []).map((key) => String(typeof key === "object" ? key.key : key));
    return `${path.length > 0 ? `"${path.join(".")}"` : "the options object"}: ${issue.message}`;
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
