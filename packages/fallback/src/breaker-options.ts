import {
  AuthenticationError,
  type ErrorClass,
  type ErrorPredicate,
  type OptionProblem,
  RateLimitError,
  StreamInterruptedError,
  TemporaryError,
  TimeoutError,
} from "@ffc/core";
import { type BreakerStore, errorFilterOption, errorMatcher, option } from "@ffc/core/plugin";
import type { BreakerSettings } from "./breaker-transitions";
import { MemoryBreakerStore } from "./memory-breaker-store";

/**
 * Options of the circuit breaker that FallbackConfig keeps per target (provider and model).
 * @example { failureThreshold: 3, cooldownMs: 10000 }
 */
export interface BreakerOptions {
  /**
   * "consecutive": open after `failureThreshold` failures in a row; "rate": open on `failureRate` of the calls in `windowMs`.
   * @default "consecutive"
   */
  mode?: "consecutive" | "rate";
  /**
   * Failures in a row that open the breaker (consecutive mode).
   * @default 5
   */
  failureThreshold?: number;
  /**
   * Share of failed calls, above 0 and at most 1, that opens the breaker (rate mode).
   * @default 0.5
   */
  failureRate?: number;
  /**
   * Calls a window needs before its rate counts (rate mode).
   * @default 10
   */
  minimumCalls?: number;
  /**
   * Length of the rate window in ms (rate mode).
   * @default 60000
   */
  windowMs?: number;
  /**
   * How long an open breaker skips its target before letting one probe through, in ms.
   * @default 30000
   */
  cooldownMs?: number;
  /**
   * How long a half-open probe may run before another caller may probe instead, in ms.
   * @default 60000
   */
  probeTimeoutMs?: number;
  /**
   * Error classes (or a predicate) that count as failures.
   * @default [RateLimitError, TemporaryError, TimeoutError, AuthenticationError, StreamInterruptedError]
   */
  failureOn?: readonly ErrorClass[] | ErrorPredicate;
  /**
   * Where breaker state lives (use @ffc/redis to share it between processes).
   * @default new MemoryBreakerStore()
   */
  store?: BreakerStore;
}

/** Breaker options after validation. */
export interface ResolvedBreakerOptions extends BreakerSettings {
  isFailure: ErrorPredicate;
  store: BreakerStore;
}

const defaultFailures: readonly ErrorClass[] = [
  RateLimitError,
  TemporaryError,
  TimeoutError,
  AuthenticationError,
  StreamInterruptedError,
];

const breakerRules = {
  mode: option.oneOf(["consecutive", "rate"] as const, { default: "consecutive" }),
  failureThreshold: option.integer({ min: 1, default: 5 }),
  failureRate: option.number({ min: 0, exclusiveMin: true, max: 1, default: 0.5 }),
  minimumCalls: option.integer({ min: 1, default: 10 }),
  windowMs: option.number({ min: 1, default: 60_000 }),
  cooldownMs: option.number({ min: 0, default: 30_000 }),
  probeTimeoutMs: option.number({ min: 1, default: 60_000 }),
  failureOn: errorFilterOption({ default: defaultFailures }),
  store: option.implementing<BreakerStore>("a BreakerStore", ["get", "update", "delete"], {
    example: "new MemoryBreakerStore()",
  }),
};

/** The options-kit rule of FallbackConfig's `breaker` options (problems are named "breaker.x"). */
export function breakerRule(
  value: unknown,
  field: string,
  problems: OptionProblem[],
): ResolvedBreakerOptions | undefined {
  const checked = option.object(breakerRules)(value, field, problems);
  if (checked === undefined) return undefined;
  const { failureOn, store, ...settings } = checked;
  return {
    ...settings,
    isFailure: errorMatcher(failureOn, `${field}.failureOn`),
    // A store is made only once the options are known to be good.
    store: store ?? new MemoryBreakerStore(),
  };
}
