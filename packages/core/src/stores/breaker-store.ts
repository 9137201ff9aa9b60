/**
 * State of circuit breakers, one per fallback target, behind a small interface.
 * Owned by @ffc/fallback's design; implemented there (memory) and by @ffc/redis.
 */
export interface BreakerState {
  state: "closed" | "open" | "half-open";
  /** Consecutive failures (consecutive mode) or failures in the window (rate mode). */
  failures: number;
  /** Calls seen in the current window (rate mode). */
  calls: number;
  /** When an open breaker may let a probe through, ms since the epoch. */
  openUntil: number;
}

/** Breaker state by target key. */
export interface BreakerStore {
  get(key: string): Promise<BreakerState | undefined>;
  set(key: string, state: BreakerState): Promise<void>;
  close?(): Promise<void>;
}
