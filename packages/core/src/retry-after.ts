/** Response headers: a fetch `Headers` object (or anything with `get`) or a plain record. */
export type HeaderSource =
  | { get(name: string): string | null }
  | Record<string, string | undefined>
  | null
  | undefined;

function header(headers: HeaderSource, name: string): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as { get?: unknown }).get === "function") {
    return (headers as { get(name: string): string | null }).get(name) ?? undefined;
  }
  return (headers as Record<string, string | undefined>)[name];
}

/**
 * How long the vendor asked us to wait, in ms: `retry-after-ms` first (milliseconds, what
 * the SDKs prefer), then `retry-after` as seconds or as an HTTP date. Negative or
 * unparseable values are ignored; a date in the past means "now" (0).
 */
export function retryAfterFromHeaders(headers: HeaderSource, now: number = Date.now()): number | undefined {
  const milliseconds = Number.parseFloat(header(headers, "retry-after-ms") ?? "");
  if (Number.isFinite(milliseconds) && milliseconds >= 0) return Math.round(milliseconds);
  const value = header(headers, "retry-after")?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number.parseFloat(value) * 1000);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
