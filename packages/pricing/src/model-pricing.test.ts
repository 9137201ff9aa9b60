import { checkOptions } from "@ffc/core/plugin";
import { describe, expect, it } from "vitest";
import { priceTableOption } from "./check-price-table";
import { priceUsage, priceWith, promptCacheSavings } from "./model-pricing";

describe("priceUsage", () => {
  it("prices gpt-4o from genai-prices with cached input at the cache-read rate", () => {
    // 1M input of which 400k cached, 100k output: 600k × $2.50 + 400k × $1.25 + 100k × $10 per million.
    const usage = {
      inputTokens: 1_000_000,
      outputTokens: 100_000,
      totalTokens: 1_100_000,
      cacheReadTokens: 400_000,
    };
    expect(priceUsage(undefined, "openai", "gpt-4o", usage)).toBeCloseTo(3.0, 9);
    expect(promptCacheSavings(undefined, "openai", "gpt-4o", usage)).toBeCloseTo(0.5, 9);
  });

  it("reports an unknown model as null, never as zero", () => {
    const usage = { inputTokens: 10, outputTokens: 10, totalTokens: 20 };
    expect(priceUsage(undefined, "openai", "no-such-model-xyz", usage)).toBeNull();
    expect(priceUsage(undefined, "mock", "gpt-4o", usage)).toBeNull();
  });

  it("uses supplied prices first, by provider:model and then by model", () => {
    const usage = { inputTokens: 1_000_000, outputTokens: 1_000_000, totalTokens: 2_000_000 };
    const prices = {
      "openai:gpt-4o": { inputPerMillion: 1, outputPerMillion: 2 },
      "gpt-4o": { inputPerMillion: 100, outputPerMillion: 100 },
      "house-model": { inputPerMillion: 3, outputPerMillion: 4 },
    };
    expect(priceUsage(prices, "openai", "gpt-4o", usage)).toBe(3);
    expect(priceUsage(prices, "local", "house-model", usage)).toBe(7);
  });

  it("splits cache and reasoning tokens off before applying their own rates", () => {
    const price = {
      inputPerMillion: 10,
      outputPerMillion: 20,
      cacheReadPerMillion: 1,
      reasoningPerMillion: 40,
    };
    const usage = {
      inputTokens: 1_000_000,
      outputTokens: 1_000_000,
      totalTokens: 2_000_000,
      cacheReadTokens: 500_000,
      reasoningTokens: 250_000,
    };
    // 0.5M × 10 + 0.5M × 1 + 0.75M × 20 + 0.25M × 40 = 5 + 0.5 + 15 + 10
    expect(priceWith(price, usage)).toBeCloseTo(30.5, 9);
  });
});

describe("priceTableOption", () => {
  const shape = { prices: priceTableOption() };

  it("names the owner, the model and the field of a bad price", () => {
    expect(() =>
      checkOptions(
        "TokenTracker",
        { prices: { "gpt-4o": { inputPerMillion: -1, outputPerMillion: 1 } } },
        shape,
      ),
    ).toThrow(
      /Invalid TokenTracker options: "prices.gpt-4o.inputPerMillion" must be a finite number at least 0/,
    );
    expect(() => checkOptions("BudgetManager", { prices: "cheap" }, shape)).toThrow(
      /Invalid BudgetManager options: "prices" must be an object/,
    );
    expect(() => checkOptions("TokenTracker", { prices: { m: { inputPerMillion: 1 } } }, shape)).toThrow(
      /"prices.m.outputPerMillion" is required/,
    );
  });

  it("keeps a good table", () => {
    const prices = {
      "openai:gpt-4o": { inputPerMillion: 2.5, outputPerMillion: 10, cacheReadPerMillion: 1.25 },
    };
    expect(checkOptions("TokenTracker", { prices }, shape).prices).toEqual(prices);
  });
});
