/**
 * State of rate limits (requests and tokens per window), behind a small interface.
 * Owned by @ffc/ratelimit's design; implemented there (memory) and by @ffc/redis.
 *
 * The contract is a sliding-window log: every take is remembered with its time and amount
 * until it is `windowMs` old, and a take fits when the amounts still in the window plus the
 * new amount stay within `limit`. So no window of `windowMs` ever holds more than `limit`.
 * Every argument is a string or a number, so a store can run each method as one Lua script.
 */
export interface RateLimitTakeRequest {
  /** The limited counter, e.g. "global:openai:gpt-4o:requests". */
  key: string;
  /** Unique id of this take (the limiter uses `uniqueId()`: unique across processes); `settle` refers to it. */
  id: string;
  /** How much to take (1 for a request, N for tokens); a non-negative integer. */
  amount: number;
  /** How much the window allows. */
  limit: number;
  /** Window length in ms (60,000 for per-minute limits). */
  windowMs: number;
}

/** The outcome of a take. */
export interface RateLimitTakeOutcome {
  /** True when the amount was taken; false when nothing was recorded. */
  ok: boolean;
  /** What is left in the window after this take (or before it, when refused). */
  remaining: number;
  /**
   * 0 when taken. When refused: how long until `amount` would fit, in ms; -1 when `amount`
   * exceeds `limit` and so can never fit.
   */
  retryAfterMs: number;
}

/** Atomic rate-limit state. Every method must be atomic with respect to every other caller. */
export interface RateLimitStore {
  /** Takes `amount` from the window of `key` when it fits; records nothing when it does not. */
  take(request: RateLimitTakeRequest): Promise<RateLimitTakeOutcome>;
  /**
   * Replaces the amount of an earlier take by what was really used (0 removes it), e.g. actual
   * tokens instead of the estimate. A take that has left the window, or an unknown id, is ignored.
   * RateLimiter settles each take once; a store may forget the id then and ignore later settles.
   */
  settle(request: { key: string; id: string; amount: number; windowMs: number }): Promise<void>;
  /** Pauses `key` for `durationMs` (a vendor said to wait); a shorter pause never shortens a longer one. */
  pause(request: { key: string; durationMs: number }): Promise<void>;
  /** How long `key` is still paused, in ms (0 when it is not). */
  pausedFor(key: string): Promise<number>;
  /** Releases connections and timers. */
  close?(): Promise<void>;
}
