/** What a vendor said about one of its limits (requests or tokens). */
export interface VendorLimitState {
  /** The limit per period, when the vendor said. */
  limit?: number;
  /** What is left in the current period. */
  remaining: number;
  /** In how many ms the limit is fully replenished (0 when the vendor did not say). */
  resetMs: number;
}

/** The vendor's rate-limit state, read from response headers. */
export interface VendorRateLimitState {
  /** Requests per period. */
  requests?: VendorLimitState;
  /** Tokens per period (Anthropic: the tighter of the tokens, input-tokens and output-tokens limits). */
  tokens?: VendorLimitState;
  /** `retry-after-ms` or `retry-after` (seconds or an HTTP date), in ms. */
  retryAfterMs?: number;
}

/** Response headers as a fetch `Headers` object or a plain record (as SDK errors carry them). */
export type HeadersLike = Headers | Record<string, string | readonly string[] | number | undefined | null>;

/**
 * Reads the rate-limit headers of OpenAI (`x-ratelimit-remaining-requests`,
 * `x-ratelimit-reset-tokens: "6m0s"` ...) and Anthropic (`anthropic-ratelimit-requests-remaining`,
 * `anthropic-ratelimit-tokens-reset: <RFC 3339 time>` ...). Headers that are missing or
 * unreadable are left out rather than guessed.
 */
export function parseRateLimitHeaders(headers: HeadersLike, now: number = Date.now()): VendorRateLimitState {
  const read = headerReader(headers);
  const state: VendorRateLimitState = {};
  const requests =
    limitState(read, "x-ratelimit-%-requests", parseGoDuration, now) ??
    limitState(read, "anthropic-ratelimit-requests-%", parseResetTime, now);
  if (requests) state.requests = requests;
  const tokens =
    limitState(read, "x-ratelimit-%-tokens", parseGoDuration, now) ??
    tightest([
      limitState(read, "anthropic-ratelimit-tokens-%", parseResetTime, now),
      limitState(read, "anthropic-ratelimit-input-tokens-%", parseResetTime, now),
      limitState(read, "anthropic-ratelimit-output-tokens-%", parseResetTime, now),
    ]);
  if (tokens) state.tokens = tokens;
  const retryAfterMs = parseRetryAfter(read("retry-after-ms"), read("retry-after"), now);
  if (retryAfterMs !== undefined) state.retryAfterMs = retryAfterMs;
  return state;
}

/**
 * Parses a Go duration as OpenAI sends it ("6m0s", "12ms", "1h2m3.5s", "250us") into ms;
 * undefined when it is not one.
 */
export function parseGoDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^(\d+(\.\d+)?(h|ms|m|s|us|µs|ns))+$/.test(trimmed)) return undefined;
  const unitMs: Record<string, number> = {
    h: 3_600_000,
    m: 60_000,
    s: 1000,
    ms: 1,
    us: 0.001,
    µs: 0.001,
    ns: 0.000001,
  };
  let total = 0;
  for (const match of trimmed.matchAll(/(\d+(?:\.\d+)?)(h|ms|m|s|us|µs|ns)/g)) {
    total += Number(match[1]) * unitMs[match[2]!]!;
  }
  return total;
}

type Reader = (name: string) => string | undefined;
type ResetParser = (text: string, now: number) => number | undefined;

function limitState(
  read: Reader,
  pattern: string,
  parseReset: ResetParser,
  now: number,
): VendorLimitState | undefined {
  const remaining = parseCount(read(pattern.replace("%", "remaining")));
  if (remaining === undefined) return undefined;
  const state: VendorLimitState = { remaining, resetMs: 0 };
  const reset = read(pattern.replace("%", "reset"));
  const resetMs = reset === undefined ? undefined : parseReset(reset, now);
  if (resetMs !== undefined) state.resetMs = Math.max(0, Math.ceil(resetMs));
  const limit = parseCount(read(pattern.replace("%", "limit")));
  if (limit !== undefined) state.limit = limit;
  return state;
}

/** The state with the least left; on a tie, the one that resets last. */
function tightest(states: Array<VendorLimitState | undefined>): VendorLimitState | undefined {
  let best: VendorLimitState | undefined;
  for (const state of states) {
    if (!state) continue;
    if (
      !best ||
      state.remaining < best.remaining ||
      (state.remaining === best.remaining && state.resetMs > best.resetMs)
    ) {
      best = state;
    }
  }
  return best;
}

function parseResetTime(text: string, now: number): number | undefined {
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : at - now;
}

function parseRetryAfter(
  milliseconds: string | undefined,
  seconds: string | undefined,
  now: number,
): number | undefined {
  if (milliseconds !== undefined) {
    const value = Number(milliseconds);
    if (Number.isFinite(value) && value >= 0) return value;
  }
  if (seconds === undefined) return undefined;
  const value = Number(seconds);
  if (seconds.trim() !== "" && Number.isFinite(value) && value >= 0) return value * 1000;
  const at = Date.parse(seconds);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function parseCount(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === "") return undefined;
  const value = Number(text);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

function headerReader(headers: HeadersLike): Reader {
  if (typeof (headers as Headers).get === "function" && typeof (headers as Headers).has === "function") {
    return (name) => (headers as Headers).get(name) ?? undefined;
  }
  const lowered = new Map<string, string>();
  for (const [name, value] of Object.entries(headers as Record<string, unknown>)) {
    if (value === undefined || value === null) continue;
    lowered.set(name.toLowerCase(), Array.isArray(value) ? String(value[0]) : String(value));
  }
  return (name) => lowered.get(name);
}
