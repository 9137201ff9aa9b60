import type { BudgetStore } from "@ffc/core/plugin";
import type { BudgetSettleRequest } from "./budget-ledger";

/**
 * Settlements the store could not take (e.g. Redis was down when the call ended). They are
 * retried in the background until the store accepts them, so spend is never lost; settling is
 * idempotent per reservation id, so a retry never counts twice.
 */
export class SettlementQueue {
  readonly #store: BudgetStore;
  readonly #pending = new Map<string, { request: BudgetSettleRequest; failures: number }>();
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(store: BudgetStore) {
    this.#store = store;
  }

  /** Settlements still waiting for the store. */
  get size(): number {
    return this.#pending.size;
  }

  /** Queues a settlement for retry. */
  add(request: BudgetSettleRequest): void {
    this.#pending.set(request.reservationId, { request, failures: 1 });
    this.#schedule();
  }

  /** Tries every pending settlement now; resolves when the store took all of them or one failed. */
  async flush(): Promise<void> {
    for (const [id, entry] of [...this.#pending]) {
      try {
        await this.#store.settle(entry.request);
        this.#pending.delete(id);
      } catch {
        entry.failures += 1;
      }
    }
    this.#schedule();
  }

  /** Stops retrying (pending settlements are dropped; the store's TTL frees their reservations). */
  stop(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #schedule(): void {
    if (this.#timer !== undefined || this.#pending.size === 0) return;
    const failures = Math.max(...[...this.#pending.values()].map((entry) => entry.failures));
    const delay = Math.min(100 * 2 ** Math.min(failures, 6), 5000);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.flush();
    }, delay);
    // Retrying must not keep a finished script alive.
    this.#timer.unref?.();
  }
}
