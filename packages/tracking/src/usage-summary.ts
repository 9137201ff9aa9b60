import type { Usage } from "@ffc/core";
import { addUsage, emptyUsage } from "@ffc/core/plugin";

/** Tokens, cost and counts of one group of calls (everything, a provider, a model, a tag, a user). */
export interface UsageSummary {
  /** Calls that returned a result (cache hits included). */
  calls: number;
  /** Calls that ended in an error. */
  failedCalls: number;
  /** Attempts that consumed tokens: retries, fallbacks and interrupted streams included. */
  attempts: number;
  /** Attempts whose usage was estimated because the vendor never reported it (interrupted streams). */
  estimatedAttempts: number;
  /** Tokens of every counted attempt. */
  usage: Usage;
  /** USD of every attempt, or null when any attempt's price is unknown (see knownCostUsd). */
  costUsd: number | null;
  /** USD of the attempts whose price is known. */
  knownCostUsd: number;
  /** Attempts with no known price; their cost is in neither costUsd nor knownCostUsd. */
  unpricedAttempts: number;
  /** Results served from a response cache; they cost nothing. */
  cacheHits: number;
  /** USD saved by vendor prompt caching: cache reads at the full input rate minus at the cache-read rate. */
  promptCacheSavingsUsd: number;
}

/** A priced attempt, as the tracker records it. */
export interface AttemptEntry {
  usage: Usage;
  costUsd: number | null;
  savingsUsd: number | null;
  estimated: boolean;
}

/** A summary of nothing. */
export function emptySummary(): UsageSummary {
  return {
    calls: 0,
    failedCalls: 0,
    attempts: 0,
    estimatedAttempts: 0,
    usage: emptyUsage(),
    costUsd: 0,
    knownCostUsd: 0,
    unpricedAttempts: 0,
    cacheHits: 0,
    promptCacheSavingsUsd: 0,
  };
}

/** Adds one attempt to a summary. */
export function addAttempt(summary: UsageSummary, entry: AttemptEntry): void {
  summary.attempts += 1;
  if (entry.estimated) summary.estimatedAttempts += 1;
  summary.usage = addUsage(summary.usage, entry.usage);
  if (entry.costUsd === null) summary.unpricedAttempts += 1;
  else summary.knownCostUsd += entry.costUsd;
  summary.promptCacheSavingsUsd += entry.savingsUsd ?? 0;
  // Unknown stays unknown: one unpriced attempt makes the group's total cost unknown.
  summary.costUsd = summary.unpricedAttempts > 0 ? null : summary.knownCostUsd;
}
