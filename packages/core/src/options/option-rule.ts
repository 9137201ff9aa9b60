import type { OptionProblem } from "../errors/config-error";
import { describeValue } from "./describe-value";

/**
 * Checks one option. It returns the value to keep (its default when absent) and records what is
 * wrong in `problems` instead of throwing, so that one ConfigError can name every bad option.
 */
export type OptionRule<Output> = (value: unknown, field: string, problems: OptionProblem[]) => Output;

/** The rules of an options object, by option name. */
export type OptionShape = { readonly [name: string]: OptionRule<unknown> };

/** What `checkOptions` returns for a shape: each option's checked value. */
export type CheckedOptions<Shape extends OptionShape> = {
  -readonly [Name in keyof Shape]: ReturnType<Shape[Name]>;
};

/** Settings every rule takes. */
export interface RuleSettings<Value> {
  /** The value used when the option is absent. */
  default?: Value;
  /** True when the option must be given (a missing one is a problem). */
  required?: boolean;
}

/** The output of a rule: with a default or `required`, the option is always there. */
type Settled<Value, Settings> = Settings extends { default: unknown } | { required: true }
  ? Value
  : Value | undefined;

/** Settings of the number rules. */
export interface NumberSettings extends RuleSettings<number> {
  /** Smallest allowed value. */
  min?: number;
  /** Largest allowed value. */
  max?: number;
  /** True when `min` itself is not allowed (e.g. "greater than 0"). */
  exclusiveMin?: boolean;
}

/** Settings of the string rule. */
export interface StringSettings extends RuleSettings<string> {
  /** An example shown in the message, e.g. '"gpt-5.4"'. */
  example?: string;
  /** Allow "" and blank strings (default false: a blank string is refused). */
  allowBlank?: boolean;
}

function absent<Value>(
  value: unknown,
  settings: RuleSettings<Value>,
  field: string,
  problems: OptionProblem[],
): value is undefined {
  if (value !== undefined) return false;
  if (settings.required) problems.push({ field, message: "is required" });
  return true;
}

function wrong(problems: OptionProblem[], field: string, expected: string, value: unknown): undefined {
  problems.push({ field, message: `must be ${expected}, got ${describeValue(value)}` });
  return undefined;
}

function numberRule<Settings extends NumberSettings>(
  settings: Settings,
  integer: boolean,
): OptionRule<Settled<number, Settings>> {
  const bounds: string[] = [];
  if (settings.min !== undefined)
    bounds.push(settings.exclusiveMin ? `greater than ${settings.min}` : `at least ${settings.min}`);
  if (settings.max !== undefined) bounds.push(`at most ${settings.max}`);
  const expected = `${integer ? "a whole number" : "a finite number"}${bounds.length > 0 ? ` ${bounds.join(" and ")}` : ""}`;
  return ((value, field, problems) => {
    if (absent(value, settings, field, problems)) return settings.default;
    const valid =
      typeof value === "number" &&
      Number.isFinite(value) &&
      (!integer || Number.isInteger(value)) &&
      (settings.min === undefined ||
        (settings.exclusiveMin ? value > settings.min : value >= settings.min)) &&
      (settings.max === undefined || value <= settings.max);
    return valid ? value : wrong(problems, field, expected, value);
  }) as OptionRule<Settled<number, Settings>>;
}

/** The rules of FFC's options kit; `checkOptions` applies a shape made of them. */
export const option = {
  /** A whole number, optionally within bounds. */
  integer<Settings extends NumberSettings = {}>(settings: Settings = {} as Settings) {
    return numberRule(settings, true);
  },

  /** A finite number, optionally within bounds. */
  number<Settings extends NumberSettings = {}>(settings: Settings = {} as Settings) {
    return numberRule(settings, false);
  },

  /** A string; blank strings are refused unless `allowBlank`. */
  string<Settings extends StringSettings = {}>(settings: Settings = {} as Settings) {
    const expected = `a non-empty string${settings.example ? ` such as ${settings.example}` : ""}`;
    return ((value, field, problems) => {
      if (absent(value, settings, field, problems)) return settings.default;
      if (typeof value !== "string") return wrong(problems, field, expected, value);
      if (!settings.allowBlank && value.trim().length === 0) return wrong(problems, field, expected, value);
      return value;
    }) as OptionRule<Settled<string, Settings>>;
  },

  /** true or false. */
  boolean<Settings extends RuleSettings<boolean> = {}>(settings: Settings = {} as Settings) {
    return ((value, field, problems) => {
      if (absent(value, settings, field, problems)) return settings.default;
      return typeof value === "boolean" ? value : wrong(problems, field, "true or false", value);
    }) as OptionRule<Settled<boolean, Settings>>;
  },

  /** One of a few literal values. */
  oneOf<const Value extends string | number | boolean, Settings extends RuleSettings<Value> = {}>(
    values: readonly Value[],
    settings: Settings = {} as Settings,
  ) {
    const expected = values.map((item) => JSON.stringify(item)).join(", ");
    return ((value, field, problems) => {
      if (absent(value, settings, field, problems)) return settings.default;
      if ((values as readonly unknown[]).includes(value)) return value;
      // A short lowercase word is shown (a misspelt mode); anything that could be a key is not.
      const shown =
        typeof value === "string" && /^[a-z][a-z-]{0,23}$/.test(value) ? `"${value}"` : describeValue(value);
      problems.push({ field, message: `must be one of ${expected}, got ${shown}` });
      return undefined;
    }) as OptionRule<Settled<Value, Settings>>;
  },

  /** A function (a clock, a predicate, a callback). */
  callback<Callback extends (...parameters: any[]) => unknown, Settings extends RuleSettings<Callback> = {}>(
    settings: Settings & { example?: string } = {} as Settings,
  ) {
    const expected = `a function${settings.example ? ` such as ${settings.example}` : ""}`;
    return ((value, field, problems) => {
      if (absent(value, settings, field, problems)) return settings.default;
      return typeof value === "function" ? value : wrong(problems, field, expected, value);
    }) as OptionRule<Settled<Callback, Settings>>;
  },

  /** An http(s) URL. */
  url<Settings extends StringSettings = {}>(settings: Settings = {} as Settings) {
    const expected = `an http(s) URL${settings.example ? ` such as ${settings.example}` : ""}`;
    return ((value, field, problems) => {
      if (absent(value, settings, field, problems)) return settings.default;
      return isHttpUrl(value) ? value : wrong(problems, field, expected, value);
    }) as OptionRule<Settled<string, Settings>>;
  },

  /** An array whose items each pass `item`; problems name the index, e.g. "stop[2]". */
  array<Item, Settings extends RuleSettings<Item[]> & { minItems?: number } = {}>(
    item: OptionRule<Item>,
    settings: Settings = {} as Settings,
  ) {
    return ((value, field, problems) => {
      if (absent(value, settings, field, problems)) return settings.default;
      if (!Array.isArray(value)) return wrong(problems, field, "an array", value);
      if (settings.minItems !== undefined && value.length < settings.minItems) {
        problems.push({ field, message: `must hold at least ${settings.minItems} item(s)` });
      }
      return value.map((entry, index) => item(entry, `${field}[${index}]`, problems));
    }) as OptionRule<Settled<Item[], Settings>>;
  },

  /** An object of any own keys whose values each pass `entry`; problems name the key, e.g. "headers.x-key". */
  record<Entry, Settings extends RuleSettings<Record<string, Entry>> = {}>(
    entry: OptionRule<Entry>,
    settings: Settings = {} as Settings,
  ) {
    return ((value, field, problems) => {
      if (absent(value, settings, field, problems)) return settings.default;
      if (!isPlainObject(value)) return wrong(problems, field, "an object", value);
      // A prototype-free copy: a key such as "__proto__" stays a plain key.
      const copy: Record<string, Entry> = Object.create(null);
      for (const key of Object.keys(value)) copy[key] = entry(value[key], `${field}.${key}`, problems);
      return copy;
    }) as OptionRule<Settled<Record<string, Entry>, Settings>>;
  },

  /** A nested options object with its own shape; unknown keys are refused as at the top level. */
  object<Shape extends OptionShape, Settings extends RuleSettings<CheckedOptions<Shape>> = {}>(
    shape: Shape,
    settings: Settings = {} as Settings,
  ) {
    return ((value, field, problems) => {
      if (absent(value, settings, field, problems)) return settings.default;
      if (!isPlainObject(value)) return wrong(problems, field, "an object", value);
      return checkShape(value, shape, `${field}.`, problems);
    }) as OptionRule<Settled<CheckedOptions<Shape>, Settings>>;
  },

  /**
   * An object with the given methods, such as a store: `option.implementing("a BudgetStore",
   * ["reserve", "settle", "usage"], { example: "new MemoryBudgetStore()" })`.
   */
  implementing<Value extends object, Settings extends RuleSettings<Value> & { example?: string } = {}>(
    what: string,
    methods: readonly string[],
    settings: Settings = {} as Settings,
  ) {
    const expected = `${what} with ${methods.join(", ")}${settings.example ? `, such as ${settings.example}` : ""}`;
    return ((value, field, problems) => {
      if (absent(value, settings, field, problems)) return settings.default;
      const valid =
        typeof value === "object" &&
        value !== null &&
        methods.every((name) => typeof (value as Record<string, unknown>)[name] === "function");
      if (valid) return value;
      problems.push({ field, message: `must be ${expected}` });
      return undefined;
    }) as OptionRule<Settled<Value, Settings>>;
  },

  /**
   * Any check of your own: `test` returns `{ value }` to keep, or the problem as a phrase that
   * follows the option's name (e.g. "must be a BudgetStore with reserve, settle and usage").
   */
  custom<Value, Settings extends RuleSettings<Value> = {}>(
    test: (value: unknown) => { value: Value } | string,
    settings: Settings = {} as Settings,
  ) {
    return ((value, field, problems) => {
      if (absent(value, settings, field, problems)) return settings.default;
      const outcome = test(value);
      if (typeof outcome !== "string") return outcome.value;
      problems.push({ field, message: outcome });
      return undefined;
    }) as OptionRule<Settled<Value, Settings>>;
  },
};

/** True for an object literal or a prototype-free object (not an array, a class instance or null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function isHttpUrl(value: unknown): value is string {
  if (typeof value !== "string") return false;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

/**
 * Applies `shape` to the own keys of `value`: every known option is checked, every unknown key
 * is a problem (with a suggestion when it looks like a known one).
 */
export function checkShape<Shape extends OptionShape>(
  value: Record<string, unknown>,
  shape: Shape,
  prefix: string,
  problems: OptionProblem[],
): CheckedOptions<Shape> {
  const checked: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (!Object.hasOwn(shape, key)) {
      problems.push({ field: `${prefix}${key}`, message: `is not an option${suggestionFor(key, shape)}` });
    }
  }
  for (const name of Object.keys(shape)) {
    const result = shape[name]!(
      Object.hasOwn(value, name) ? value[name] : undefined,
      `${prefix}${name}`,
      problems,
    );
    if (result !== undefined) checked[name] = result;
  }
  return checked as CheckedOptions<Shape>;
}

/** ` (did you mean "maxRetries"?)` for a slip of case, snake_case or a letter or two. */
function suggestionFor(key: string, shape: OptionShape): string {
  const camel = key.replace(/[_-]([a-z])/g, (_, letter: string) => letter.toUpperCase());
  const names = Object.keys(shape);
  const match =
    names.find((name) => name.toLowerCase() === camel.toLowerCase()) ??
    names.find((name) => editDistance(name.toLowerCase(), key.toLowerCase()) <= 2) ??
    // A word cut short or with its plural left off: "maxRetry" for "maxRetries".
    (key.length >= 4 ? names.find((name) => isStemOf(key.toLowerCase(), name.toLowerCase())) : undefined);
  return match ? ` (did you mean "${match}"?)` : "";
}

function isStemOf(key: string, name: string): boolean {
  const stem = key.replace(/(y|ies|s)$/, "");
  return stem.length >= 4 && name.startsWith(stem);
}

function editDistance(left: string, right: string): number {
  if (Math.abs(left.length - right.length) > 2) return 3;
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let row = 1; row <= left.length; row += 1) {
    const current = [row];
    for (let column = 1; column <= right.length; column += 1) {
      const cost = left[row - 1] === right[column - 1] ? 0 : 1;
      current[column] = Math.min(
        previous[column]! + 1,
        current[column - 1]! + 1,
        previous[column - 1]! + cost,
      );
    }
    previous = current;
  }
  return previous[right.length]!;
}
