import { ConfigError } from "@ffc/core";
import type { PriceTable } from "./model-pricing";

/** Checks a user price table once, at construction; `owner` names the option in the error, e.g. "TokenTracker". */
export function checkPriceTable(prices: PriceTable | undefined, owner: string): PriceTable | undefined {
  if (prices === undefined) return undefined;
  if (typeof prices !== "object" || prices === null) {
    throw new ConfigError(
      `Invalid ${owner} "prices": expected { "provider:model": { inputPerMillion, outputPerMillion } }.`,
    );
  }
  for (const [name, price] of Object.entries(prices)) {
    for (const field of [
      "inputPerMillion",
      "outputPerMillion",
      "cacheReadPerMillion",
      "cacheWritePerMillion",
      "reasoningPerMillion",
    ]) {
      const value = (price as unknown as Record<string, unknown>)?.[field];
      if (value === undefined && field !== "inputPerMillion" && field !== "outputPerMillion") continue;
      if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
        throw new ConfigError(
          `Invalid ${owner} "prices.${name}.${field}": expected USD per million tokens (a number of at least 0).`,
        );
      }
    }
  }
  return prices;
}
