import { ConfigError } from "./errors/config-error";

/**
 * An error class to match, e.g. `RateLimitError`. FFC classes are matched with their static
 * `isInstance`, which works across duplicated installs of @ffc/core; other classes (such as
 * `TypeError`) fall back to `instanceof`.
 */
export type ErrorClass = (abstract new (
  ...args: any[]
) => unknown) & { isInstance?(error: unknown): boolean };

/** A test that says whether an error is handled. */
export type ErrorPredicate = (error: unknown) => boolean;

/** Turns a list of classes or a predicate into one predicate; throws a ConfigError naming `field`. */
export function errorMatcher(value: readonly ErrorClass[] | ErrorPredicate, field: string): ErrorPredicate {
  if (typeof value === "function" && !isClass(value)) return value as ErrorPredicate;
  if (!Array.isArray(value)) {
    throw new ConfigError(
      `"${field}" must be an array of error classes such as [RateLimitError, TemporaryError] or a function (error) => boolean.`,
    );
  }
  if (value.length === 0) {
    throw new ConfigError(
      `"${field}" is empty, so nothing would ever match; list error classes or leave it out.`,
    );
  }
  const classes = value.map((item, index) => {
    if (typeof item !== "function") {
      throw new ConfigError(
        `"${field}[${index}]" must be an error class such as RateLimitError; got ${typeof item}.`,
      );
    }
    return item;
  });
  return (error) => classes.some((item) => matchesClass(error, item));
}

function matchesClass(error: unknown, item: ErrorClass): boolean {
  if (typeof item.isInstance === "function") return item.isInstance(error);
  return error instanceof item;
}

/** Classes have a prototype object and a `class` source; arrow predicates have neither. */
function isClass(value: Function): boolean {
  return (
    typeof (value as { isInstance?: unknown }).isInstance === "function" ||
    Function.prototype.toString.call(value).startsWith("class ")
  );
}
