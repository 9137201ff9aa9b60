/**
 * State of one circuit breaker (one per fallback target, keyed "provider/model"). Plain data,
 * so that any store can keep it as a hash or JSON. Times are milliseconds since the epoch.
 * The breaker logic lives in the fallback policy; stores only keep this record.
 */
export interface BreakerState {
  /** closed: calls pass; open: calls are skipped until `openUntil`; half-open: one probe at a time. */
  state: "closed" | "open" | "half-open";
  /** Consecutive failures (consecutive mode) or failures in the current window (rate mode). */
  failures: number;
  /** Calls that ended in the current window (rate mode; 0 in consecutive mode). */
  calls: number;
  /** When the current rate window began (rate mode). */
  windowStart: number;
  /** When an open breaker may let a probe through. */
  openUntil: number;
  /** While half-open: when the running probe's lease ends and another caller may probe (0: free). */
  probeUntil: number;
}

/**
 * Where breaker state lives: in memory (a `MemoryBreakerStore`) or shared
 * between processes (the Redis store of @ffc/redis).
 *
 * Semantics every store must keep:
 * - `update` is atomic per key: `change` receives the latest stored state (undefined when the
 *   key has none) and no other update of that key may land between that read and the write.
 * - `change` is a pure function and may be called more than once (an optimistic store such as
 *   Redis WATCH/MULTI, or a compare-and-set Lua script, retries it on conflict); the state from
 *   its last call is the one stored and returned.
 * - When `change` returns the very object it received, nothing needs to be written (the hot
 *   path of a closed breaker reads only).
 * - A store may expire keys that have not changed for a long time (e.g. a day); a missing key
 *   means a closed breaker with no failures.
 */
export interface BreakerStore {
  /** The stored state of `key`, or undefined when there is none. */
  get(key: string): Promise<BreakerState | undefined>;
  /** Atomically replaces the state of `key` with `change(current)`; resolves to what was stored. */
  update(key: string, change: (current: BreakerState | undefined) => BreakerState): Promise<BreakerState>;
  /** Forgets the state of `key` (the breaker becomes closed). */
  delete(key: string): Promise<void>;
  /** Releases connections, where the store holds any. */
  close?(): Promise<void>;
}
