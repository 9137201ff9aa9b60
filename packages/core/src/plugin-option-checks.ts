import { ConfigError } from "./errors/config-error";
import { describeValue } from "./options/describe-value";

// Option checks for plugin authors: each names the owner and the field in its ConfigError.

/** A whole number of at least 0, or `fallback` when absent; `owner` prefixes the error. */
export function wholeNumber(value: unknown, owner: string, field: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
    throw new ConfigError(
      `${owner}: "${field}" must be a whole number of at least 0; got ${describeValue(value)}.`,
    );
  }
  return value;
}

/** A finite number of at least `minimum`, or `fallback` when absent; `owner` prefixes the error. */
export function numberAtLeast(
  value: unknown,
  owner: string,
  field: string,
  fallback: number,
  minimum: number,
): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value < minimum) {
    throw new ConfigError(
      `${owner}: "${field}" must be a number of at least ${minimum}; got ${describeValue(value)}.`,
    );
  }
  return value;
}

/** Throws a ConfigError for a key that is not one of `known` (catches typos such as "maxRetry"). */
export function rejectUnknownKeys(options: object, known: readonly string[], owner: string): void {
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new ConfigError(`${owner}: unknown option "${key}". Known options: ${known.join(", ")}.`);
    }
  }
}
