import { retryAfterFromHeaders as parseHeaders } from "@ffc/core/provider";
/**
 * Reads how long the vendor asked us to wait, in milliseconds. Gemini puts it in the body as a
 * google.rpc.RetryInfo detail (`retryDelay: "34.4s"`, a protobuf Duration); proxies and
 * gateways in front of it may send the HTTP headers `retry-after-ms` or `retry-after`
 * (seconds or an HTTP date). The body wins because it is Gemini's own hint.
 */
export function retryAfterMs(
  details: readonly Record<string, unknown>[],
  headers: Headers | undefined,
  now = Date.now(),
): number | undefined {
  const retryInfo = details.find((detail) => String(detail["@type"] ?? "").endsWith("google.rpc.RetryInfo"));
  const fromBody = retryInfo ? parseDuration(retryInfo.retryDelay) : undefined;
  if (fromBody !== undefined) return fromBody;
  return headers ? retryAfterFromHeaders(headers, now) : undefined;
}

/** The HTTP headers' hint, read by the same rules as every provider's. */
export const retryAfterFromHeaders = (headers: Headers, now = Date.now()): number | undefined =>
  parseHeaders(headers, now);

/** A protobuf Duration as JSON ("34.4s") or as an object ({seconds, nanos}), in milliseconds. */
export function parseDuration(value: unknown): number | undefined {
  if (typeof value === "string") {
    const match = /^\s*(\d+(?:\.\d+)?)s\s*$/.exec(value);
    return match ? Math.round(Number.parseFloat(match[1]!) * 1000) : undefined;
  }
  if (typeof value === "object" && value !== null) {
    const { seconds, nanos } = value as { seconds?: number | string; nanos?: number };
    const total = Number(seconds ?? 0) * 1000 + Number(nanos ?? 0) / 1e6;
    return Number.isFinite(total) ? Math.round(total) : undefined;
  }
  return undefined;
}
