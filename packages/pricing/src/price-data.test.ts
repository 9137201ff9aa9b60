import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { calcPrice, findProvider } from "@pydantic/genai-prices";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { priceUsage } from "./model-pricing";
import type { MatchRule } from "./price-types";

const script = fileURLToPath(new URL("../scripts/generate-price-data.mjs", import.meta.url));

/** Model ids a vendor's rules name (equals, starts_with, contains values): real ids to price. */
function namedIds(rule: MatchRule): string[] {
  if ("or" in rule) return rule.or.flatMap(namedIds);
  if ("and" in rule) return rule.and.flatMap(namedIds).slice(0, 1);
  if ("equals" in rule) return [rule.equals];
  if ("starts_with" in rule) return [rule.starts_with, `${rule.starts_with}-2025-01-01`];
  if ("contains" in rule) return [rule.contains];
  return [];
}

function genaiPrice(provider: string, model: string, usage: Parameters<typeof priceUsage>[3]) {
  const result = calcPrice(
    {
      input_tokens: usage.inputTokens,
      output_tokens: usage.outputTokens,
      cache_read_tokens: usage.cacheReadTokens ?? 0,
      cache_write_tokens: usage.cacheWriteTokens ?? 0,
      output_reasoning_tokens: usage.reasoningTokens ?? 0,
    },
    model,
    { providerId: provider },
  );
  return result ? result.total_price : null;
}

/** Every tier start of the shipped vendors' prices, and the token counts on either side of it. */
const tierEdges = [
  ...new Set(
    JSON.stringify(["openai", "anthropic", "google"].map((id) => findProvider({ providerId: id })))
      .match(/"start":\d+/g)!
      .flatMap((text) => {
        const start = Number(text.slice(8));
        return [start, start + 1];
      }),
  ),
];

/** Usage as FFC normalizes it: cached tokens within input, reasoning within output; on and around every tier edge. */
const usage = fc
  .record({
    inputTokens: fc.oneof(fc.integer({ min: 0, max: 400_000 }), fc.constantFrom(...tierEdges)),
    outputTokens: fc.integer({ min: 0, max: 100_000 }),
    cacheShare: fc.double({ min: 0, max: 1, noNaN: true }),
    writeShare: fc.double({ min: 0, max: 1, noNaN: true }),
    reasoningShare: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ inputTokens, outputTokens, cacheShare, writeShare, reasoningShare }) => {
    const cacheReadTokens = Math.floor(inputTokens * cacheShare);
    const cacheWriteTokens = Math.floor((inputTokens - cacheReadTokens) * writeShare);
    return {
      inputTokens,
      outputTokens,
      totalTokens: inputTokens + outputTokens,
      cacheReadTokens,
      cacheWriteTokens,
      reasoningTokens: Math.floor(outputTokens * reasoningShare),
    };
  });

describe("the price data shipped with @ffc/pricing", () => {
  it("is what scripts/generate-price-data.mjs makes from the installed genai-prices", () => {
    // Exits 1 and names the stale files when genai-prices was upgraded without regenerating.
    expect(() => execFileSync(process.execPath, [script, "--check"], { stdio: "pipe" })).not.toThrow();
  });

  for (const provider of ["openai", "anthropic", "google", "google-vertex", "gemini"]) {
    it(`prices every ${provider} model exactly as genai-prices' calcPrice does`, () => {
      const vendor = findProvider({ providerId: provider })!;
      const ids = [
        ...new Set([
          ...vendor.models.flatMap((model) => namedIds(model.match as MatchRule)),
          "claude-3-5-sonnet-20241022",
          "claude-sonnet-4-5",
          "no-such-model-xyz",
        ]),
      ];
      fc.assert(
        fc.property(fc.constantFrom(...ids), usage, (model, spent) => {
          const expected = genaiPrice(provider, model, spent);
          const actual = priceUsage(undefined, provider, model, spent);
          if (expected === null) expect(actual).toBeNull();
          else expect(actual).toBeCloseTo(expected, 9);
        }),
        { seed: 20261204, numRuns: Math.max(300, ids.length * 8) },
      );
    });
  }

  it("prices vendors that do not ship here through genai-prices itself, and unknown ones as null", () => {
    const spent = { inputTokens: 1_000, outputTokens: 500, totalTokens: 1_500 };
    const mistral = priceUsage(undefined, "mistral", "mistral-large-latest", spent);
    expect(mistral).not.toBeNull();
    expect(mistral).toBeCloseTo(genaiPrice("mistral", "mistral-large-latest", spent)!, 12);
    expect(priceUsage(undefined, "no-such-vendor", "gpt-4o", spent)).toBeNull();
  });
});
