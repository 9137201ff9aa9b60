import { RateLimitError } from "@ffc/core";

const localMarker = Symbol.for("ffc.ratelimit.local");

/** What a refusal is about, for the error message. */
export interface LocalRefusal {
  provider: string;
  model: string;
  scope: string;
  /** e.g. "50 requests per minute" or "the vendor's tokens limit (from its rate-limit headers)". */
  what: string;
  /** When it fits again, in ms; -1 when it never can. */
  retryAfterMs: number;
}

/**
 * The RateLimitError FFC's own limiter throws. The message says so, because a user who sees
 * "rate limit" first suspects the vendor; no request was sent when this is thrown.
 */
export function localRateLimitError(refusal: LocalRefusal): RateLimitError {
  const { provider, model, scope, what, retryAfterMs } = refusal;
  const target = `${provider}/${model}`;
  const error =
    retryAfterMs < 0
      ? new RateLimitError(
          `FFC rate limit: this request alone exceeds ${what} for ${target} (scope "${scope}"), so it can never fit; lower maxTokens or raise the limit. No request was sent to the vendor (local limiter).`,
          { provider, model, retryable: false },
        )
      : new RateLimitError(
          `FFC rate limit reached: ${what} for ${target} (scope "${scope}"); it fits again in ${Math.ceil(retryAfterMs)} ms. No request was sent to the vendor (local limiter).`,
          { provider, model, retryAfterMs: Math.ceil(retryAfterMs) },
        );
  Object.defineProperty(error, localMarker, { value: true });
  return error;
}

/** True for a RateLimitError thrown by FFC's own limiter rather than by a vendor. */
export function isLocalRateLimitError(error: unknown): boolean {
  return (
    RateLimitError.isInstance(error) && (error as unknown as Record<symbol, unknown>)[localMarker] === true
  );
}
