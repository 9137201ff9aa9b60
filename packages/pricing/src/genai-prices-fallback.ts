import { createRequire } from "node:module";
import type { Usage } from "@ffc/core";

type CalcPrice = typeof import("@pydantic/genai-prices").calcPrice;

let calcPrice: CalcPrice | null | undefined;

/**
 * genai-prices' own `calcPrice`, for vendors whose prices do not ship with @ffc/pricing (Mistral,
 * Groq, Bedrock, OpenRouter, ...), loaded on first use: its whole table is 830 kB of JavaScript
 * that apps calling only OpenAI, Anthropic or Gemini never load. It is required at run time, so
 * bundlers leave it out; where it cannot be loaded, such prices are unknown (null).
 */
export function externalPrice(provider: string, model: string, usage: Usage): number | null {
  if (calcPrice === undefined) calcPrice = loadCalcPrice();
  if (calcPrice === null) return null;
  const calculated = calcPrice(
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
  return calculated ? calculated.total_price : null;
}

function loadCalcPrice(): CalcPrice | null {
  try {
    // tsup turns import.meta.url into the file's URL in the CommonJS build as well.
    return (createRequire(import.meta.url)("@pydantic/genai-prices") as { calcPrice: CalcPrice }).calcPrice;
  } catch {
    return null;
  }
}
