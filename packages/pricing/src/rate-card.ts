import type { Usage } from "@ffc/core";
import { matchesRule } from "./match-rule";
import { shippedVendors, vendorIndex } from "./price-data/vendor-index";
import type { PriceConstraint, PricedModel, Rate, TokenRates } from "./price-types";
import { shippedVendorModels } from "./vendor-prices";

/** How a (provider, model) pair is priced, resolved once and cached. */
export type RateCard =
  /** From the price data that ships with @ffc/pricing. */
  | { source: "shipped"; vendor: string; model: PricedModel }
  /** By genai-prices itself, for a vendor whose prices do not ship here. */
  | { source: "external" };

/** Rate cards by provider, then model: two lookups and no key string built per attempt. */
const cards = new Map<string, Map<string, RateCard | null>>();
let cardCount = 0;
/** Model ids come from callers; past this many pairs the cache starts over rather than grow. */
const maxCards = 1_000;

/**
 * The rate card of a model of a provider, or null when genai-prices knows no price for it.
 * Matching a model id against the vendor's rules happens once per pair, not once per attempt.
 */
export function rateCard(provider: string, model: string): RateCard | null {
  let models = cards.get(provider);
  let card = models?.get(model);
  if (card === undefined) {
    card = resolveCard(provider, model);
    if (cardCount >= maxCards) {
      cards.clear();
      cardCount = 0;
      models = undefined;
    }
    if (!models) {
      models = new Map();
      cards.set(provider, models);
    }
    models.set(model, card);
    cardCount += 1;
  }
  return card;
}

/** The USD cost of `usage` at a model's rates in force at `now` (ms since the epoch). */
export function priceWithCard(model: PricedModel, usage: Usage, now: number): number {
  const rates = ratesAt(model, now);
  const input = usage.inputTokens;
  const cacheRead = rates.cache_read_mtok === undefined ? 0 : (usage.cacheReadTokens ?? 0);
  const cacheWrite = rates.cache_write_mtok === undefined ? 0 : (usage.cacheWriteTokens ?? 0);
  // Like genai-prices: cached tokens are part of input and priced at their own rate when the
  // model has one; output includes reasoning; a tier applies to the whole request once its
  // input tokens pass the tier's start.
  return (
    (Math.max(0, input - cacheRead - cacheWrite) * rateAt(rates.input_mtok, input) +
      cacheRead * rateAt(rates.cache_read_mtok, input) +
      cacheWrite * rateAt(rates.cache_write_mtok, input) +
      usage.outputTokens * rateAt(rates.output_mtok, input)) /
    1_000_000
  );
}

function rateAt(rate: Rate | undefined, inputTokens: number): number {
  if (rate === undefined) return 0;
  if (typeof rate === "number") return rate;
  let price = rate.base;
  for (const tier of rate.tiers) if (inputTokens > tier.start) price = tier.price;
  return price;
}

function ratesAt(model: PricedModel, now: number): TokenRates {
  if (!Array.isArray(model.prices)) return model.prices;
  for (let index = model.prices.length - 1; index >= 0; index -= 1) {
    const variant = model.prices[index]!;
    if (!variant.constraint || applies(variant.constraint, now)) return variant.prices;
  }
  return model.prices[0]!.prices;
}

function applies(constraint: PriceConstraint, now: number): boolean {
  if (constraint.type === "start_date") return now >= Date.parse(constraint.start_date);
  const date = new Date(now);
  const seconds = date.getUTCHours() * 3600 + date.getUTCMinutes() * 60 + date.getUTCSeconds();
  const start = secondsOfDay(constraint.start_time);
  const end = secondsOfDay(constraint.end_time);
  return end < start ? seconds >= start || seconds < end : seconds >= start && seconds < end;
}

/** "HH:MM:SS" with "Z" or a "+HH:MM" offset, as seconds after midnight UTC. */
function secondsOfDay(time: string): number {
  const match = /^(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|([+-])(\d{2}):(\d{2}))$/.exec(time);
  if (!match) return 0;
  const local = Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]);
  const offset = match[4] === "Z" ? 0 : (Number(match[6]) * 60 + Number(match[7])) * 60;
  return (local - (match[5] === "-" ? -offset : offset) + 86_400) % 86_400;
}

function resolveCard(provider: string, model: string): RateCard | null {
  const vendor = vendorOf(provider);
  if (vendor === undefined) return null;
  if (!shippedVendors.includes(vendor.id)) return { source: "external" };
  const id = model.toLowerCase().trim();
  const found =
    findModel(vendor.id, vendor.fallback, id) ?? findModel(vendor.id, vendor.fallback, withDashedDate(id));
  return found ? { source: "shipped", vendor: found.vendor, model: found.model } : null;
}

/** genai-prices' rule: a vendor whose id is the provider id, else the first whose rule matches it. */
function vendorOf(provider: string) {
  const id = provider.toLowerCase().trim();
  return (
    vendorIndex.find((vendor) => vendor.id === id) ??
    vendorIndex.find((vendor) => vendor.match !== undefined && matchesRule(vendor.match, id))
  );
}

function findModel(vendor: string, fallback: readonly string[] | undefined, id: string) {
  const own = shippedVendorModels(vendor)?.find((model) => matchesRule(model.match, id));
  if (own) return { vendor, model: own };
  // Vendors that also serve other vendors' models (Vertex serves Claude): one level, like genai-prices.
  for (const other of fallback ?? []) {
    const model = shippedVendorModels(other)?.find((candidate) => matchesRule(candidate.match, id));
    if (model) return { vendor: other, model };
  }
  return undefined;
}

/** "claude-3-5-sonnet-20241022" is also tried as "claude-3-5-sonnet-2024-10-22", as genai-prices does. */
function withDashedDate(id: string): string {
  return id.replace(
    /(-)(20\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=-|:|$)/g,
    (whole, dash: string, year: string, month: string, day: string) => {
      const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
      return date.getUTCMonth() === Number(month) - 1 ? `${dash}${year}-${month}-${day}` : whole;
    },
  );
}
