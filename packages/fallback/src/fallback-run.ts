import {
  AbortError,
  AllProvidersFailedError,
  type CallContext,
  CircuitOpenError,
  type LanguageProvider,
  StreamInterruptedError,
  type TargetReference,
} from "@ffc/core";
import { abortErrorFor, type DerivedSignal, deriveSignal, neverAbortedSignal } from "@ffc/core/plugin";
import type { Admission, BreakerOutcome } from "./breaker-transitions";
import { chainFailureMessage, type TargetEnding } from "./chain-failure-message";
import type { CircuitBreaker } from "./circuit-breaker";
import { deadlineScope } from "./deadline-scope";
import type { ResolvedFallbackOptions } from "./fallback-options";
import { suitsTarget, type TargetInfo, unsuitableReason } from "./target-suitability";

/** A target of the chain with its provider resolved. */
export interface ResolvedTarget {
  provider: LanguageProvider;
  info: TargetInfo;
  reference: TargetReference;
}

/**
 * Resolved targets of one FallbackConfig, by the manager's `resolveProvider` (the same function
 * for every call of a manager): a chain's providers are resolved once per manager, not per call.
 */
export type ResolvedTargets = WeakMap<CallContext["resolveProvider"], (ResolvedTarget | undefined)[]>;

/** One call's walk along the chain: which target, what the breaker said, where to go next. */
export class FallbackRun {
  readonly #call: CallContext;
  readonly #options: ResolvedFallbackOptions;
  readonly #breaker: CircuitBreaker | undefined;
  readonly #scope: DerivedSignal;
  readonly #resolved: (ResolvedTarget | undefined)[];
  readonly #endings: TargetEnding[] = [];

  constructor(
    call: CallContext,
    options: ResolvedFallbackOptions,
    breaker: CircuitBreaker | undefined,
    resolvedTargets: ResolvedTargets,
  ) {
    this.#call = call;
    this.#options = options;
    this.#breaker = breaker;
    this.#scope = deadlineScope(call.signal, options.deadlineMs);
    let resolved = resolvedTargets.get(call.resolveProvider);
    if (!resolved) {
      resolved = [];
      resolvedTargets.set(call.resolveProvider, resolved);
    }
    this.#resolved = resolved;
  }

  /**
   * Resolves target `index` when the chain first reaches it (ids load their provider package
   * lazily): a healthy primary never needs the fallback's packages or keys. A missing package
   * or key throws here, naming what to install or set.
   */
  async resolve(index: number): Promise<ResolvedTarget> {
    const cached = this.#resolved[index];
    if (cached) return cached;
    const target = this.#options.targets[index]!;
    const provider = await this.#call.resolveProvider(target.provider);
    const contextWindow = provider.modelInfo?.(target.model)?.contextWindow;
    const resolved: ResolvedTarget = {
      provider,
      info: { provider: provider.id, model: target.model, ...(contextWindow ? { contextWindow } : {}) },
      reference: { provider: provider.id, model: target.model },
    };
    this.#resolved[index] = resolved;
    return resolved;
  }

  /**
   * A copy of the call aimed at (resolved) target `index`, with its timeout and a signal of
   * its own that follows the chain's; call `dispose` once the target is done with.
   */
  callFor(index: number): { call: CallContext; dispose(): void } {
    const target = this.#resolved[index]!;
    const attemptTimeoutMs =
      this.#options.targets[index]!.attemptTimeoutMs ??
      this.#options.attemptTimeoutMs ??
      this.#call.attemptTimeoutMs;
    const signal = this.#scope.signal;
    if (
      signal === neverAbortedSignal &&
      target.provider === this.#call.provider &&
      target.info.model === this.#call.request.model &&
      attemptTimeoutMs === this.#call.attemptTimeoutMs
    ) {
      // The call already goes to this target and nothing can abort it: no copy to make.
      return { call: this.#call, dispose: noop };
    }
    const scope = deriveSignal(signal);
    // Core's attempt layer hands the provider a per-attempt child of `scope.signal`.
    const request = { ...this.#call.request, model: target.info.model };
    const call: CallContext = {
      ...this.#call,
      provider: target.provider,
      request,
      signal: scope.signal,
      ...(attemptTimeoutMs === undefined ? {} : { attemptTimeoutMs }),
    };
    return { call, dispose: scope.dispose };
  }

  /** Resolves target `index` and asks its breaker; a refusal is recorded as a CircuitOpenError attempt. */
  async admit(index: number): Promise<Admission | CircuitOpenError> {
    // Resolved by an earlier call of this manager: no await for it.
    const { reference } = this.#resolved[index] ?? (await this.resolve(index));
    if (this.#scope.signal.aborted) throw abortErrorFor(this.#scope.signal, reference);
    if (!this.#breaker) return "pass";
    const verdict = await this.#breaker.admit(reference, this.#call.emit);
    if (verdict.admission !== "reject") return verdict.admission;
    const state = verdict.state;
    const waitSeconds = Math.max(0, Math.ceil(((state?.openUntil ?? 0) - Date.now()) / 1000));
    const why =
      state?.state === "half-open"
        ? "a probe of it is already running"
        : `it failed ${state?.failures ?? "repeatedly"} time(s); it lets a probe through in ${waitSeconds} s`;
    const error = new CircuitOpenError(
      `Skipped ${reference.provider}/${reference.model}: its circuit breaker is open, because ${why}.`,
      { provider: reference.provider, model: reference.model },
    );
    this.#call.attempts.push({ ...reference, attempt: this.#call.attempts.length + 1, durationMs: 0, error });
    return error;
  }

  /** How an error counts for the breaker; nothing counts once the call itself was aborted. */
  outcomeOf(error: unknown): BreakerOutcome {
    if (this.#scope.signal.aborted || !this.#breaker) return "neutral";
    return this.#breaker.outcomeOf(error);
  }

  /** Tells the breaker how the call to target `index` ended. */
  async settle(index: number, admission: Admission, outcome: BreakerOutcome): Promise<void> {
    await this.#breaker?.record(this.#resolved[index]!.reference, admission, outcome, this.#call.emit);
  }

  /**
   * The next target after `index` failed with `error`, announced with a "fallback" event.
   * Throws `error` itself when it may not move on (aborts, interrupted streams, errors not in
   * fallbackOn), and AllProvidersFailedError when no target is left. `decisive` is the error
   * the rules judge (the cause of an interrupted stream that may restart).
   */
  async next(index: number, error: unknown, decisive: unknown = error): Promise<number> {
    const from = this.#resolved[index]!;
    this.#endings[index] = { error };
    const signal = this.#scope.signal;
    if (signal.aborted) {
      throw AbortError.isInstance(error) || error === signal.reason
        ? error
        : abortErrorFor(signal, from.reference);
    }
    if (AbortError.isInstance(decisive) || StreamInterruptedError.isInstance(decisive)) throw error;
    if (!this.#options.movesOn(decisive)) throw error;
    for (let candidate = index + 1; candidate < this.#options.targets.length; candidate += 1) {
      const to = await this.resolve(candidate);
      if (suitsTarget(decisive, from.info, to.info)) {
        this.#call.emit("fallback", { from: from.reference, to: to.reference, error });
        return candidate;
      }
      this.#endings[candidate] = { passedOver: unsuitableReason(decisive, from.info) };
    }
    const attempts = this.#call.attempts.slice();
    const targets = this.#options.targets.map(
      (target, position) => this.#resolved[position]?.info ?? nameOf(target),
    );
    throw new AllProvidersFailedError(chainFailureMessage(targets, this.#endings, attempts), attempts, {
      cause: error,
    });
  }

  /** Stops the chain's deadline timer. */
  dispose(): void {
    this.#scope.dispose();
  }
}

const noop = () => {};

function nameOf(target: { provider: string | LanguageProvider; model: string }): TargetInfo {
  return {
    provider: typeof target.provider === "string" ? target.provider : target.provider.id,
    model: target.model,
  };
}
