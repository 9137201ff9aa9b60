export { isLocalRateLimitError, type LocalRefusal, localRateLimitError } from "./local-rate-limit-error";
export { MemoryRateLimitStore, type MemoryRateLimitStoreOptions } from "./memory-rate-limit-store";
export {
  type HeadersLike,
  parseGoDuration,
  parseRateLimitHeaders,
  type VendorLimitState,
  type VendorRateLimitState,
} from "./parse-rate-limit-headers";
export { RateLimiter } from "./rate-limiter";
export type { OnLimit, RateLimiterOptions, RateLimitRule } from "./rate-limiter-options";
