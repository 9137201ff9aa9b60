/**
 * State of rate limits (requests and tokens per window), behind a small interface.
 * Owned by @ffc/ratelimit's design; implemented there (memory) and by @ffc/redis.
 */
export interface RateLimitTakeRequest {
  /** The limited scope, e.g. "openai:gpt-4o:requests". */
  key: string;
  /** How much to take (1 for a request, N for tokens). */
  amount: number;
  /** How much the window allows. */
  limit: number;
  /** Window length in ms (60,000 for per-minute limits). */
  windowMs: number;
}

/** The outcome of a take. */
export interface RateLimitTakeOutcome {
  ok: boolean;
  /** What is left in the window after this take (or before it, when refused). */
  remaining: number;
  /** When refused: how long until `amount` would fit, in ms. */
  retryAfterMs: number;
}

/** Atomic rate-limit state. */
export interface RateLimitStore {
  take(request: RateLimitTakeRequest): Promise<RateLimitTakeOutcome>;
  /** Gives back part of an earlier take (e.g. when fewer tokens were used than estimated). */
  refund?(request: { key: string; amount: number; windowMs: number }): Promise<void>;
  close?(): Promise<void>;
}
