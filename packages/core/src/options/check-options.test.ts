import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ConfigError } from "../errors/config-error";
import { checkOptions } from "./check-options";
import { option } from "./option-rule";

const shape = {
  maxRetries: option.integer({ min: 0, default: 3 }),
  factor: option.number({ min: 1 }),
  mode: option.oneOf(["closed", "open"] as const, { default: "closed" }),
  name: option.string({ example: '"main"' }),
  url: option.url(),
  on: option.boolean(),
  clock: option.callback<() => number>(),
  stop: option.array(option.string({ required: true, allowBlank: true })),
  headers: option.record(option.string({ required: true })),
  nested: option.object({ depth: option.integer({ min: 1, required: true }) }),
};

function problemOf(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (ConfigError.isInstance(error)) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("checkOptions", () => {
  it("fills defaults and keeps given values", () => {
    const checked = checkOptions("Thing", { factor: 1.5, stop: ["\n"] }, shape);
    expect(checked).toEqual({ maxRetries: 3, factor: 1.5, mode: "closed", stop: ["\n"] });
  });

  it("refuses an unknown key, names it in `field` and suggests the known one", () => {
    const error = problemOf(() =>
      checkOptions("BudgetManager", { failmode: "open" }, { failMode: option.string() }),
    );
    expect(error.field).toBe("failmode");
    expect(error.message).toBe(
      'Invalid BudgetManager options: "failmode" is not an option (did you mean "failMode"?).',
    );
  });

  it("suggests camelCase for the guide's snake_case spelling", () => {
    const error = problemOf(() => checkOptions("RetryConfig", { max_retries: 2 }, shape));
    expect(error.message).toContain('(did you mean "maxRetries"?)');
  });

  it("collects every problem in one error, in order, with the first as `field`", () => {
    const error = problemOf(() =>
      checkOptions("Thing", { maxRetries: -1, mode: "sideways", url: "ftp://x", nested: {} }, shape),
    );
    expect(error.problems.map((problem) => problem.field)).toEqual([
      "maxRetries",
      "mode",
      "url",
      "nested.depth",
    ]);
    expect(error.field).toBe("maxRetries");
    expect(error.message).toBe(
      'Invalid Thing options: "maxRetries" must be a whole number at least 0, got -1; "mode" must be one of "closed", "open", got "sideways"; "url" must be an http(s) URL, got a string of 7 characters; "nested.depth" is required.',
    );
  });

  it("names items and entries by path", () => {
    const error = problemOf(() => checkOptions("Thing", { stop: ["a", 5], headers: { "x-key": 1 } }, shape));
    expect(error.problems.map((problem) => problem.field)).toEqual(["stop[1]", "headers.x-key"]);
  });

  it("treats prototype keys as unknown options, never as inherited rules", () => {
    const given = JSON.parse('{"__proto__": {"polluted": true}, "constructor": 1, "toString": 2}');
    const error = problemOf(() => checkOptions("Thing", given, shape));
    expect(error.problems.map((problem) => problem.field)).toEqual(["__proto__", "constructor", "toString"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("keeps a record's prototype keys as plain keys", () => {
    const checked = checkOptions("Thing", { headers: JSON.parse('{"__proto__": "x"}') }, shape);
    expect(Object.keys(checked.headers ?? {})).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(checked.headers)).toBeNull();
  });

  it("refuses something that is not an options object at all", () => {
    for (const value of [null, 5, "x", [], new Map()]) {
      const error = problemOf(() => checkOptions("Thing", value, shape, "{ maxRetries: 3 }"));
      expect(error.message).toMatch(
        /^Invalid Thing options: expected an object such as \{ maxRetries: 3 \}, got /,
      );
    }
  });

  it("refuses NaN, infinities, blank strings and non-integers where they do not fit", () => {
    const error = problemOf(() =>
      checkOptions("Thing", { maxRetries: 1.5, factor: Number.NaN, name: "   " }, shape),
    );
    expect(error.problems.map((problem) => problem.field)).toEqual(["maxRetries", "factor", "name"]);
  });

  it("never prints a string value, which may be a secret", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^sk-[A-Za-z0-9]{16,40}$/), (secret) => {
        const error = problemOf(() =>
          checkOptions(
            "Thing",
            { maxRetries: secret, url: secret, mode: secret, headers: { key: secret } },
            shape,
          ),
        );
        return !JSON.stringify(error).includes(secret.slice(3)) && !error.message.includes(secret.slice(3));
      }),
    );
  });

  it("accepts every value its rules accept and refuses the rest (integers)", () => {
    fc.assert(
      fc.property(fc.double(), (value) => {
        const valid = Number.isInteger(value) && value >= 0;
        let accepted = true;
        try {
          checkOptions("Thing", { maxRetries: value }, shape);
        } catch {
          accepted = false;
        }
        return accepted === valid;
      }),
    );
  });
});
