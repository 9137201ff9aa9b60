import { TemporaryError } from "@ffc/core";
import { createTestManager, settled } from "@ffc/testing";
import { describe, expect, it } from "vitest";
import { RetryBudget } from "./retry-budget";
import { RetryConfig } from "./retry-config";

describe("RetryBudget", () => {
  it("allows ratio × calls plus the reserve within the window", () => {
    const budget = new RetryBudget({ ratio: 0.5, minRetriesPerSecond: 0.2, windowMs: 10_000 });
    const now = 1_000_000;
    for (let call = 0; call < 4; call += 1) budget.recordCall("openai", now);
    // 0.5 × 4 calls + 0.2/s × 10 s = 4 retries.
    const granted = Array.from({ length: 6 }, () => budget.tryRetry("openai", now));
    expect(granted).toEqual([true, true, true, true, false, false]);
  });

  it("forgets calls and retries once they leave the window", () => {
    const budget = new RetryBudget({ ratio: 1, minRetriesPerSecond: 0, windowMs: 1000 });
    budget.recordCall("openai", 5000);
    expect(budget.tryRetry("openai", 5000)).toBe(true);
    expect(budget.tryRetry("openai", 5500)).toBe(false);
    expect(budget.usage("openai", 6100)).toEqual({ calls: 0, retries: 0 });
    budget.recordCall("openai", 6100);
    expect(budget.tryRetry("openai", 6100)).toBe(true);
  });

  it("keeps the budgets of different providers apart", () => {
    const budget = new RetryBudget({ ratio: 1, minRetriesPerSecond: 0, windowMs: 1000 });
    budget.recordCall("openai", 0);
    expect(budget.tryRetry("anthropic", 0)).toBe(false);
    expect(budget.tryRetry("openai", 0)).toBe(true);
  });

  it("keeps an outage from multiplying traffic: requests stay near calls × (1 + ratio)", async () => {
    const calls = 200;
    const withoutBudget = createTestManager({ steps: [{ error: new TemporaryError("down") }] });
    const withBudget = createTestManager({ steps: [{ error: new TemporaryError("down") }] });
    const unbounded = new RetryConfig({ maxRetries: 3, initialDelayMs: 0, retryBudget: false });
    const bounded = new RetryConfig({
      maxRetries: 3,
      initialDelayMs: 0,
      retryBudget: { ratio: 0.2, minRetriesPerSecond: 1, windowMs: 10_000 },
    });
    for (let call = 0; call < calls; call += 1) {
      await settled(withoutBudget.llm.generate({ prompt: "hi", retryConfig: unbounded }));
      await settled(withBudget.llm.generate({ prompt: "hi", retryConfig: bounded }));
    }
    expect(withoutBudget.provider.callCount).toBe(calls * 4);
    // 0.2 × 200 calls = 40 retries, plus a reserve of 1/s × 10 s.
    expect(withBudget.provider.callCount).toBeLessThanOrEqual(calls + 0.2 * calls + 10);
    expect(withBudget.provider.callCount).toBeGreaterThan(calls);
  });

  it("rejects a negative ratio, naming the field", () => {
    expect(() => new RetryBudget({ ratio: -1 })).toThrow(
      /"ratio" must be a finite number at least 0, got -1/,
    );
  });
});
