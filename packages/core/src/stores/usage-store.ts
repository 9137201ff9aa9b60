import type { Usage } from "../usage";

/**
 * Totals of token usage and cost by group key ("total", "provider:openai", "user:42", ...),
 * behind a small interface so that many processes can share them. Implemented by
 * @ffc/tracking (memory) and @ffc/redis.
 */
export interface UsageTotals {
  /** Tokens of every attempt added, summed field by field. */
  usage: Usage;
  /** Known cost in USD (attempts with an unknown price are not in it). */
  costUsd: number;
  /** Attempts whose price was unknown. */
  unpricedAttempts: number;
  /** Attempts added. */
  attempts: number;
}

/** Shared usage totals. `add` must be atomic per key: concurrent adds never lose one. */
export interface UsageStore {
  /** Adds one attempt's usage, and its cost (null when unknown), to each of the group keys. */
  add(keys: readonly string[], usage: Usage, costUsd: number | null): Promise<void>;
  /** Totals of a group key, or undefined when nothing was added under it. */
  get(key: string): Promise<UsageTotals | undefined>;
  close?(): Promise<void>;
}
