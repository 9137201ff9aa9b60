import {
  ConfigError,
  describeValue,
  type ErrorClass,
  type ErrorPredicate,
  errorMatcher,
  numberAtLeast,
  RateLimitError,
  rejectUnknownKeys,
  TemporaryError,
  TimeoutError,
  wholeNumber,
} from "@ffc/core";
import { RetryBudget, type RetryBudgetOptions } from "./retry-budget";

/** How the backoff delay is randomised, so that many clients do not retry in lockstep. */
export type JitterMode = "full" | "none" | "decorrelated";

/** Options of `new RetryConfig({...})`; every field is optional. */
export interface RetryOptions {
  /** Retries after the first attempt (0 turns retrying off); default 3. */
  maxRetries?: number;
  /** Growth of the delay from one retry to the next, at least 1; default 2. */
  backoffFactor?: number;
  /** Delay before the first retry, in ms, before jitter; default 500. */
  initialDelayMs?: number;
  /** Upper bound of the backoff delay, in ms (a longer retry-after hint still wins); default 30000. */
  maxDelayMs?: number;
  /** "full" (default: uniform in [0, delay]), "none", or "decorrelated" (AWS style, ignores backoffFactor). */
  jitter?: JitterMode;
  /** Error classes to retry, or a predicate; default [RateLimitError, TemporaryError, TimeoutError]. */
  errorsToRetry?: readonly ErrorClass[] | ErrorPredicate;
  /** Wait at least as long as the vendor's retry-after hint; default true. */
  respectRetryAfter?: boolean;
  /** A retry-after hint longer than this gives up at once instead of waiting, in ms; default 60000. */
  maxRetryAfterMs?: number;
  /** Caps retries as a fraction of calls per provider (options or a shared RetryBudget), or false for no cap. */
  retryBudget?: RetryBudgetOptions | RetryBudget | false;
  /** Source of randomness in [0, 1) for jitter; default Math.random (pass a seeded one to replay runs). */
  random?: () => number;
}

/** Options after validation, with defaults filled in. */
export interface ResolvedRetryOptions {
  maxRetries: number;
  backoffFactor: number;
  initialDelayMs: number;
  maxDelayMs: number;
  jitter: JitterMode;
  shouldRetry: ErrorPredicate;
  /** True when `errorsToRetry` was a predicate, which then decides alone (see README). */
  customPredicate: boolean;
  respectRetryAfter: boolean;
  maxRetryAfterMs: number;
  retryBudget: RetryBudget | undefined;
  random: () => number;
}

const knownFields = [
  "maxRetries",
  "backoffFactor",
  "initialDelayMs",
  "maxDelayMs",
  "jitter",
  "errorsToRetry",
  "respectRetryAfter",
  "maxRetryAfterMs",
  "retryBudget",
  "random",
];
const owner = "RetryConfig";

const defaultErrors: readonly ErrorClass[] = [RateLimitError, TemporaryError, TimeoutError];

/** Checks RetryOptions once, at construction; throws a ConfigError naming the field. */
export function resolveRetryOptions(options: RetryOptions | undefined): ResolvedRetryOptions {
  if (options === undefined) options = {};
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new ConfigError(
      "new RetryConfig(options): pass an object such as { maxRetries: 3, backoffFactor: 1.5 }.",
    );
  }
  rejectUnknownKeys(options, knownFields, owner);
  const maxRetries = wholeNumber(options.maxRetries, owner, "maxRetries", 3);
  const backoffFactor = numberAtLeast(options.backoffFactor, owner, "backoffFactor", 2, 1);
  const initialDelayMs = numberAtLeast(options.initialDelayMs, owner, "initialDelayMs", 500, 0);
  const maxDelayMs = numberAtLeast(
    options.maxDelayMs,
    owner,
    "maxDelayMs",
    Math.max(30_000, initialDelayMs),
    0,
  );
  if (initialDelayMs > maxDelayMs) {
    throw new ConfigError(
      `RetryConfig: "initialDelayMs" (${initialDelayMs}) is above "maxDelayMs" (${maxDelayMs}); lower initialDelayMs or raise maxDelayMs.`,
    );
  }
  const jitter = options.jitter ?? "full";
  if (jitter !== "full" && jitter !== "none" && jitter !== "decorrelated") {
    throw new ConfigError(
      `RetryConfig: "jitter" must be "full", "none" or "decorrelated"; got ${describeValue(jitter)}.`,
    );
  }
  const respectRetryAfter = options.respectRetryAfter ?? true;
  if (typeof respectRetryAfter !== "boolean") {
    throw new ConfigError(
      `RetryConfig: "respectRetryAfter" must be true or false; got ${describeValue(respectRetryAfter)}.`,
    );
  }
  const random = options.random ?? Math.random;
  if (typeof random !== "function") {
    throw new ConfigError(
      'RetryConfig: "random" must be a function returning a number in [0, 1), such as Math.random.',
    );
  }
  const errors = options.errorsToRetry ?? defaultErrors;
  return {
    maxRetries,
    backoffFactor,
    initialDelayMs,
    maxDelayMs,
    jitter,
    shouldRetry: errorMatcher(errors, "errorsToRetry"),
    customPredicate: !Array.isArray(errors),
    respectRetryAfter,
    maxRetryAfterMs: numberAtLeast(options.maxRetryAfterMs, owner, "maxRetryAfterMs", 60_000, 0),
    retryBudget: resolveRetryBudget(options.retryBudget),
    random,
  };
}

function resolveRetryBudget(value: RetryOptions["retryBudget"]): RetryBudget | undefined {
  if (value === false) return undefined;
  if (value instanceof RetryBudget) return value;
  if (value !== undefined && (typeof value !== "object" || value === null)) {
    throw new ConfigError(
      `RetryConfig: "retryBudget" must be false, a RetryBudget, or options such as { ratio: 0.2, minRetriesPerSecond: 10 }; got ${describeValue(value)}.`,
    );
  }
  return new RetryBudget(value);
}
