import type { OptionProblem } from "./errors/config-error";
import { optionsError } from "./options/check-options";
import type { OptionRule, RuleSettings } from "./options/option-rule";

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

/** What an option such as `errorsToRetry` takes: error classes, or a predicate that decides alone. */
export type ErrorFilter = readonly ErrorClass[] | ErrorPredicate;

/**
 * Why `value` is not an ErrorFilter: the path below `field` at fault ("" or "[2]") and a phrase
 * that follows the option's name; undefined when it is one.
 */
function errorFilterProblem(value: unknown): { at: string; message: string } | undefined {
  if (typeof value === "function" && !isClass(value)) return undefined;
  if (!Array.isArray(value)) {
    return {
      at: "",
      message:
        "must be an array of error classes such as [RateLimitError, TemporaryError] or a function (error) => boolean",
    };
  }
  if (value.length === 0) {
    return { at: "", message: "is empty, so nothing would ever match; list error classes or leave it out" };
  }
  const index = value.findIndex((item) => typeof item !== "function");
  if (index >= 0) return { at: `[${index}]`, message: "must be an error class such as RateLimitError" };
  return undefined;
}

/** The options-kit rule of an ErrorFilter option, e.g. `errorsToRetry: errorFilterOption({ default: [...] })`. */
export function errorFilterOption<Settings extends RuleSettings<ErrorFilter> = {}>(
  settings: Settings = {} as Settings,
): OptionRule<Settings extends { default: unknown } ? ErrorFilter : ErrorFilter | undefined> {
  return ((value: unknown, field: string, problems: OptionProblem[]) => {
    if (value === undefined) {
      if (settings.required) problems.push({ field, message: "is required" });
      return settings.default;
    }
    const problem = errorFilterProblem(value);
    if (problem === undefined) return value as ErrorFilter;
    problems.push({ field: `${field}${problem.at}`, message: problem.message });
    return undefined;
  }) as never;
}

/** Turns a list of classes or a predicate into one predicate; throws a ConfigError naming `field`. */
export function errorMatcher(value: ErrorFilter, field: string): ErrorPredicate {
  const problems: OptionProblem[] = [];
  errorFilterOption()(value, field, problems);
  if (problems.length > 0) throw optionsError("error filter", problems);
  if (!Array.isArray(value)) return value as ErrorPredicate;
  const classes = value as readonly ErrorClass[];
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
