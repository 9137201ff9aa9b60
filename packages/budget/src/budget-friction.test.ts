import { BudgetExceededError, LLMManager } from "@ffc/core";
import { MockProvider } from "@ffc/testing";
import { describe, expect, it } from "vitest";
import { BudgetManager } from "./budget-manager";

describe("budget friction (issue 10, finding 10)", () => {
  it("a refusal whose worst case alone exceeds maxDailyTokens says to set maxTokens", async () => {
    const provider = new MockProvider({
      script: [{ text: "ok" }],
      modelInfo: { contextWindow: 200_000, maxOutputTokens: 64_000 },
    });
    const llm = new LLMManager(
      { provider, model: "big" },
      { plugins: [new BudgetManager({ maxDailyTokens: 1_000 })] },
    );
    const error = await llm.generate({ prompt: "hello" }).catch((caught: unknown) => caught);
    expect(BudgetExceededError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('set "maxTokens"');
    expect(provider.callCount).toBe(0);
    // With maxTokens the same call fits.
    expect((await llm.generate({ prompt: "hello", maxTokens: 100 })).text).toBe("ok");
  });

  it("remaining USD is rounded to whole nano-dollars (no 0.010000000000000002)", async () => {
    const provider = new MockProvider({
      script: [{ text: "ok", usage: { inputTokens: 100, outputTokens: 100 } }],
    });
    const budget = new BudgetManager({
      maxCostUsd: 0.03,
      prices: { "mock:cheap": { inputPerMillion: 100, outputPerMillion: 0 } },
    });
    const llm = new LLMManager({ provider, model: "cheap" }, { plugins: [budget] });
    await llm.generate({ prompt: "hello", maxTokens: 10 });
    await llm.generate({ prompt: "hello", maxTokens: 10 });
    const status = await budget.status();
    // 0.03 - 0.02 in floating point is 0.009999999999999998.
    expect(status.usd!.spent).toBe(0.02);
    expect(status.usd!.remaining).toBe(0.01);
  });
});
