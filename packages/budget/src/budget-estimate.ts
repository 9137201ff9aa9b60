import { type AttemptRecord, ConfigError, type LanguageProvider, type LanguageRequest } from "@ffc/core";
import { type BudgetAmount, ceilToNanoUsd } from "@ffc/core/plugin";
import { type PriceTable, priceUsage } from "@ffc/pricing";
import type { BudgetTarget } from "./budget-manager-options";
import { inputTokenUpperBound } from "./token-upper-bound";

/** What one call may spend at worst, and the USD per token used to charge unpriced attempts. */
export interface WorstCase extends BudgetAmount {
  /** USD per token of the worst case; attempts on a model with no price are charged at this rate. */
  usdPerToken: number;
}

/** What the worst-case estimate needs. */
export interface EstimateSettings {
  prices: PriceTable | undefined;
  pricesNeeded: boolean;
  defaultMaxOutputTokens: number;
  fallbackTargets: readonly BudgetTarget[];
  attemptsPerCall: number;
  tokenCounting: TokenCounting;
}

/**
 * How a reservation sizes a call's input: "bound" (a provable upper bound from the text's UTF-8
 * bytes, no tokenizer, no request) or "exact" (the provider's `countTokens`: a tokenizer
 * vocabulary or a count request per attempt, falling back to the bound when it fails).
 */
export type TokenCounting = "bound" | "exact";

/**
 * The most a call may spend: its input tokens (an upper bound, or counted by the provider with
 * exact counting) plus the most output it may produce, priced at the dearest of the call's model
 * and the configured fallback targets, times the attempts allowed.
 */
export function estimateWorstCase(
  provider: LanguageProvider,
  request: LanguageRequest,
  settings: EstimateSettings,
): WorstCase | Promise<WorstCase> {
  const info = provider.modelInfo?.(request.model);
  let inputTokens = inputTokenUpperBound(provider.id, request);
  // A request beyond the context window is refused by the vendor unbilled, so the window caps it.
  if (info?.contextWindow !== undefined) inputTokens = Math.min(inputTokens, info.contextWindow);
  // Only exact counting waits for anything; the bound is computed at once (no promise per call).
  if (settings.tokenCounting === "exact" && provider.countTokens) {
    return countInput(provider, request, inputTokens).then((counted) =>
      worstCaseOf(provider, request, settings, info?.maxOutputTokens, counted),
    );
  }
  return worstCaseOf(provider, request, settings, info?.maxOutputTokens, inputTokens);
}

async function countInput(
  provider: LanguageProvider,
  request: LanguageRequest,
  bound: number,
): Promise<number> {
  try {
    return await provider.countTokens!(request);
  } catch {
    // Counting failed (no tokenizer installed, count endpoint down): the bound still holds.
    return bound;
  }
}

function worstCaseOf(
  provider: LanguageProvider,
  request: LanguageRequest,
  settings: EstimateSettings,
  modelMaxOutputTokens: number | undefined,
  inputTokens: number,
): WorstCase {
  const outputTokens = request.maxTokens ?? modelMaxOutputTokens ?? settings.defaultMaxOutputTokens;
  const tokens = inputTokens + outputTokens;
  let usdPerAttempt = 0;
  if (settings.pricesNeeded) {
    const usage = { inputTokens, outputTokens, totalTokens: tokens };
    usdPerAttempt = targetPrice(settings, provider.id, request.model, usage);
    for (const target of settings.fallbackTargets)
      usdPerAttempt = Math.max(usdPerAttempt, targetPrice(settings, target.provider, target.model, usage));
  }
  const usd = ceilToNanoUsd(usdPerAttempt * settings.attemptsPerCall);
  return {
    tokens: tokens * settings.attemptsPerCall,
    usd,
    usdPerToken: tokens > 0 ? usdPerAttempt / tokens : 0,
  };
}

function targetPrice(
  settings: EstimateSettings,
  provider: string,
  model: string,
  usage: { inputTokens: number; outputTokens: number; totalTokens: number },
): number {
  const usd = priceUsage(settings.prices, provider, model, usage);
  if (usd === null) {
    throw new ConfigError(
      `BudgetManager has a USD limit but no price for model "${model}" of provider "${provider}"; add it to the "prices" option, e.g. prices: { "${provider}:${model}": { inputPerMillion: 1, outputPerMillion: 2 } }.`,
      { provider, model },
    );
  }
  return usd;
}

/**
 * What the attempts of a call actually spent: every attempt that consumed tokens (retries,
 * fallbacks, interrupted streams), each priced at its own provider and model.
 */
export function actualSpend(
  attempts: readonly AttemptRecord[],
  settings: EstimateSettings,
  worstCase: WorstCase,
): BudgetAmount {
  let tokens = 0;
  let usd = 0;
  for (const attempt of attempts) {
    if (!attempt.usage) continue;
    tokens += attempt.usage.totalTokens;
    if (!settings.pricesNeeded) continue;
    const price = priceUsage(settings.prices, attempt.provider, attempt.model, attempt.usage);
    usd += price ?? attempt.usage.totalTokens * worstCase.usdPerToken;
  }
  return { tokens, usd };
}
