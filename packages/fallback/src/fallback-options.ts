import {
  AuthenticationError,
  CircuitOpenError,
  ContextLengthError,
  type ErrorClass,
  type ErrorPredicate,
  type OptionProblem,
  type ProviderReference,
  RateLimitError,
  TemporaryError,
  TimeoutError,
} from "@ffc/core";
import {
  checkOptions,
  errorFilterOption,
  errorMatcher,
  option,
  optionsError,
  providerReferenceOption,
} from "@ffc/core/plugin";
import { type BreakerOptions, breakerRule, type ResolvedBreakerOptions } from "./breaker-options";

/** One link of a fallback chain. */
export interface FallbackTarget {
  /** Provider id (`Provider.OPENAI`, a registered id) or a provider object. */
  provider: ProviderReference;
  /** Model id for this provider, e.g. "claude-sonnet-4-5". */
  model: string;
  /**
   * Time limit of one attempt on this target in ms (streams: of the wait between parts); overrides attemptTimeoutMs.
   * @example 10000
   */
  attemptTimeoutMs?: number;
}

/**
 * Options of `new FallbackConfig({...})`: either `providers` with `models`, or `targets`.
 * @example new FallbackConfig({ providers: [Provider.OPENAI, Provider.ANTHROPIC], models: ["gpt-4o", "claude-sonnet-4-5"] })
 */
export interface FallbackOptions {
  /** Providers in the order to try them; paired with `models` by position (the guide's form). */
  providers?: readonly ProviderReference[];
  /** Models, one per entry of `providers`. */
  models?: readonly string[];
  /** The chain as explicit (provider, model) targets, instead of `providers` and `models`. */
  targets?: readonly FallbackTarget[];
  /**
   * Error classes (or a predicate) that move on to the next target.
   * @default [RateLimitError, TemporaryError, TimeoutError, AuthenticationError, CircuitOpenError, ContextLengthError]
   */
  fallbackOn?: readonly ErrorClass[] | ErrorPredicate;
  /**
   * Restart a stream that broke after its first part on the next target (the consumer sees both).
   * @default false
   */
  restartStream?: boolean;
  /**
   * Time limit of one attempt in ms for every target without its own.
   * @default the call's timeoutMs
   */
  attemptTimeoutMs?: number;
  /**
   * Time limit of the whole chain in ms, across targets and retries; its TimeoutError is not retryable.
   * @default no limit
   */
  deadlineMs?: number;
  /**
   * Circuit breaker per target; false turns it off.
   * @default { mode: "consecutive", failureThreshold: 5, cooldownMs: 30000 }
   */
  breaker?: BreakerOptions | false;
}

/** Options after validation. */
export interface ResolvedFallbackOptions {
  targets: FallbackTarget[];
  movesOn: ErrorPredicate;
  restartStream: boolean;
  attemptTimeoutMs?: number;
  deadlineMs?: number;
  breaker?: ResolvedBreakerOptions;
}

const owner = "FallbackConfig";
const defaultFallbackOn: readonly ErrorClass[] = [
  RateLimitError,
  TemporaryError,
  TimeoutError,
  AuthenticationError,
  CircuitOpenError,
  ContextLengthError,
];

const positiveMs = () => option.number({ min: 0, exclusiveMin: true });

const targetRules = {
  provider: providerReferenceOption(),
  model: option.string({ required: true, example: '"gpt-4o"' }),
  attemptTimeoutMs: positiveMs(),
};

const fallbackRules = {
  providers: option.array(providerReferenceOption()),
  models: option.array(option.string({ required: true, example: '"gpt-4o"' })),
  targets: option.array(option.object(targetRules, { required: true })),
  fallbackOn: errorFilterOption({ default: defaultFallbackOn }),
  restartStream: option.boolean({ default: false }),
  attemptTimeoutMs: positiveMs(),
  deadlineMs: positiveMs(),
  breaker: breakerOption,
};

/** Checks FallbackOptions once, at construction; throws a ConfigError naming the field. */
export function resolveFallbackOptions(options: FallbackOptions): ResolvedFallbackOptions {
  const checked = checkOptions(
    owner,
    options,
    fallbackRules,
    '{ providers: [Provider.OPENAI, Provider.ANTHROPIC], models: ["gpt-4o", "claude-sonnet-4-5"] }',
  );
  const targets = targetsOf(checked);
  const resolved: ResolvedFallbackOptions = {
    targets,
    movesOn: errorMatcher(checked.fallbackOn, "fallbackOn"),
    restartStream: checked.restartStream,
  };
  if (checked.attemptTimeoutMs !== undefined) resolved.attemptTimeoutMs = checked.attemptTimeoutMs;
  if (checked.deadlineMs !== undefined) resolved.deadlineMs = checked.deadlineMs;
  if (checked.breaker) resolved.breaker = checked.breaker;
  return resolved;
}

/** The chain from either form; the problems of the forms themselves, which no single rule sees. */
function targetsOf(checked: {
  providers?: ProviderReference[] | undefined;
  models?: string[] | undefined;
  targets?: FallbackTarget[] | undefined;
}): FallbackTarget[] {
  const { providers, models, targets } = checked;
  const problem = (field: string, message: string) => optionsError(owner, [{ field, message }]);
  if (targets !== undefined) {
    if (providers !== undefined || models !== undefined) {
      throw problem(
        "targets",
        'is given with "providers"/"models"; give either "targets" or "providers" with "models", not both',
      );
    }
    if (targets.length === 0)
      throw problem(
        "targets",
        "is empty, so the chain is empty; list at least one provider and model to try",
      );
    return targets.map((target) => {
      const copy: FallbackTarget = { provider: target.provider, model: target.model };
      if (target.attemptTimeoutMs !== undefined) copy.attemptTimeoutMs = target.attemptTimeoutMs;
      return copy;
    });
  }
  if (providers === undefined && models === undefined) {
    throw problem(
      "providers",
      'is required: name the chain with "providers" and "models", or with "targets"',
    );
  }
  if (providers === undefined || models === undefined) {
    throw problem(
      providers === undefined ? "providers" : "models",
      'is required: "providers" and "models" pair up by position, e.g. providers: ["openai", "anthropic"], models: ["gpt-4o", "claude-sonnet-4-5"]',
    );
  }
  if (providers.length !== models.length) {
    throw problem(
      "models",
      `has ${models.length} entries but "providers" has ${providers.length}; they pair up by position, so give one model per provider`,
    );
  }
  if (providers.length === 0)
    throw problem(
      "providers",
      "is empty, so the chain is empty; list at least one provider and model to try",
    );
  return providers.map((provider, index) => ({ provider, model: models[index]! }));
}

/** `breaker`: false turns it off, absent means the default breaker, options are checked by their rules. */
function breakerOption(
  value: unknown,
  field: string,
  problems: OptionProblem[],
): ResolvedBreakerOptions | undefined {
  if (value === false) return undefined;
  return breakerRule(value ?? {}, field, problems);
}
