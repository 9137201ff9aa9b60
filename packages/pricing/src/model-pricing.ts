import type { Usage } from "@ffc/core";
import { externalPrice } from "./genai-prices-fallback";
import { priceWithCard, rateCard } from "./rate-card";

/** Prices of one model in USD per million tokens. Missing cache and reasoning rates use the input and output rates. */
export interface ModelPrice {
  /** USD per million input tokens. */
  inputPerMillion: number;
  /** USD per million output tokens. */
  outputPerMillion: number;
  /** USD per million input tokens read from the vendor's prompt cache. */
  cacheReadPerMillion?: number;
  /** USD per million input tokens written to the vendor's prompt cache. */
  cacheWritePerMillion?: number;
  /** USD per million reasoning tokens. */
  reasoningPerMillion?: number;
}

/** User-supplied prices by "provider:model" or by model name; they take precedence over @pydantic/genai-prices. */
export type PriceTable = Readonly<Record<string, ModelPrice>>;

/**
 * The USD cost of `usage` on a model, or null when no price is known: user-supplied prices
 * first, then genai-prices' rates (resolved once per provider and model into a rate card). Its
 * input tokens include cached tokens and its output tokens include reasoning, like FFC's
 * normalized usage.
 */
export function priceUsage(
  prices: PriceTable | undefined,
  provider: string,
  model: string,
  usage: Usage,
): number | null {
  const own = prices?.[`${provider}:${model}`] ?? prices?.[model];
  if (own) return priceWith(own, usage);
  const card = rateCard(provider, model);
  if (card === null) return null;
  if (card.source === "external") return externalPrice(provider, model, usage);
  return priceWithCard(card.model, usage, Date.now());
}

/** Applies a user-supplied price; the breakdowns are parts of input and output, so they are split off first. */
export function priceWith(price: ModelPrice, usage: Usage): number {
  const cacheRead = usage.cacheReadTokens ?? 0;
  const cacheWrite = usage.cacheWriteTokens ?? 0;
  const reasoning = usage.reasoningTokens ?? 0;
  const plainInput = Math.max(0, usage.inputTokens - cacheRead - cacheWrite);
  const plainOutput = Math.max(0, usage.outputTokens - reasoning);
  return (
    (plainInput * price.inputPerMillion +
      cacheRead * (price.cacheReadPerMillion ?? price.inputPerMillion) +
      cacheWrite * (price.cacheWritePerMillion ?? price.inputPerMillion) +
      plainOutput * price.outputPerMillion +
      reasoning * (price.reasoningPerMillion ?? price.outputPerMillion)) /
    1_000_000
  );
}

/** What vendor prompt caching saved: cache reads priced at the full input rate minus at the cache-read rate. */
export function promptCacheSavings(
  prices: PriceTable | undefined,
  provider: string,
  model: string,
  usage: Usage,
): number | null {
  if (!usage.cacheReadTokens) return 0;
  const withCache = priceUsage(prices, provider, model, usage);
  const withoutCache = priceUsage(prices, provider, model, { ...usage, cacheReadTokens: 0 });
  if (withCache === null || withoutCache === null) return null;
  return Math.max(0, withoutCache - withCache);
}
