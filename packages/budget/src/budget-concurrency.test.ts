import { BudgetExceededError, LLMManager } from "@ffc/core";
import { MockProvider } from "@ffc/testing";
import { describe, expect, it } from "vitest";
import { BudgetManager } from "./budget-manager";

const calls = 1000;
const fitting = 137;

/** Every call reserves the same worst case: the counted prompt plus maxTokens of output. */
async function worstCaseTokens(provider: MockProvider, maxTokens: number): Promise<number> {
  return (
    (await provider.countTokens!({ model: "m", messages: [{ role: "user", content: "hello" }] })) + maxTokens
  );
}

describe("BudgetManager under 1,000 concurrent calls", () => {
  it("admits exactly the calls that fit while all are in flight and leaves no reservation behind", async () => {
    const provider = new MockProvider({ script: [{ text: "ok", delayMs: 20 }] });
    const perCall = await worstCaseTokens(provider, 90);
    // Each call uses exactly its worst case, so the limit is spent to the last token.
    const input = perCall - 90;
    const exact = new MockProvider({
      script: [{ text: "ok", delayMs: 20, usage: { inputTokens: input, outputTokens: 90 } }],
    });
    const limit = perCall * fitting;
    // Exact counting: the provider's count is what each call reserves.
    const budget = new BudgetManager({
      tokenCounting: "exact",
      maxDailyTokens: limit,
      maxCostUsd: fitting * 0.0001,
      prices: { "mock:m": { inputPerMillion: 100 / perCall, outputPerMillion: 100 / perCall } },
    });
    const manager = new LLMManager({ provider: exact, model: "m" }, { plugins: [budget] });
    const outcomes = await Promise.allSettled(
      Array.from({ length: calls }, () => manager.generate({ prompt: "hello", maxTokens: 90 })),
    );
    const admitted = outcomes.filter((outcome) => outcome.status === "fulfilled").length;
    const refused = outcomes.filter(
      (outcome) => outcome.status === "rejected" && BudgetExceededError.isInstance(outcome.reason),
    );
    expect(admitted).toBe(fitting);
    expect(refused).toHaveLength(calls - fitting);
    expect(exact.callCount).toBe(fitting);
    const status = await budget.status();
    expect(status.reservations).toBe(0);
    expect(status.tokens!.reserved).toBe(0);
    expect(status.tokens!.spent).toBe(limit);
    expect(status.usd!.spent).toBeCloseTo(fitting * 0.0001, 9);
    expect(status.usd!.spent).toBeLessThanOrEqual(fitting * 0.0001 + 1e-12);
  });

  it("never overspends and refuses only calls that did not fit when calls finish while others start", async () => {
    const provider = new MockProvider({
      respond: (_request, number) => ({
        text: "ok",
        delayMs: number % 7,
        usage: { inputTokens: 6, outputTokens: 50 },
      }),
    });
    const perCall = await worstCaseTokens(provider, 90);
    const limit = perCall * fitting;
    const budget = new BudgetManager({ maxDailyTokens: limit, tokenCounting: "exact" });
    const manager = new LLMManager({ provider, model: "m" }, { plugins: [budget] });
    // Calls start over about 40 ms, so some settle while others reserve.
    const outcomes = await Promise.allSettled(
      Array.from({ length: calls }, async (_, index) => {
        await new Promise((resolve) => setTimeout(resolve, index % 40));
        return manager.generate({ prompt: "hello", maxTokens: 90 });
      }),
    );
    for (const outcome of outcomes) {
      if (outcome.status === "fulfilled") continue;
      expect(BudgetExceededError.isInstance(outcome.reason)).toBe(true);
      const { spent, reserved, requested } = outcome.reason.details;
      // A refusal is only allowed when the call really did not fit at that moment.
      expect(spent + reserved + requested).toBeGreaterThan(limit);
    }
    const status = await budget.status();
    expect(status.tokens!.spent).toBeLessThanOrEqual(limit);
    expect(status.reservations).toBe(0);
    expect(status.tokens!.spent).toBe(provider.callCount * 56);
    // Actual use (56) is below the worst case, so settled calls make room for more than `fitting`.
    expect(provider.callCount).toBeGreaterThan(fitting);
  });
});
