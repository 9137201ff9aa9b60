import {
  type AttemptRecord,
  type CallContext,
  ConfigError,
  type GenerateNext,
  type LLMEvent,
  type Plugin,
  type PolicyStage,
  type ProviderResult,
  RateLimitError,
  type StreamNext,
  type StreamPart,
} from "@ffc/core";
import {
  aroundStream,
  describeValue,
  estimateMessageTokens,
  type RateLimitStore,
  sleep,
} from "@ffc/core/plugin";
import { isLocalRateLimitError, localRateLimitError } from "./local-rate-limit-error";
import { MemoryRateLimitStore } from "./memory-rate-limit-store";
import {
  type HeadersLike,
  parseRateLimitHeaders,
  type VendorRateLimitState,
} from "./parse-rate-limit-headers";
import {
  describeTake,
  type HeldTake,
  matchingRules,
  type Target,
  vendorKey,
  wantedTakes,
  windowMs,
} from "./rate-limit-takes";
import {
  type CheckedRateLimiterOptions,
  checkRateLimiterOptions,
  type RateLimiterOptions,
  type RateLimitRule,
} from "./rate-limiter-options";
import { VendorHints } from "./vendor-hints";

const ignore = () => {};

/**
 * Requests- and tokens-per-minute limits as a policy (stage "admission", or "attempt" per attempt: inside the cache and
 * budget, outside fallback and retry). Before a call it takes one request and the estimated
 * tokens (input estimate plus `maxTokens`) from every matching limit, all or nothing; when
 * that does not fit it waits (at most `maxWaitMs`) or refuses with a RateLimitError that says
 * it came from FFC's own limiter. Afterwards it replaces the estimate by the tokens and
 * requests the call really used. It also obeys what vendors say: a vendor's 429 with
 * retry-after pauses that provider and model, and `learnFromHeaders` reads their headers.
 */
export class RateLimiter implements Plugin {
  readonly name = "rate-limit";
  /** Where the limiter sits: "rate-limit", or "custom" (innermost) with `perAttempt`. */
  readonly stage: PolicyStage;
  readonly #options: CheckedRateLimiterOptions;
  readonly #store: RateLimitStore;
  readonly #hints = new VendorHints();
  readonly #rules = new Map<string, RateLimitRule[]>();

  constructor(options: RateLimiterOptions) {
    this.#options = checkRateLimiterOptions(options);
    this.#store = this.#options.store ?? new MemoryRateLimitStore();
    this.stage = this.#options.perAttempt ? "attempt" : "admission";
  }

  /** The store holding the counters. */
  get store(): RateLimitStore {
    return this.#store;
  }

  async generate(call: CallContext, next: GenerateNext): Promise<ProviderResult> {
    const target = { provider: call.provider.id, model: call.request.model };
    const from = call.attempts.length;
    const held = await this.#acquire(call, target);
    let failed = false;
    try {
      return await next(call);
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      await this.#release(held, call, from, target, failed);
    }
  }

  stream(call: CallContext, next: StreamNext): AsyncIterable<StreamPart> {
    const target = { provider: call.provider.id, model: call.request.model };
    // Parts pass through untouched; the takes are settled however the stream ends.
    let from = 0;
    return aroundStream(
      () => {
        from = call.attempts.length;
        return this.#acquire(call, target);
      },
      () => next(call),
      (held, how) => this.#release(held, call, from, target, how.failed),
    );
  }

  /**
   * Learns from a vendor's response headers (OpenAI `x-ratelimit-*`, Anthropic
   * `anthropic-ratelimit-*`): later calls to that provider and model wait for the vendor's
   * reset when it said nothing is left, and a limit used up is shared through the store.
   * Returns what was read.
   */
  async learnFromHeaders(
    provider: string,
    model: string,
    headers: HeadersLike,
  ): Promise<VendorRateLimitState> {
    const now = Date.now();
    const state = parseRateLimitHeaders(headers, now);
    this.#hints.learn(provider, model, state, now);
    let pauseMs = state.retryAfterMs ?? 0;
    if (state.requests?.remaining === 0) pauseMs = Math.max(pauseMs, state.requests.resetMs);
    if (state.tokens?.remaining === 0) pauseMs = Math.max(pauseMs, state.tokens.resetMs);
    if (pauseMs > 0)
      await this.#store.pause({ key: vendorKey(provider, model), durationMs: Math.ceil(pauseMs) });
    return state;
  }

  /**
   * Learns from the rate-limit headers that providers put on their results (OpenAI's and
   * Anthropic's do), so the limiter holds calls the vendor would refuse anyway.
   */
  onEvent(event: LLMEvent): void {
    if (event.type !== "attempt-end" || !event.rateLimitHeaders) return;
    // Learning is advice: a store that cannot take it must not fail the call that taught it.
    this.learnFromHeaders(event.provider, event.model, event.rateLimitHeaders).catch(() => {});
  }

  /** Closes the store (its connections and timers). */
  async close(): Promise<void> {
    await this.#store.close?.();
  }

  async #acquire(call: CallContext, target: Target): Promise<HeldTake[]> {
    const scope = this.#scopeOf(call, target);
    const rules = this.#rulesFor(target);
    const tokens = this.#estimateTokens(call);
    const started = Date.now();
    let slept = false;
    for (;;) {
      const [paused, taken] = await Promise.all([
        this.#store.pausedFor(vendorKey(target.provider, target.model)),
        this.#takeAll(rules, scope, target, tokens),
      ]);
      const hinted = this.#hints.waitFor(target.provider, target.model, tokens, Date.now());
      let refusal = taken.refusal;
      if (!refusal && (paused > 0 || hinted.ms > 0)) {
        await this.#settleAll(taken.held, 0, 0);
        refusal =
          paused >= hinted.ms
            ? {
                what: "a pause the vendor asked for (429 retry-after or rate-limit headers)",
                retryAfterMs: paused,
              }
            : { what: hinted.what, retryAfterMs: hinted.ms };
      }
      if (!refusal) {
        this.#hints.consume(target.provider, target.model, tokens, Date.now());
        if (slept) call.emit("rate-limit-waited", { ...target, waitedMs: Date.now() - started, scope });
        return taken.held;
      }
      const waitedMs = Date.now() - started;
      if (
        refusal.retryAfterMs < 0 ||
        this.#options.onLimit === "refuse" ||
        waitedMs + refusal.retryAfterMs > this.#options.maxWaitMs
      ) {
        const error = localRateLimitError({ ...target, scope, ...refusal });
        call.emit("rate-limit-refused", { ...target, scope, error });
        throw error;
      }
      await sleep(refusal.retryAfterMs, call.signal);
      slept = true;
    }
  }

  /** Takes from every matching limit at once; when one refuses, gives back the others. */
  async #takeAll(
    rules: RateLimitRule[],
    scope: string,
    target: Target,
    tokens: number,
  ): Promise<{ held: HeldTake[]; refusal?: { what: string; retryAfterMs: number } }> {
    const wanted = wantedTakes(rules, scope, tokens);
    const outcomes = await Promise.all(
      wanted.map((item) =>
        this.#store.take({
          key: item.take.key,
          id: item.take.id,
          amount: item.amount,
          limit: item.limit,
          windowMs,
        }),
      ),
    );
    const held: HeldTake[] = [];
    let refusal: { what: string; retryAfterMs: number } | undefined;
    for (let index = 0; index < outcomes.length; index += 1) {
      const outcome = outcomes[index]!;
      if (outcome.ok) {
        held.push(wanted[index]!.take);
        continue;
      }
      const never = outcome.retryAfterMs < 0;
      if (!refusal || never || (refusal.retryAfterMs >= 0 && outcome.retryAfterMs > refusal.retryAfterMs)) {
        refusal = { what: describeTake(wanted[index]!, target), retryAfterMs: outcome.retryAfterMs };
      }
    }
    if (!refusal) return { held };
    await this.#settleAll(held, 0, 0);
    return { held: [], refusal };
  }

  /** Replaces the estimate by what the call's attempts to this target really used. */
  #release(
    held: HeldTake[],
    call: CallContext,
    from: number,
    target: Target,
    failed: boolean,
  ): Promise<void> {
    let requests = 0;
    let tokens = 0;
    for (let index = from; index < call.attempts.length; index += 1) {
      const attempt = call.attempts[index]!;
      if (attempt.provider !== target.provider || attempt.model !== target.model) continue;
      requests += 1;
      tokens += attempt.usage?.totalTokens ?? 0;
    }
    const settled = this.#settleAll(held, requests, tokens);
    return failed ? settled.then(() => this.#learnFromAttempts(call.attempts.slice(from))) : settled;
  }

  #settleAll(held: HeldTake[], requests: number, tokens: number): Promise<void> {
    // A failed settle leaves the estimate in place: that errs on the side of sending less.
    const settles: Promise<void>[] = [];
    for (const take of held) {
      const amount = take.kind === "requests" ? requests : tokens;
      settles.push(this.#store.settle({ key: take.key, id: take.id, amount, windowMs }).catch(ignore));
    }
    // One take (a rule with only a request or only a token limit) needs no Promise.all.
    return settles.length === 1 ? settles[0]! : (Promise.all(settles) as Promise<unknown> as Promise<void>);
  }

  /** A vendor's 429 with retry-after pauses that provider and model for every caller of the store. */
  async #learnFromAttempts(attempts: AttemptRecord[]): Promise<void> {
    for (const attempt of attempts) {
      const error = attempt.error;
      if (!RateLimitError.isInstance(error) || isLocalRateLimitError(error) || error.quotaExhausted) continue;
      if (!error.retryAfterMs || error.retryAfterMs <= 0) continue;
      await this.#store
        .pause({ key: vendorKey(attempt.provider, attempt.model), durationMs: Math.ceil(error.retryAfterMs) })
        .catch(() => {});
    }
  }

  /** The rules of a provider and model, filtered once per pair rather than once per call. */
  #rulesFor(target: Target): RateLimitRule[] {
    const key = `${target.provider}\n${target.model}`;
    let rules = this.#rules.get(key);
    if (!rules) {
      rules = matchingRules(this.#options.limits, target);
      // Model names come from callers; start over rather than grow without bound.
      if (this.#rules.size >= 1_000) this.#rules.clear();
      this.#rules.set(key, rules);
    }
    return rules;
  }

  #scopeOf(call: CallContext, target: Target): string {
    if (!this.#options.scope) return "global";
    const scope = this.#options.scope(call);
    if (typeof scope !== "string" || scope === "") {
      throw new ConfigError(
        `RateLimiter "scope" returned ${describeValue(scope)} for a call to ${target.provider}/${target.model}; it must return a non-empty string such as a user id (e.g. (call) => call.request.metadata?.userId ?? "anonymous").`,
      );
    }
    return scope;
  }

  #estimateTokens(call: CallContext): number {
    const output = call.request.maxTokens ?? this.#options.defaultOutputTokens;
    return Math.ceil(estimateMessageTokens(call.request.messages) + output);
  }
}
