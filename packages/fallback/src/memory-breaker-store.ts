import type { BreakerState, BreakerStore } from "@ffc/core/plugin";

/**
 * Breaker state in this process's memory: the default store. Every FallbackConfig made
 * without a store gets its own; pass one store to several configs to share their breakers.
 */
export class MemoryBreakerStore implements BreakerStore {
  readonly #states = new Map<string, BreakerState>();

  /** A copy of the stored state of `key`. */
  async get(key: string): Promise<BreakerState | undefined> {
    const state = this.#states.get(key);
    return state ? { ...state } : undefined;
  }

  /** Applies `change` to the state of `key` in one synchronous step. */
  async update(
    key: string,
    change: (current: BreakerState | undefined) => BreakerState,
  ): Promise<BreakerState> {
    // Read, change and write happen in one synchronous step, so no other update can interleave.
    const current = this.#states.get(key);
    const next = change(current ? { ...current } : undefined);
    this.#states.set(key, { ...next });
    return { ...next };
  }

  /** Forgets `key`. */
  async delete(key: string): Promise<void> {
    this.#states.delete(key);
  }
}
