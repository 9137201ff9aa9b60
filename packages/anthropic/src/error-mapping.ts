import {
  AbortError,
  AuthenticationError,
  ContextLengthError,
  FFCError,
  type FFCErrorOptions,
  InvalidRequestError,
  RateLimitError,
  TemporaryError,
  TimeoutError,
} from "@ffc/core";
import {
  isNetworkFailure,
  networkFailureDetail,
  redactError,
  redactSecrets,
  retryAfterFromHeaders,
} from "@ffc/core/provider";

/** What error mapping needs to know about the failed request. */
export interface ErrorContext {
  model: string;
  /** The request's signal: an abort is reported as an abort, never as a network failure. */
  signal?: AbortSignal | undefined;
  /** Values that must never appear in an error (the API key). */
  secrets: readonly (string | undefined)[];
}

/**
 * The SDK error, copied without anything that could carry a secret: SDK errors keep the
 * response headers and, for connection failures, a chain of fetch errors; only the name,
 * the redacted message, the status, the vendor's error body and the request id are kept.
 */
export class AnthropicErrorCause extends Error {
  readonly status?: number;
  readonly requestId?: string;
  /** The vendor's JSON error body, when there was one. */
  readonly body?: unknown;

  constructor(
    name: string,
    message: string,
    fields: { status?: number; requestId?: string; body?: unknown },
  ) {
    super(message);
    this.name = name;
    if (fields.status !== undefined) this.status = fields.status;
    if (fields.requestId !== undefined) this.requestId = fields.requestId;
    if (fields.body !== undefined) this.body = fields.body;
  }
}

const quotaPattern = /credit balance|spend limit|usage limits?|billing/i;
const contextPattern =
  /prompt is too long|exceed context limit|context window|context length|too many (input )?tokens/i;

/**
 * Maps anything the SDK (or the stream reader) throws to an FFC error class. The provider's
 * one redaction point: every error leaves without the context's secrets (keys, header values).
 */
export function toFFCError(thrown: unknown, context: ErrorContext): FFCError {
  return redactError(mapError(thrown, context), context.secrets);
}

function mapError(thrown: unknown, context: ErrorContext): FFCError {
  const target = { provider: "anthropic", model: context.model };
  // First: an aborted request ends the stream early, which would otherwise look truncated.
  if (context.signal?.aborted) {
    const reason = context.signal.reason;
    if (FFCError.isInstance(reason)) return reason;
    return new AbortError("The Anthropic request was aborted by its caller.", { ...target, cause: reason });
  }
  if (FFCError.isInstance(thrown)) return thrown;
  const redact = (text: string) => redactSecrets(text, context.secrets);
  const error = (thrown ?? {}) as Record<string, any>;
  const name = typeof error.name === "string" ? error.name : "Error";
  if (name === "APIUserAbortError" || name === "AbortError") {
    return new AbortError("The Anthropic request was aborted.", target);
  }
  const rawMessage = redact(typeof error.message === "string" ? error.message : String(thrown));
  if (name === "APIConnectionTimeoutError") {
    return new TimeoutError(`The Anthropic request timed out: ${rawMessage}`, {
      ...target,
      cause: new AnthropicErrorCause(name, rawMessage, {}),
    });
  }
  if (name === "APIConnectionError") {
    const detail = redact(networkFailureDetail(error.cause));
    return new TemporaryError(`Could not reach Anthropic (${detail}); the connection failed or was reset.`, {
      ...target,
      cause: new AnthropicErrorCause(name, `${rawMessage} ${detail}`, {}),
    });
  }
  if (thrown instanceof SyntaxError) {
    return new TemporaryError(`Anthropic sent a response that is not valid JSON: ${rawMessage}`, {
      ...target,
      cause: new AnthropicErrorCause(name, rawMessage, {}),
    });
  }
  const isApiError = "status" in error && "error" in error;
  if (!isApiError && isNetworkFailure(error)) {
    // undici fails a body read that the server cut with TypeError("terminated").
    const detail = redact(networkFailureDetail(error.cause));
    return new TemporaryError(`The connection to Anthropic broke while reading the response (${detail}).`, {
      ...target,
      cause: new AnthropicErrorCause(name, `${rawMessage} ${detail}`, {}),
    });
  }
  if (!isApiError) {
    // A client-side SDK error (bad argument, missing credentials): sending it again will not help.
    return new InvalidRequestError(`The Anthropic SDK refused the request: ${rawMessage}`, {
      ...target,
      cause: new AnthropicErrorCause(name, rawMessage, {}),
    });
  }
  return fromApiError(error, target, redact);
}

function fromApiError(
  error: Record<string, any>,
  target: { provider: string; model: string },
  redact: (text: string) => string,
): FFCError {
  const status: number | undefined = typeof error.status === "number" ? error.status : undefined;
  const body = error.error as Record<string, any> | undefined;
  const type: string | undefined = error.type ?? body?.error?.type ?? undefined;
  const errorCode: string | undefined = error.errorCode ?? body?.error?.details?.error_code ?? undefined;
  const vendorMessage = redact(
    String(error.apiMessage ?? body?.error?.message ?? error.message ?? "no message"),
  );
  const requestId: string | undefined = error.requestID ?? body?.request_id ?? undefined;
  const safeBody = body === undefined ? undefined : JSON.parse(redact(JSON.stringify(body)));
  const options: FFCErrorOptions = {
    ...target,
    cause: new AnthropicErrorCause(String(error.name ?? "APIError"), redact(String(error.message)), {
      ...(status !== undefined ? { status } : {}),
      ...(requestId ? { requestId } : {}),
      body: safeBody,
    }),
  };
  if (status !== undefined) options.status = status;
  if (requestId) options.requestId = requestId;
  const label = [status, type].filter((part) => part !== undefined).join(" ") || "error";
  const message = (what: string) =>
    `Anthropic ${what} (${label}): ${vendorMessage}${requestId ? ` [request id ${requestId}]` : ""}`;

  if (errorCode === "enforced_spend_limit_reached" || status === 402 || type === "billing_error") {
    return new RateLimitError(
      message("quota exhausted; waiting will not help, raise the limit or add credit"),
      {
        ...options,
        quotaExhausted: true,
      },
    );
  }
  if (status === 429 || type === "rate_limit_error") {
    const wait = retryAfterFromHeaders(error.headers);
    return new RateLimitError(message("rate limit hit"), {
      ...options,
      ...(wait !== undefined ? { retryAfterMs: wait } : {}),
    });
  }
  if (status === 401 || status === 403 || type === "authentication_error" || type === "permission_error") {
    return new AuthenticationError(
      message("refused the API key; check ANTHROPIC_API_KEY or the apiKey option"),
      options,
    );
  }
  if (status === 529 || type === "overloaded_error") {
    return new TemporaryError(message("is overloaded"), options);
  }
  if (
    (status ?? 0) >= 500 ||
    status === 408 ||
    status === 409 ||
    type === "api_error" ||
    type === "timeout_error"
  ) {
    return new TemporaryError(message("failed on its side"), options);
  }
  if ((status === 400 || type === "invalid_request_error") && contextPattern.test(vendorMessage)) {
    return new ContextLengthError(message("says the prompt does not fit the context window"), options);
  }
  if (status === 400 && quotaPattern.test(vendorMessage)) {
    // Anthropic answers 400 when a spend limit set on the organization or workspace is hit.
    return new RateLimitError(message("quota exhausted; waiting will not help"), {
      ...options,
      quotaExhausted: true,
    });
  }
  if (status === undefined && type === undefined) {
    return new TemporaryError(message("reported an unknown error"), options);
  }
  return new InvalidRequestError(message("rejected the request"), options);
}
