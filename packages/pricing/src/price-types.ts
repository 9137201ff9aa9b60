/** A genai-prices matching rule for a model or vendor id (compared lower-cased). */
export type MatchRule =
  | { and: MatchRule[] }
  | { or: MatchRule[] }
  | { equals: string }
  | { starts_with: string }
  | { ends_with: string }
  | { contains: string }
  | { regex: string };

/** A rate in USD per million tokens, flat or by tier of the request's input tokens. */
export type Rate = number | { base: number; tiers: { start: number; price: number }[] };

/** The token rates of a model as genai-prices keys them. */
export interface TokenRates {
  input_mtok?: Rate;
  output_mtok?: Rate;
  cache_read_mtok?: Rate;
  cache_write_mtok?: Rate;
}

/** When a price applies: from a date on, or during a time of day (UTC offsets allowed). */
export type PriceConstraint =
  | { type: "start_date"; start_date: string }
  | { type: "time_of_date"; start_time: string; end_time: string };

/** A model of the generated price data. */
export interface PricedModel {
  id: string;
  match: MatchRule;
  /** One set of rates, or rates that change by date or time of day (the last that applies wins). */
  prices: TokenRates | { constraint?: PriceConstraint; prices: TokenRates }[];
}

/** A vendor of genai-prices: its id, the rule that matches other provider ids to it, and where else to look for a model. */
export interface VendorEntry {
  id: string;
  match?: MatchRule;
  fallback?: string[];
}
