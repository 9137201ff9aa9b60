/** Reads response headers; the SDK's `Headers` and a plain lookup both fit. */
export interface HeaderSource {
  get(name: string): string | null | undefined;
}

/**
 * How long the vendor asked us to wait, in milliseconds: `retry-after-ms` first (what
 * OpenAI's own SDK prefers), then `retry-after` as seconds or as an HTTP date.
 */
export function retryAfterMs(headers: HeaderSource | undefined, now = Date.now()): number | undefined {
  if (!headers || typeof headers.get !== "function") return undefined;
  const milliseconds = headers.get("retry-after-ms");
  if (milliseconds) {
    const value = Number.parseFloat(milliseconds);
    if (Number.isFinite(value) && value >= 0) return Math.round(value);
  }
  const retryAfter = headers.get("retry-after")?.trim();
  if (!retryAfter) return undefined;
  if (/^\d+(\.\d+)?$/.test(retryAfter)) return Math.round(Number(retryAfter) * 1000);
  const date = Date.parse(retryAfter);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
