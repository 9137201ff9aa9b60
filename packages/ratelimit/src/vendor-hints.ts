import type { VendorLimitState, VendorRateLimitState } from "./parse-rate-limit-headers";

interface Hint {
  remaining: number;
  resetAt: number;
}

interface TargetHints {
  requests?: Hint;
  tokens?: Hint;
}

/**
 * What vendors last said is left of their limits, per provider and model, in this process.
 * Calls that would not fit wait until the vendor's reset instead of being sent to fail with a 429.
 */
export class VendorHints {
  readonly #hints = new Map<string, TargetHints>();

  /** Remembers the vendor's latest state for a target. */
  learn(provider: string, model: string, state: VendorRateLimitState, now: number): void {
    const key = targetKey(provider, model);
    const hints = this.#hints.get(key) ?? {};
    if (state.requests) hints.requests = hintOf(state.requests, now);
    if (state.tokens) hints.tokens = hintOf(state.tokens, now);
    this.#hints.set(key, hints);
  }

  /** How long a call of `tokens` tokens must wait to fit what the vendor said is left (0: go). */
  waitFor(provider: string, model: string, tokens: number, now: number): { ms: number; what: string } {
    if (this.#hints.size === 0) return go;
    const hints = this.#hints.get(targetKey(provider, model));
    if (!hints) return go;
    let ms = 0;
    let what = "";
    if (hints.requests && hints.requests.resetAt > now && hints.requests.remaining < 1) {
      ms = hints.requests.resetAt - now;
      what = "the vendor's requests limit (from its rate-limit headers)";
    }
    if (
      hints.tokens &&
      hints.tokens.resetAt > now &&
      hints.tokens.remaining < tokens &&
      hints.tokens.resetAt - now > ms
    ) {
      ms = hints.tokens.resetAt - now;
      what = "the vendor's tokens limit (from its rate-limit headers)";
    }
    return { ms, what };
  }

  /** Counts a call against what is left, so concurrent calls do not all rush the last slot. */
  consume(provider: string, model: string, tokens: number, now: number): void {
    if (this.#hints.size === 0) return;
    const key = targetKey(provider, model);
    const hints = this.#hints.get(key);
    if (!hints) return;
    if (hints.requests && hints.requests.resetAt > now) hints.requests.remaining -= 1;
    if (hints.tokens && hints.tokens.resetAt > now) hints.tokens.remaining -= tokens;
    const stale = (hint?: Hint) => !hint || hint.resetAt <= now;
    if (stale(hints.requests) && stale(hints.tokens)) this.#hints.delete(key);
  }
}

/** No wait: one shared object for the hot path. */
const go: { ms: number; what: string } = Object.freeze({ ms: 0, what: "" });

function hintOf(state: VendorLimitState, now: number): Hint {
  return { remaining: state.remaining, resetAt: now + state.resetMs };
}

function targetKey(provider: string, model: string): string {
  return `${provider}\u0000${model}`;
}
