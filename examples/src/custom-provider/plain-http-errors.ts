import {
  AbortError,
  AuthenticationError,
  ContextLengthError,
  FFCError,
  InvalidRequestError,
  RateLimitError,
  TemporaryError,
} from "@ffc/core";
import { networkFailureDetail } from "@ffc/core/provider";

/** The error body of the plain HTTP wire: `{ "error": { "type": "...", "message": "..." } }`. */
export interface PlainHttpErrorBody {
  error?: { type?: string; message?: string };
}

const provider = "plain-http";

/** Maps an HTTP failure of the plain wire to FFC's error classes; policies rely on the class. */
export function errorFromResponse(
  status: number,
  body: PlainHttpErrorBody,
  headers: Headers,
  model: string,
): FFCError {
  const type = body.error?.type ?? "unknown";
  const message = `${provider} ${status} ${type}: ${body.error?.message ?? "no message"}`;
  const requestId = headers.get("x-request-id") ?? undefined;
  const common = { provider, model, status, ...(requestId ? { requestId } : {}) };
  if (status === 401 || status === 403) return new AuthenticationError(message, common);
  if (status === 429) {
    const seconds = Number(headers.get("retry-after"));
    const retryAfterMs = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
    return new RateLimitError(message, {
      ...common,
      quotaExhausted: type === "quota_exceeded",
      ...(retryAfterMs ? { retryAfterMs } : {}),
    });
  }
  if (status >= 500) return new TemporaryError(message, common);
  if (type === "context_length_exceeded") return new ContextLengthError(message, common);
  return new InvalidRequestError(message, common);
}

/** Maps an error reported inside a stream after HTTP 200. */
export function errorFromEvent(body: PlainHttpErrorBody, model: string): FFCError {
  const type = body.error?.type ?? "unknown";
  const message = `${provider} stream error ${type}: ${body.error?.message ?? "no message"}`;
  if (type === "overloaded" || type === "server_error")
    return new TemporaryError(message, { provider, model });
  if (type === "rate_limited") return new RateLimitError(message, { provider, model });
  return new InvalidRequestError(message, { provider, model });
}

/** Maps what `fetch` throws: aborts stay aborts, everything else is a network failure worth retrying. */
export function errorFromNetwork(error: unknown, signal: AbortSignal | undefined, model: string): FFCError {
  if (FFCError.isInstance(error)) return error;
  if (signal?.aborted)
    return new AbortError(`${provider} request aborted`, { provider, model, cause: error });
  return new TemporaryError(`${provider} network failure: ${networkFailureDetail(error)}`, {
    provider,
    model,
    cause: error,
  });
}
