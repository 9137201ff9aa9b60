import { type OptionRule, option } from "@ffc/core/plugin";
import type { ModelPrice, PriceTable } from "./model-pricing";

const usdPerMillion = () => option.number({ min: 0 });

/**
 * The options-kit rule of a `prices` option (TokenTracker, BudgetManager): USD per million
 * tokens by "provider:model" or model; a problem is named by its path, e.g. "prices.x:y.inputPerMillion".
 */
export function priceTableOption(): OptionRule<PriceTable | undefined> {
  return option.record<ModelPrice>(
    option.object(
      {
        inputPerMillion: option.number({ min: 0, required: true }),
        outputPerMillion: option.number({ min: 0, required: true }),
        cacheReadPerMillion: usdPerMillion(),
        cacheWritePerMillion: usdPerMillion(),
        reasoningPerMillion: usdPerMillion(),
      },
      { required: true },
    ),
  );
}
