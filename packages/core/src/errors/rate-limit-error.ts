import { FFCError, type FFCErrorOptions, isErrorKind } from "./ffc-error";

/** Options of a rate-limit error. */
export interface RateLimitErrorOptions extends FFCErrorOptions {
  /** The account's quota or spend cap is used up: waiting will not help, so it is not retryable. */
  quotaExhausted?: boolean;
}

/** The vendor (or an FFC rate limiter) refused the request for sending too much. */
export class RateLimitError extends FFCError {
  /** True when the quota is exhausted rather than a per-minute limit hit. */
  readonly quotaExhausted: boolean;

  constructor(message: string, options: RateLimitErrorOptions = {}) {
    super(message, { retryable: !options.quotaExhausted, ...options });
    this.quotaExhausted = options.quotaExhausted ?? false;
  }

  static override isInstance(error: unknown): error is RateLimitError {
    return isErrorKind(error, "RateLimitError");
  }
}
