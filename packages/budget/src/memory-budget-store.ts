import {
  type BudgetReserveOutcome,
  type BudgetStore,
  type BudgetUsage,
  checkOptions,
  option,
} from "@ffc/core/plugin";
import {
  type BudgetLedger,
  type BudgetReserveRequest,
  type BudgetSettleRequest,
  emptyLedger,
  isLedgerExpired,
  pruneLedger,
  reserveInLedger,
  settleInLedger,
  usageOfLedger,
} from "./budget-ledger";

/** Options of a MemoryBudgetStore. */
export interface MemoryBudgetStoreOptions {
  /**
   * The clock, in ms since the epoch; tests pass a fake one.
   * @default Date.now
   */
  now?: () => number;
}

const memoryStoreRules = {
  now: option.callback<() => number, { default: () => number }>({
    default: () => Date.now(),
    example: "Date.now",
  }),
};

/**
 * Budget state in this process's memory: the default. Every method runs to completion without
 * awaiting, so JavaScript's single thread makes each one atomic.
 */
export class MemoryBudgetStore implements BudgetStore {
  readonly #ledgers = new Map<string, BudgetLedger>();
  readonly #now: () => number;

  constructor(options: MemoryBudgetStoreOptions = {}) {
    this.#now = checkOptions("MemoryBudgetStore", options, memoryStoreRules, "{ now: Date.now }").now;
  }

  async reserve(request: BudgetReserveRequest): Promise<BudgetReserveOutcome> {
    const now = this.#now();
    return reserveInLedger(this.#ledger(request.key, now), request, now);
  }

  async settle(request: BudgetSettleRequest): Promise<BudgetUsage> {
    const now = this.#now();
    return settleInLedger(this.#ledger(request.key, now), request, now);
  }

  async usage(key: string): Promise<BudgetUsage> {
    const now = this.#now();
    const ledger = this.#ledgers.get(key);
    if (!ledger || isLedgerExpired(ledger, now)) return usageOfLedger(emptyLedger());
    pruneLedger(ledger, now);
    return usageOfLedger(ledger);
  }

  async close(): Promise<void> {
    this.#ledgers.clear();
  }

  #ledger(key: string, now: number): BudgetLedger {
    let ledger = this.#ledgers.get(key);
    if (!ledger || isLedgerExpired(ledger, now)) {
      // Dropping expired keys here keeps memory bounded by the live periods only.
      for (const [other, candidate] of this.#ledgers)
        if (isLedgerExpired(candidate, now)) this.#ledgers.delete(other);
      ledger = emptyLedger();
      this.#ledgers.set(key, ledger);
    } else {
      pruneLedger(ledger, now);
    }
    return ledger;
  }
}
