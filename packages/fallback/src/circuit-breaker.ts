import { AbortError, type EmitEvent, type TargetReference } from "@ffc/core";
import type { BreakerState } from "@ffc/core/plugin";
import "./breaker-events";
import type { ResolvedBreakerOptions } from "./breaker-options";
import { type Admission, admit, type BreakerOutcome, recordOutcome } from "./breaker-transitions";

/** What the breaker said about one call, and the state it saw. */
export interface BreakerVerdict {
  admission: Admission;
  state?: BreakerState;
}

const keys = new WeakMap<TargetReference, string>();

/** The verdict of a closed breaker, the hot path: one shared object, never changed. */
const passed: BreakerVerdict = Object.freeze({ admission: "pass" });

/**
 * One circuit breaker per target, its state in a BreakerStore. A breaker is a safety valve,
 * not a gate: when the store fails, calls go ahead (and a "breaker-store-error" event says so).
 */
export class CircuitBreaker {
  readonly #options: ResolvedBreakerOptions;

  constructor(options: ResolvedBreakerOptions) {
    this.#options = options;
  }

  /** The cooldown of an open breaker, in ms. */
  get cooldownMs(): number {
    return this.#options.cooldownMs;
  }

  /** The store key of a target (built once per target object: the chain's targets are reused by every call). */
  keyOf(target: TargetReference): string {
    let key = keys.get(target);
    if (key === undefined) {
      key = `${target.provider}/${target.model}`;
      keys.set(target, key);
    }
    return key;
  }

  /** Asks whether a call may go to `target`; emits "breaker-half-open" when it lets a probe through. */
  async admit(target: TargetReference, emit: EmitEvent): Promise<BreakerVerdict> {
    const key = this.keyOf(target);
    try {
      const stored = await this.#options.store.get(key);
      // The hot path: a closed breaker is only read.
      if (!stored || stored.state === "closed") return passed;
      let admission = "pass" as Admission;
      let before = undefined as BreakerState | undefined;
      const after = await this.#options.store.update(key, (current) => {
        before = current;
        const decided = admit(current, Date.now(), this.#options);
        admission = decided.admission;
        return decided.next;
      });
      if (admission === "probe" && before?.state === "open") emit("breaker-half-open", { ...target });
      return { admission, state: after };
    } catch (error) {
      emit("breaker-store-error", { ...target, error });
      return { admission: "pass" };
    }
  }

  /** Counts how a call ended; emits "breaker-opened" or "breaker-closed" on a change. */
  async record(
    target: TargetReference,
    admission: Admission,
    outcome: BreakerOutcome,
    emit: EmitEvent,
  ): Promise<void> {
    if (admission === "reject") return;
    if (admission === "pass" && outcome === "neutral") return;
    const key = this.keyOf(target);
    try {
      if (admission === "pass" && outcome === "success" && this.#options.mode === "consecutive") {
        const stored = await this.#options.store.get(key);
        if (!stored || (stored.state === "closed" && stored.failures === 0)) return;
      }
      let before = undefined as BreakerState | undefined;
      const after = await this.#options.store.update(key, (current) => {
        before = current;
        return recordOutcome(current, admission, outcome, Date.now(), this.#options);
      });
      if (after.state === "open" && before?.state !== "open") {
        emit("breaker-opened", { ...target, failures: after.failures, cooldownMs: this.#options.cooldownMs });
      } else if (after.state === "closed" && before?.state === "half-open") {
        emit("breaker-closed", { ...target });
      }
    } catch (storeError) {
      emit("breaker-store-error", { ...target, error: storeError });
    }
  }

  /** Success for no error; failure for the configured classes; neutral for aborts and request errors. */
  outcomeOf(error: unknown): BreakerOutcome {
    if (error === undefined) return "success";
    if (AbortError.isInstance(error)) return "neutral";
    return this.#options.isFailure(error) ? "failure" : "neutral";
  }

  /** The stored state of a target, for inspection. */
  state(target: TargetReference): Promise<BreakerState | undefined> {
    return this.#options.store.get(this.keyOf(target));
  }
}
