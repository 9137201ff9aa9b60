import { type CallContext, ConfigError } from "@ffc/core";
import { describeValue, type RateLimitStore } from "@ffc/core/plugin";

/** One limit: requests and/or tokens per minute, for a provider, a model, both, or everything. */
export interface RateLimitRule {
  /** Provider id the limit applies to (e.g. "openai"); every provider when missing. */
  provider?: string;
  /** Model the limit applies to (e.g. "gpt-4o"); every model of the provider when missing. */
  model?: string;
  /** Requests allowed in any 60-second window. */
  requestsPerMinute?: number;
  /** Tokens (input plus output) allowed in any 60-second window. */
  tokensPerMinute?: number;
}

/** What to do when a call would exceed a limit. */
export type OnLimit = "wait" | "refuse";

/** Options of a RateLimiter. */
export interface RateLimiterOptions {
  /** The limits; every rule that matches a call's provider and model applies to it. */
  limits: RateLimitRule[];
  /**
   * Splits the limits by user, tenant or anything else: each scope gets its own counters.
   * Must return a non-empty string. Without it all calls share one scope ("global").
   */
  scope?: (call: CallContext) => string;
  /** "wait" (default) sleeps until the call fits, at most `maxWaitMs`; "refuse" throws at once. */
  onLimit?: OnLimit;
  /** Longest total wait for one call before it is refused, in ms (default 60,000). */
  maxWaitMs?: number;
  /** Where the counters live (default: a MemoryRateLimitStore of this limiter). */
  store?: RateLimitStore;
  /** Output tokens assumed for a request without `maxTokens`, for the token estimate (default 1000). */
  defaultOutputTokens?: number;
  /**
   * Limit every attempt (retries and fallback targets too, each against its own provider and
   * model) instead of every call. Default false: the limiter sits outside retry and fallback,
   * counting the attempts a call made afterwards.
   */
  perAttempt?: boolean;
}

/** The options after validation, with defaults filled in. */
export interface CheckedRateLimiterOptions {
  limits: RateLimitRule[];
  scope: ((call: CallContext) => string) | undefined;
  onLimit: OnLimit;
  maxWaitMs: number;
  store: RateLimitStore | undefined;
  defaultOutputTokens: number;
  perAttempt: boolean;
}

/** Checks RateLimiter options once, at construction; throws a ConfigError naming the field. */
export function checkRateLimiterOptions(options: RateLimiterOptions): CheckedRateLimiterOptions {
  if (typeof options !== "object" || options === null) {
    throw new ConfigError(
      "Invalid RateLimiter options: expected an object like { limits: [{ requestsPerMinute: 60 }] }.",
    );
  }
  if (!Array.isArray(options.limits)) {
    throw new ConfigError(
      `Invalid RateLimiter options: "limits" must be an array of rules like { provider: "openai", requestsPerMinute: 60 } (got ${describeValue(options.limits)}).`,
    );
  }
  const limits = options.limits.map((rule, index) => checkRule(rule, `limits.${index}`));
  if (options.scope !== undefined && typeof options.scope !== "function") {
    throw new ConfigError(
      `Invalid RateLimiter options: "scope" must be a function of the call returning a string, e.g. (call) => call.request.metadata?.userId ?? "anonymous" (got ${describeValue(options.scope)}).`,
    );
  }
  const onLimit = options.onLimit ?? "wait";
  if (onLimit !== "wait" && onLimit !== "refuse") {
    throw new ConfigError(
      `Invalid RateLimiter options: "onLimit" must be "wait" or "refuse" (got ${describeValue(onLimit)}).`,
    );
  }
  const maxWaitMs = checkNumber(options.maxWaitMs, "maxWaitMs", 60_000);
  const defaultOutputTokens = checkNumber(options.defaultOutputTokens, "defaultOutputTokens", 1000);
  const store = options.store;
  if (
    store !== undefined &&
    (typeof store !== "object" || store === null || typeof store.take !== "function")
  ) {
    throw new ConfigError(
      `Invalid RateLimiter options: "store" must be a RateLimitStore such as new MemoryRateLimitStore() or @ffc/redis's RedisRateLimitStore.`,
    );
  }
  return {
    limits,
    scope: options.scope,
    onLimit,
    maxWaitMs,
    store,
    defaultOutputTokens,
    perAttempt: options.perAttempt === true,
  };
}

function checkRule(rule: RateLimitRule, field: string): RateLimitRule {
  if (typeof rule !== "object" || rule === null) {
    throw new ConfigError(
      `Invalid RateLimiter options: "${field}" must be an object like { requestsPerMinute: 60 }.`,
    );
  }
  for (const name of ["provider", "model"] as const) {
    const value = rule[name];
    if (value !== undefined && (typeof value !== "string" || value === "")) {
      throw new ConfigError(
        `Invalid RateLimiter options: "${field}.${name}" must be a non-empty string or left out (got ${describeValue(value)}).`,
      );
    }
  }
  if (rule.requestsPerMinute === undefined && rule.tokensPerMinute === undefined) {
    throw new ConfigError(
      `Invalid RateLimiter options: "${field}" sets neither "requestsPerMinute" nor "tokensPerMinute", so it would limit nothing.`,
    );
  }
  for (const name of ["requestsPerMinute", "tokensPerMinute"] as const) {
    const value = rule[name];
    if (value !== undefined && (typeof value !== "number" || !Number.isFinite(value) || value <= 0)) {
      throw new ConfigError(
        `Invalid RateLimiter options: "${field}.${name}" must be a positive finite number (got ${describeValue(value)}).`,
      );
    }
  }
  return { ...rule };
}

function checkNumber(value: number | undefined, field: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new ConfigError(
      `Invalid RateLimiter options: "${field}" must be a non-negative finite number (got ${describeValue(value)}).`,
    );
  }
  return value;
}
