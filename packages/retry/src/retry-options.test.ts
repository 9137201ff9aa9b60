import { TemporaryError } from "@ffc/core";
import { configErrorOf } from "@ffc/testing";
import { describe, expect, it } from "vitest";
import { RetryBudget } from "./retry-budget";
import { RetryConfig } from "./retry-config";

describe("RetryConfig options", () => {
  it("rejects a negative maxRetries, naming the field", () => {
    expect(configErrorOf(() => new RetryConfig({ maxRetries: -1 })).message).toBe(
      'Invalid RetryConfig options: "maxRetries" must be a whole number at least 0, got -1.',
    );
  });

  it("rejects a backoffFactor below 1", () => {
    expect(configErrorOf(() => new RetryConfig({ backoffFactor: 0.5 })).message).toMatch(
      /"backoffFactor" must be a finite number at least 1, got 0.5/,
    );
  });

  it("rejects an initialDelayMs above maxDelayMs, naming both", () => {
    expect(configErrorOf(() => new RetryConfig({ initialDelayMs: 5000, maxDelayMs: 1000 })).message).toMatch(
      /"initialDelayMs" \(5000\) is above "maxDelayMs" \(1000\)/,
    );
  });

  it("rejects an unknown option such as a misspelt maxRetry", () => {
    const error = configErrorOf(() => new RetryConfig({ maxRetry: 3 } as never));
    expect(error.field).toBe("maxRetry");
    expect(error.message).toBe(
      'Invalid RetryConfig options: "maxRetry" is not an option (did you mean "maxRetries"?).',
    );
  });

  it("rejects an unknown jitter mode", () => {
    expect(configErrorOf(() => new RetryConfig({ jitter: "equal" as never })).message).toMatch(
      /"jitter" must be one of "full", "none", "decorrelated", got "equal"/,
    );
  });

  it("rejects errorsToRetry that is a single class, an empty list or not a class", () => {
    expect(configErrorOf(() => new RetryConfig({ errorsToRetry: TemporaryError as never })).message).toMatch(
      /"errorsToRetry" must be an array of error classes/,
    );
    expect(configErrorOf(() => new RetryConfig({ errorsToRetry: [] })).message).toMatch(
      /"errorsToRetry" is empty/,
    );
    expect(
      configErrorOf(() => new RetryConfig({ errorsToRetry: ["TemporaryError"] as never })).message,
    ).toMatch(/"errorsToRetry\[0\]" must be an error class/);
  });

  it("rejects a retryBudget that is neither false, a RetryBudget nor options", () => {
    expect(configErrorOf(() => new RetryConfig({ retryBudget: 0.2 as never })).message).toMatch(
      /"retryBudget" must be/,
    );
  });

  it("names a bad retryBudget option by its path and checks it with the rest", () => {
    const error = configErrorOf(
      () => new RetryConfig({ maxRetries: -1, retryBudget: { ratio: -1, window: 5 } as never }),
    );
    expect(error.problems.map((problem) => problem.field)).toEqual([
      "maxRetries",
      "retryBudget.window",
      "retryBudget.ratio",
    ]);
  });

  it("refuses an unknown RetryBudget option", () => {
    expect(configErrorOf(() => new RetryBudget({ ratio: 0.1, windowMS: 10 } as never)).field).toBe(
      "windowMS",
    );
  });

  it("accepts no options at all", () => {
    expect(new RetryConfig().maxRetries).toBe(3);
  });
});
