import {
  AuthenticationError,
  assertProviderReference,
  CircuitOpenError,
  ConfigError,
  ContextLengthError,
  describeValue,
  type ErrorClass,
  type ErrorPredicate,
  errorMatcher,
  numberAtLeast,
  type ProviderReference,
  RateLimitError,
  rejectUnknownKeys,
  TemporaryError,
  TimeoutError,
} from "@ffc/core";
import { type BreakerOptions, type ResolvedBreakerOptions, resolveBreakerOptions } from "./breaker-options";

/** One link of a fallback chain. */
export interface FallbackTarget {
  /** Provider id (`Provider.OPENAI`, a registered id) or a provider object. */
  provider: ProviderReference;
  /** Model id for this provider, e.g. "claude-sonnet-4-5". */
  model: string;
  /** Time limit of one attempt on this target in ms (streams: of the wait between parts); overrides attemptTimeoutMs. */
  attemptTimeoutMs?: number;
}

/** Options of `new FallbackConfig({...})`: either `providers` with `models`, or `targets`. */
export interface FallbackOptions {
  /** Providers in the order to try them; paired with `models` by position (the guide's form). */
  providers?: readonly ProviderReference[];
  /** Models, one per entry of `providers`. */
  models?: readonly string[];
  /** The chain as explicit (provider, model) targets, instead of `providers` and `models`. */
  targets?: readonly FallbackTarget[];
  /** Error classes (or a predicate) that move on to the next target; default: see README. */
  fallbackOn?: readonly ErrorClass[] | ErrorPredicate;
  /** Restart a stream that broke after its first part on the next target (the consumer sees both); default false. */
  restartStream?: boolean;
  /** Time limit of one attempt in ms for every target without its own; default the call's timeoutMs. */
  attemptTimeoutMs?: number;
  /** Time limit of the whole chain in ms, across targets and retries. */
  deadlineMs?: number;
  /** Circuit breaker per target; false turns it off. */
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
const known = [
  "providers",
  "models",
  "targets",
  "fallbackOn",
  "restartStream",
  "attemptTimeoutMs",
  "deadlineMs",
  "breaker",
];
const defaultFallbackOn: readonly ErrorClass[] = [
  RateLimitError,
  TemporaryError,
  TimeoutError,
  AuthenticationError,
  CircuitOpenError,
  ContextLengthError,
];

/** Checks FallbackOptions once, at construction; throws a ConfigError naming the field. */
export function resolveFallbackOptions(options: FallbackOptions): ResolvedFallbackOptions {
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new ConfigError(
      'new FallbackConfig(options): pass an object such as { providers: [Provider.OPENAI, Provider.ANTHROPIC], models: ["gpt-4o", "claude-sonnet-4-5"] }.',
    );
  }
  rejectUnknownKeys(options, known, owner);
  const restartStream = options.restartStream ?? false;
  if (typeof restartStream !== "boolean") {
    throw new ConfigError(
      `${owner}: "restartStream" must be true or false; got ${describeValue(restartStream)}.`,
    );
  }
  const targets = targetsOf(options);
  if (targets.length === 0) {
    throw new ConfigError(`${owner}: the chain is empty; list at least one provider and model to try.`);
  }
  const resolved: ResolvedFallbackOptions = {
    targets,
    movesOn: errorMatcher(options.fallbackOn ?? defaultFallbackOn, "fallbackOn"),
    restartStream,
  };
  const attemptTimeoutMs = positive(options.attemptTimeoutMs, "attemptTimeoutMs");
  if (attemptTimeoutMs !== undefined) resolved.attemptTimeoutMs = attemptTimeoutMs;
  const deadlineMs = positive(options.deadlineMs, "deadlineMs");
  if (deadlineMs !== undefined) resolved.deadlineMs = deadlineMs;
  const breaker = resolveBreakerOptions(options.breaker);
  if (breaker) resolved.breaker = breaker;
  return resolved;
}

function targetsOf(options: FallbackOptions): FallbackTarget[] {
  const { providers, models, targets } = options;
  if (targets !== undefined) {
    if (providers !== undefined || models !== undefined) {
      throw new ConfigError(`${owner}: give either "targets" or "providers" with "models", not both.`);
    }
    if (!Array.isArray(targets)) {
      throw new ConfigError(
        `${owner}: "targets" must be an array such as [{ provider: "openai", model: "gpt-4o" }].`,
      );
    }
    return targets.map((target, index) => checkTarget(target, `targets[${index}]`));
  }
  if (providers === undefined && models === undefined) {
    throw new ConfigError(`${owner}: name the chain with "providers" and "models", or with "targets".`);
  }
  if (!Array.isArray(providers) || !Array.isArray(models)) {
    throw new ConfigError(
      `${owner}: "providers" and "models" must both be arrays, paired by position, e.g. providers: ["openai", "anthropic"], models: ["gpt-4o", "claude-sonnet-4-5"].`,
    );
  }
  if (providers.length !== models.length) {
    throw new ConfigError(
      `${owner}: "providers" has ${providers.length} entries but "models" has ${models.length}; they pair up by position, so give one model per provider.`,
    );
  }
  return providers.map((provider, index) =>
    checkTarget({ provider, model: models[index]! }, `providers[${index}]`, `models[${index}]`),
  );
}

function checkTarget(target: FallbackTarget, field: string, modelField = `${field}.model`): FallbackTarget {
  if (typeof target !== "object" || target === null) {
    throw new ConfigError(
      `${owner}: "${field}" must be an object such as { provider: "openai", model: "gpt-4o" }.`,
    );
  }
  const providerField = modelField.startsWith("models") ? field : `${field}.provider`;
  assertProviderReference(target.provider, providerField);
  if (typeof target.model !== "string" || target.model.length === 0) {
    throw new ConfigError(
      `${owner}: "${modelField}" must be a model id such as "gpt-4o"; got ${describeValue(target.model)}.`,
    );
  }
  const checked: FallbackTarget = { provider: target.provider, model: target.model };
  const timeout = positive(target.attemptTimeoutMs, `${field}.attemptTimeoutMs`);
  if (timeout !== undefined) checked.attemptTimeoutMs = timeout;
  return checked;
}

function positive(value: unknown, field: string): number | undefined {
  if (value === undefined) return undefined;
  const number = numberAtLeast(value, owner, field, 0, 0);
  if (number === 0) throw new ConfigError(`${owner}: "${field}" must be above 0 ms; got 0.`);
  return number;
}
