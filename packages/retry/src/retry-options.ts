import {
  type ErrorClass,
  type ErrorPredicate,
  type OptionProblem,
  RateLimitError,
  TemporaryError,
  TimeoutError,
} from "@ffc/core";
import {
  checkOptions,
  errorFilterOption,
  errorMatcher,
  isPlainObject,
  option,
  optionsError,
} from "@ffc/core/plugin";
import { RetryBudget, type RetryBudgetOptions, retryBudgetRules } from "./retry-budget";

/** How the backoff delay is randomised, so that many clients do not retry in lockstep. */
export type JitterMode = "full" | "none" | "decorrelated";

/**
 * Options of `new RetryConfig({...})`; every field is optional.
 * @example new RetryConfig({ maxRetries: 3, backoffFactor: 1.5, initialDelayMs: 200 })
 */
export interface RetryOptions {
  /**
   * Retries after the first attempt (0 turns retrying off).
   * @default 3
   */
  maxRetries?: number;
  /**
   * Growth of the delay from one retry to the next, at least 1.
   * @default 2
   */
  backoffFactor?: number;
  /**
   * Delay before the first retry, in ms, before jitter.
   * @default 500
   */
  initialDelayMs?: number;
  /**
   * Upper bound of the backoff delay, in ms (a longer retry-after hint still wins).
   * @default 30000 (or initialDelayMs when larger)
   */
  maxDelayMs?: number;
  /**
   * "full" (uniform in [0, delay]), "none", or "decorrelated" (AWS style, ignores backoffFactor).
   * @default "full"
   */
  jitter?: JitterMode;
  /**
   * Error classes to retry, or a predicate that decides alone.
   * @default [RateLimitError, TemporaryError, TimeoutError]
   * @example [RateLimitError, TemporaryError]
   */
  errorsToRetry?: readonly ErrorClass[] | ErrorPredicate;
  /**
   * Wait at least as long as the vendor's retry-after hint.
   * @default true
   */
  respectRetryAfter?: boolean;
  /**
   * A retry-after hint longer than this gives up at once instead of waiting, in ms.
   * @default 60000
   */
  maxRetryAfterMs?: number;
  /**
   * Caps retries as a fraction of calls per provider (options or a shared RetryBudget), or false for no cap.
   * @default { ratio: 0.2, minRetriesPerSecond: 10, windowMs: 10000 }
   * @example { ratio: 0.1 }
   */
  retryBudget?: RetryBudgetOptions | RetryBudget | false;
  /**
   * Source of randomness in [0, 1) for jitter (pass a seeded one to replay runs).
   * @default Math.random
   */
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

const owner = "RetryConfig";

const defaultErrors: readonly ErrorClass[] = [RateLimitError, TemporaryError, TimeoutError];

const retryRules = {
  maxRetries: option.integer({ min: 0, default: 3 }),
  backoffFactor: option.number({ min: 1, default: 2 }),
  initialDelayMs: option.number({ min: 0, default: 500 }),
  maxDelayMs: option.number({ min: 0 }),
  jitter: option.oneOf(["full", "none", "decorrelated"] as const, { default: "full" }),
  errorsToRetry: errorFilterOption({ default: defaultErrors }),
  respectRetryAfter: option.boolean({ default: true }),
  maxRetryAfterMs: option.number({ min: 0, default: 60_000 }),
  retryBudget: retryBudgetRule,
  random: option.callback<() => number, { default: () => number }>({
    default: () => Math.random(),
    example: "Math.random",
  }),
};

/** Checks RetryOptions once, at construction; throws a ConfigError naming the field. */
export function resolveRetryOptions(options: RetryOptions | undefined): ResolvedRetryOptions {
  const checked = checkOptions(owner, options, retryRules, "{ maxRetries: 3, backoffFactor: 1.5 }");
  const maxDelayMs = checked.maxDelayMs ?? Math.max(30_000, checked.initialDelayMs);
  if (checked.initialDelayMs > maxDelayMs) {
    throw optionsError(owner, [
      {
        field: "initialDelayMs",
        message: `(${checked.initialDelayMs}) is above "maxDelayMs" (${maxDelayMs}); lower initialDelayMs or raise maxDelayMs`,
      },
    ]);
  }
  const { errorsToRetry, retryBudget, ...rest } = checked;
  return {
    ...rest,
    maxDelayMs,
    shouldRetry: errorMatcher(errorsToRetry, "errorsToRetry"),
    customPredicate: !Array.isArray(errorsToRetry),
    retryBudget,
  };
}

/** false turns the budget off; a RetryBudget is shared; options (or nothing) make a new one. */
function retryBudgetRule(value: unknown, field: string, problems: OptionProblem[]): RetryBudget | undefined {
  if (value === false) return undefined;
  if (value instanceof RetryBudget) return value;
  if (value !== undefined && !isPlainObject(value)) {
    problems.push({
      field,
      message: "must be false, a RetryBudget, or options such as { ratio: 0.2, minRetriesPerSecond: 10 }",
    });
    return undefined;
  }
  const checked = option.object(retryBudgetRules)(value ?? {}, field, problems);
  return checked === undefined ? undefined : new RetryBudget(checked);
}
