import type { CallContext } from "@ffc/core";
import { checkOptions, option, optionsError, type RateLimitStore } from "@ffc/core/plugin";

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

/**
 * Options of a RateLimiter.
 * @example new RateLimiter({ limits: [{ provider: "openai", requestsPerMinute: 500, tokensPerMinute: 200_000 }] })
 */
export interface RateLimiterOptions {
  /** The limits; every rule that matches a call's provider and model applies to it. */
  limits: RateLimitRule[];
  /**
   * Splits the limits by user, tenant or anything else: each scope gets its own counters.
   * Must return a non-empty string. Without it all calls share one scope ("global").
   */
  scope?: (call: CallContext) => string;
  /**
   * "wait" sleeps until the call fits, at most `maxWaitMs`; "refuse" throws at once.
   * @default "wait"
   */
  onLimit?: OnLimit;
  /**
   * Longest total wait for one call before it is refused, in ms.
   * @default 60000
   */
  maxWaitMs?: number;
  /**
   * Where the counters live.
   * @default a MemoryRateLimitStore of this limiter
   */
  store?: RateLimitStore;
  /**
   * Output tokens assumed for a request without `maxTokens`, for the token estimate.
   * @default 1000
   */
  defaultOutputTokens?: number;
  /**
   * Limit every attempt (retries and fallback targets too, each against its own provider and
   * model) instead of every call. When false the limiter sits outside retry and fallback
   * (stage "admission"), counting the attempts a call made afterwards.
   * @default false
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

const owner = "RateLimiter";

const perMinute = () => option.number({ min: 0, exclusiveMin: true });

const ruleRules = {
  provider: option.string({ example: '"openai"' }),
  model: option.string({ example: '"gpt-4o"' }),
  requestsPerMinute: perMinute(),
  tokensPerMinute: perMinute(),
};

const rateLimiterRules = {
  limits: option.array(option.object(ruleRules, { required: true }), { required: true }),
  scope: option.callback<(call: CallContext) => string>({
    example: '(call) => call.request.metadata?.userId ?? "anonymous"',
  }),
  onLimit: option.oneOf(["wait", "refuse"] as const, { default: "wait" }),
  maxWaitMs: option.number({ min: 0, default: 60_000 }),
  store: option.implementing<RateLimitStore>("a RateLimitStore", ["take"], {
    example: "new MemoryRateLimitStore() or @ffc/redis's RedisRateLimitStore",
  }),
  defaultOutputTokens: option.number({ min: 0, default: 1000 }),
  perAttempt: option.boolean({ default: false }),
};

/** Checks RateLimiter options once, at construction; throws a ConfigError naming every bad field. */
export function checkRateLimiterOptions(options: RateLimiterOptions): CheckedRateLimiterOptions {
  const checked = checkOptions(owner, options, rateLimiterRules, "{ limits: [{ requestsPerMinute: 60 }] }");
  const empty = checked.limits.findIndex(
    (rule) => rule.requestsPerMinute === undefined && rule.tokensPerMinute === undefined,
  );
  if (empty >= 0) {
    throw optionsError(owner, [
      {
        field: `limits[${empty}]`,
        message: 'sets neither "requestsPerMinute" nor "tokensPerMinute", so it would limit nothing',
      },
    ]);
  }
  return { ...checked, scope: checked.scope, store: checked.store };
}
