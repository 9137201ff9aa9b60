import type { Usage } from "../usage";

/**
 * Totals of token usage and cost by group (provider, model, user, tag ...), behind a small
 * interface so many processes can share them. Owned by @ffc/tracking's design;
 * implemented there (memory) and by @ffc/redis.
 */
export interface UsageTotals {
  usage: Usage;
  /** Known cost in USD. */
  costUsd: number;
  /** Calls or attempts whose price was unknown (their cost is not in `costUsd`). */
  unpricedAttempts: number;
  attempts: number;
}

export interface UsageStore {
  /** Adds usage to each of the group keys, atomically per key. */
  add(keys: readonly string[], usage: Usage, costUsd: number | null): Promise<void>;
  /** Totals of a group key. */
  get(key: string): Promise<UsageTotals | undefined>;
  close?(): Promise<void>;
}
