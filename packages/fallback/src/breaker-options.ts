import {
  AuthenticationError,
  type BreakerStore,
  ConfigError,
  describeValue,
  type ErrorClass,
  type ErrorPredicate,
  errorMatcher,
  numberAtLeast,
  RateLimitError,
  rejectUnknownKeys,
  StreamInterruptedError,
  TemporaryError,
  TimeoutError,
  wholeNumber,
} from "@ffc/core";
import type { BreakerSettings } from "./breaker-transitions";
import { MemoryBreakerStore } from "./memory-breaker-store";

/** Options of the circuit breaker that FallbackConfig keeps per target (provider and model). */
export interface BreakerOptions {
  /** "consecutive" (default): open after `failureThreshold` failures in a row; "rate": open on `failureRate` of the calls in `windowMs`. */
  mode?: "consecutive" | "rate";
  /** Failures in a row that open the breaker (consecutive mode); default 5. */
  failureThreshold?: number;
  /** Share of failed calls, above 0 and at most 1, that opens the breaker (rate mode); default 0.5. */
  failureRate?: number;
  /** Calls a window needs before its rate counts (rate mode); default 10. */
  minimumCalls?: number;
  /** Length of the rate window in ms (rate mode); default 60000. */
  windowMs?: number;
  /** How long an open breaker skips its target before letting one probe through, in ms; default 30000. */
  cooldownMs?: number;
  /** How long a half-open probe may run before another caller may probe instead, in ms; default 60000. */
  probeTimeoutMs?: number;
  /** Error classes (or a predicate) that count as failures; default rate limits, temporary errors, timeouts, authentication errors and interrupted streams. */
  failureOn?: readonly ErrorClass[] | ErrorPredicate;
  /** Where breaker state lives; default a new MemoryBreakerStore (use @ffc/redis to share it between processes). */
  store?: BreakerStore;
}

/** Breaker options after validation. */
export interface ResolvedBreakerOptions extends BreakerSettings {
  isFailure: ErrorPredicate;
  store: BreakerStore;
}

const owner = "FallbackConfig breaker";
const known = [
  "mode",
  "failureThreshold",
  "failureRate",
  "minimumCalls",
  "windowMs",
  "cooldownMs",
  "probeTimeoutMs",
  "failureOn",
  "store",
];
const defaultFailures: readonly ErrorClass[] = [
  RateLimitError,
  TemporaryError,
  TimeoutError,
  AuthenticationError,
  StreamInterruptedError,
];

/** Checks BreakerOptions once; `false` turns the breaker off. */
export function resolveBreakerOptions(
  options: BreakerOptions | false | undefined,
): ResolvedBreakerOptions | undefined {
  if (options === false) return undefined;
  options ??= {};
  if (typeof options !== "object" || options === null) {
    throw new ConfigError(
      `${owner}: pass false or an object such as { failureThreshold: 5, cooldownMs: 30000 }.`,
    );
  }
  rejectUnknownKeys(options, known, owner);
  const mode = options.mode ?? "consecutive";
  if (mode !== "consecutive" && mode !== "rate") {
    throw new ConfigError(`${owner}: "mode" must be "consecutive" or "rate"; got ${describeValue(mode)}.`);
  }
  const failureRate = numberAtLeast(options.failureRate, owner, "failureRate", 0.5, 0);
  if (failureRate === 0 || failureRate > 1) {
    throw new ConfigError(
      `${owner}: "failureRate" must be above 0 and at most 1, e.g. 0.5; got ${failureRate}.`,
    );
  }
  const store = options.store ?? new MemoryBreakerStore();
  if (
    typeof store !== "object" ||
    store === null ||
    typeof store.update !== "function" ||
    typeof store.get !== "function"
  ) {
    throw new ConfigError(
      `${owner}: "store" must be a BreakerStore with get, update and delete, such as new MemoryBreakerStore().`,
    );
  }
  return {
    mode,
    failureThreshold: positiveWhole(options.failureThreshold, "failureThreshold", 5),
    failureRate,
    minimumCalls: positiveWhole(options.minimumCalls, "minimumCalls", 10),
    windowMs: numberAtLeast(options.windowMs, owner, "windowMs", 60_000, 1),
    cooldownMs: numberAtLeast(options.cooldownMs, owner, "cooldownMs", 30_000, 0),
    probeTimeoutMs: numberAtLeast(options.probeTimeoutMs, owner, "probeTimeoutMs", 60_000, 1),
    isFailure: errorMatcher(options.failureOn ?? defaultFailures, "breaker.failureOn"),
    store,
  };
}

function positiveWhole(value: unknown, field: string, fallback: number): number {
  const number = wholeNumber(value, owner, field, fallback);
  if (number === 0) throw new ConfigError(`${owner}: "${field}" must be at least 1; got 0.`);
  return number;
}
