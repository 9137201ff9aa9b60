import { ConfigError, type OptionProblem } from "../errors/config-error";
import { describeValue } from "./describe-value";
import { type CheckedOptions, checkShape, isPlainObject, type OptionShape } from "./option-rule";

/**
 * Checks an options object against a shape of `option` rules, once, at construction: every
 * problem is collected, unknown keys are refused (a typo such as "failmode" must not silently
 * keep a default), and one ConfigError names them all, with `error.field` set to the first.
 * Message format, the same for every constructor of every package:
 * `Invalid RetryConfig options: "maxRetries" must be a whole number at least 0, got -1; "maxRetry" is not an option (did you mean "maxRetries"?).`
 *
 * @param owner What the options belong to, e.g. "RetryConfig" or "createOpenAI".
 * @param value The options as given; `undefined` counts as `{}`.
 * @param shape The rules, by option name.
 * @param example A short example of valid options, shown when `value` is not an object at all.
 */
export function checkOptions<Shape extends OptionShape>(
  owner: string,
  value: unknown,
  shape: Shape,
  example = "{ ... }",
): CheckedOptions<Shape> {
  const given = value === undefined ? {} : value;
  if (!isPlainObject(given)) {
    throw new ConfigError(
      `Invalid ${owner} options: expected an object such as ${example}, got ${describeValue(given)}.`,
      { problems: [{ field: "", message: `must be an object such as ${example}` }] },
    );
  }
  const problems: OptionProblem[] = [];
  const checked = checkShape(given, shape, "", problems);
  if (problems.length > 0) throw optionsError(owner, problems);
  return checked;
}

/** The ConfigError for a list of problems, in the kit's one message format. */
export function optionsError(owner: string, problems: readonly OptionProblem[]): ConfigError {
  const listed = problems
    .map((problem) => (problem.field === "" ? problem.message : `"${problem.field}" ${problem.message}`))
    .join("; ");
  return new ConfigError(`Invalid ${owner} options: ${listed}.`, { problems });
}
