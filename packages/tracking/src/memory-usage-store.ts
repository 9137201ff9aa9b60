import type { Usage } from "@ffc/core";
import { addUsage, checkOptions, type UsageStore, type UsageTotals } from "@ffc/core/plugin";

/** Options of a MemoryUsageStore: none yet; an unknown key is refused rather than ignored. */
export type MemoryUsageStoreOptions = Record<never, never>;

/** Usage totals in this process's memory: the default, and the reference for other stores. */
export class MemoryUsageStore implements UsageStore {
  readonly #totals = new Map<string, UsageTotals>();

  constructor(options: MemoryUsageStoreOptions = {}) {
    checkOptions("MemoryUsageStore", options, {}, "{}");
  }

  async add(keys: readonly string[], usage: Usage, costUsd: number | null): Promise<void> {
    for (const key of keys) {
      const totals = this.#totals.get(key) ?? {
        usage: { inputTokens: 0, outputTokens: 0, totalTokens: 0 },
        costUsd: 0,
        unpricedAttempts: 0,
        attempts: 0,
      };
      totals.usage = addUsage(totals.usage, usage);
      if (costUsd === null) totals.unpricedAttempts += 1;
      else totals.costUsd += costUsd;
      totals.attempts += 1;
      this.#totals.set(key, totals);
    }
  }

  async get(key: string): Promise<UsageTotals | undefined> {
    const totals = this.#totals.get(key);
    return totals && { ...totals, usage: { ...totals.usage } };
  }
}
