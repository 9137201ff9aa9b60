import type { CallContext, GenerateNext, Policy, ProviderResult, StreamNext, StreamPart } from "@ffc/core";
import type { BreakerState } from "@ffc/core/plugin";
import { CircuitBreaker } from "./circuit-breaker";
import {
  type FallbackOptions,
  type FallbackTarget,
  type ResolvedFallbackOptions,
  resolveFallbackOptions,
} from "./fallback-options";
import { FallbackRun, type ResolvedTargets } from "./fallback-run";
import { fallbackStream } from "./fallback-stream";

/**
 * Tries an ordered chain of (provider, model) targets until one answers, with a circuit
 * breaker per target. A core Policy: pass it per call as `fallbackConfig`, or to every call
 * as a plugin. Retry sits inside it, so each target gets its own retries.
 */
export class FallbackConfig implements Policy {
  /** Policy name, for errors and debugging. */
  readonly name = "fallback";
  /** Sits outside retry and inside budget and rate limit. */
  readonly stage = "fallback" as const;
  readonly #options: ResolvedFallbackOptions;
  readonly #breaker: CircuitBreaker | undefined;
  readonly #resolvedTargets: ResolvedTargets = new WeakMap();

  constructor(options: FallbackOptions) {
    this.#options = resolveFallbackOptions(options);
    this.#breaker = this.#options.breaker ? new CircuitBreaker(this.#options.breaker) : undefined;
  }

  /** The chain, in the order it is tried. */
  get targets(): readonly FallbackTarget[] {
    return this.#options.targets;
  }

  /** The breaker state of a target (undefined: closed, nothing counted), for dashboards and tests. */
  async breakerState(target: { provider: string; model: string }): Promise<BreakerState | undefined> {
    return this.#breaker?.state(target);
  }

  /** Runs the rest of the chain on each target in turn until one answers. */
  async generate(call: CallContext, next: GenerateNext): Promise<ProviderResult> {
    const run = new FallbackRun(call, this.#options, this.#breaker, this.#resolvedTargets);
    try {
      let index = 0;
      while (true) {
        const admission = await run.admit(index);
        if (typeof admission !== "string") {
          index = await run.next(index, admission);
          continue;
        }
        let result: ProviderResult;
        const target = run.callFor(index);
        try {
          result = await next(target.call);
        } catch (error) {
          await run.settle(index, admission, run.outcomeOf(error));
          index = await run.next(index, error);
          continue;
        } finally {
          target.dispose();
        }
        await run.settle(index, admission, "success");
        return result;
      }
    } finally {
      run.dispose();
    }
  }

  /** Streams from the first target that starts; moves on only before the first part (or with restartStream). */
  stream(call: CallContext, next: StreamNext): AsyncIterable<StreamPart> {
    const startRun = (streamCall: CallContext) =>
      new FallbackRun(streamCall, this.#options, this.#breaker, this.#resolvedTargets);
    return fallbackStream(call, next, startRun, this.#options.restartStream === true);
  }
}
