import { anthropicPrices } from "./price-data/anthropic";
import { googlePrices } from "./price-data/google";
import { openaiPrices } from "./price-data/openai";
import type { PricedModel } from "./price-types";

const sources: Readonly<Record<string, string>> = {
  openai: openaiPrices,
  anthropic: anthropicPrices,
  google: googlePrices,
};
const parsed = new Map<string, readonly PricedModel[]>();

/**
 * The models and prices of a vendor that ships with @ffc/pricing, parsed on first use: an app
 * that only calls OpenAI never parses Anthropic's or Google's prices. Undefined for other vendors.
 */
export function shippedVendorModels(vendor: string): readonly PricedModel[] | undefined {
  let models = parsed.get(vendor);
  if (!models) {
    const source = Object.hasOwn(sources, vendor) ? sources[vendor] : undefined;
    if (source === undefined) return undefined;
    models = JSON.parse(source) as PricedModel[];
    parsed.set(vendor, models);
  }
  return models;
}
