import { type AttemptRecord, ConfigError, type LanguageProvider, type LanguageRequest } from "@ffc/core";
import { type BudgetAmount, ceilToNanoUsd, estimateMessageTokens } from "@ffc/core/plugin";
import { type PriceTable, priceUsage } from "@ffc/pricing";
import type { BudgetTarget } from "./budget-manager-options";

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
}

/**
 * The most a call may spend: its input tokens (counted by the provider when it can, else
 * estimated) plus the most output it may produce, priced at the dearest of the call's model and
 * the configured fallback targets, times the attempts allowed.
 */
export async function estimateWorstCase(
  provider: LanguageProvider,
  request: LanguageRequest,
  settings: EstimateSettings,
): Promise<WorstCase> {
  let inputTokens: number;
  try {
    inputTokens = provider.countTokens
      ? await provider.countTokens(request)
      : estimateMessageTokens(request.messages);
  } catch {
    // Counting is an optimization; an estimate is still a sound basis for a reservation.
    inputTokens = estimateMessageTokens(request.messages);
  }
  const outputTokens =
    request.maxTokens ??
    provider.modelInfo?.(request.model)?.maxOutputTokens ??
    settings.defaultMaxOutputTokens;
  const tokens = inputTokens + outputTokens;
  let usdPerAttempt = 0;
  if (settings.pricesNeeded) {
    const targets = [{ provider: provider.id, model: request.model }, ...settings.fallbackTargets];
    for (const target of targets) {
      const usd = priceUsage(settings.prices, target.provider, target.model, {
        inputTokens,
        outputTokens,
        totalTokens: tokens,
      });
      if (usd === null) {
        throw new ConfigError(
          `BudgetManager has a USD limit but no price for model "${target.model}" of provider "${target.provider}"; add it to the "prices" option, e.g. prices: { "${target.provider}:${target.model}": { inputPerMillion: 1, outputPerMillion: 2 } }.`,
          { provider: target.provider, model: target.model },
        );
      }
      usdPerAttempt = Math.max(usdPerAttempt, usd);
    }
  }
  const usd = ceilToNanoUsd(usdPerAttempt * settings.attemptsPerCall);
  return {
    tokens: tokens * settings.attemptsPerCall,
    usd,
    usdPerToken: tokens > 0 ? usdPerAttempt / tokens : 0,
  };
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
