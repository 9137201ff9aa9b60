import { LLMManager } from "@ffc/core";
import { MockProvider } from "@ffc/testing";
import * as o200k from "gpt-tokenizer/encoding/o200k_base";
import { describe, expect, it } from "vitest";
import { BudgetManager } from "./budget-manager";

// Japanese and emoji: about 1 token per character where a chars/4 estimate assumes 0.25.
const prompt = "東京の天気は晴れですが、明日は雨が降るかもしれません。🙂🎉👍🏽👨‍👩‍👧‍👦";
// What OpenAI would bill: the o200k count of the text plus the chat framing.
const billedInput = o200k.countTokens(prompt) + 7;

describe("BudgetManager without a tokenizer", () => {
  it("never spends past its limit when concurrent calls use more tokens than chars/4", async () => {
    const provider = new MockProvider({
      id: "openai",
      countTokens: false,
      script: [{ text: "ok", delayMs: 10, usage: { inputTokens: billedInput, outputTokens: 20 } }],
    });
    const limit = 1_000;
    const budget = new BudgetManager({ maxDailyTokens: limit });
    const manager = new LLMManager({ provider, model: "gpt-4o" }, { plugins: [budget] });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 40 }, () => manager.generate({ prompt, maxTokens: 20 })),
    );
    const admitted = outcomes.filter((outcome) => outcome.status === "fulfilled").length;
    const status = await budget.status();
    expect(admitted).toBeGreaterThan(0);
    expect(status.tokens!.spent).toBeLessThanOrEqual(limit);
    // The settle records what the calls really used, not what they reserved.
    expect(status.tokens!.spent).toBe(admitted * (billedInput + 20));
    expect(status.reservations).toBe(0);
  });

  it("loads no vocabulary and sends no count request unless exact counting is asked for", async () => {
    let counted = 0;
    const provider = new MockProvider({ id: "openai" });
    const count = provider.countTokens!;
    provider.countTokens = async (request) => {
      counted += 1;
      return count(request);
    };
    const bound = new LLMManager(
      { provider, model: "gpt-4o" },
      { plugins: [new BudgetManager({ maxDailyTokens: 100_000 })] },
    );
    await bound.generate({ prompt, maxTokens: 20 });
    expect(counted).toBe(0);
    const exact = new LLMManager(
      { provider, model: "gpt-4o" },
      { plugins: [new BudgetManager({ maxDailyTokens: 100_000, tokenCounting: "exact" })] },
    );
    await exact.generate({ prompt, maxTokens: 20 });
    expect(counted).toBe(1);
  });

  it("names the field when tokenCounting is not bound or exact", () => {
    expect(() => new BudgetManager({ maxDailyTokens: 1, tokenCounting: "approximate" as never })).toThrow(
      /Invalid BudgetManager options: "tokenCounting" must be one of "bound", "exact", got "approximate"/,
    );
  });
});
