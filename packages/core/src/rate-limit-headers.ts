import type { ProviderResult } from "./result";

/** Something with a Fetch-style `forEach`, such as `Headers`. */
export interface HeaderList {
  forEach(callback: (value: string, name: string) => void): void;
}

const rateLimitHeader = /^(x-ratelimit-|anthropic-ratelimit-|retry-after)/i;

/**
 * What a rate-limit value looks like: a number, a duration ("6m0s", "20ms"), an ISO time or an
 * HTTP date. Anything else (free text, a key a proxy echoed) is dropped: results travel through
 * events and logs, so only data that cannot hold a secret is kept.
 */
const rateLimitValue =
  /^(-?\d+(\.\d+)?|(\d+(\.\d+)?(ms|s|m|h))+|\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:?\d{2})?|[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT)$/;

/**
 * The rate-limit headers of a vendor response (`x-ratelimit-*`, `anthropic-ratelimit-*`,
 * `retry-after*`), for providers to put on their results so that rate limiters can learn the
 * vendor's remaining budget. Other headers are left out: results travel through events.
 */
export function pickRateLimitHeaders(headers: HeaderList | undefined): Record<string, string> | undefined {
  if (!headers || typeof headers.forEach !== "function") return undefined;
  let picked: Record<string, string> | undefined;
  headers.forEach((value, name) => {
    if (!rateLimitHeader.test(name) || !rateLimitValue.test(value.trim())) return;
    picked ??= {};
    picked[name.toLowerCase()] = value;
  });
  return picked;
}

/** Puts the vendor's rate-limit headers of a response on a provider's result. */
export function withRateLimitHeaders(
  result: ProviderResult,
  headers: HeaderList | undefined,
): ProviderResult {
  const rateLimitHeaders = pickRateLimitHeaders(headers);
  if (rateLimitHeaders) result.rateLimitHeaders = rateLimitHeaders;
  return result;
}
