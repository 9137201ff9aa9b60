import type { JitterMode } from "./retry-options";

/** What the backoff needs to know; a subset of the resolved retry options. */
export interface BackoffSettings {
  backoffFactor: number;
  initialDelayMs: number;
  maxDelayMs: number;
  jitter: JitterMode;
  random: () => number;
}

/**
 * The delay before retry number `retry` (1 for the first retry), in ms.
 * - "none": initialDelayMs × backoffFactor^(retry-1), capped at maxDelayMs.
 * - "full": uniform in [0, that delay] (AWS "full jitter": spreads retries of many clients best).
 * - "decorrelated": uniform in [initialDelayMs, 3 × previous delay], capped (AWS "decorrelated
 *   jitter"); grows from the previous delay rather than from backoffFactor.
 */
export function backoffDelay(settings: BackoffSettings, retry: number, previousDelayMs: number): number {
  const { initialDelayMs, maxDelayMs } = settings;
  if (settings.jitter === "decorrelated") {
    const upper = Math.max(initialDelayMs, previousDelayMs * 3);
    return Math.min(maxDelayMs, initialDelayMs + settings.random() * (upper - initialDelayMs));
  }
  const exponential = Math.min(maxDelayMs, initialDelayMs * settings.backoffFactor ** (retry - 1));
  if (settings.jitter === "none") return exponential;
  return settings.random() * exponential;
}
