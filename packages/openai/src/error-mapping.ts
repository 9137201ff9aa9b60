import {
  AbortError,
  AuthenticationError,
  ContentFilterError,
  ContextLengthError,
  FFCError,
  type FFCErrorOptions,
  InvalidRequestError,
  RateLimitError,
  TemporaryError,
  TimeoutError,
} from "@ffc/core";
import {
  abortErrorFor,
  isNetworkFailure,
  networkFailureDetail,
  redactError,
  redactSecrets,
  retryAfterFromHeaders,
  safeCause,
} from "@ffc/core/provider";
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "openai";

/** What an error needs to know about the request that failed. */
export interface ErrorContext {
  provider: string;
  model: string;
  /** Values that must never appear in an error (the API key). */
  secrets: readonly string[];
  /** The request's signal: an aborted signal turns any failure into an AbortError. */
  signal?: AbortSignal;
}

/** The vendor's description of a failure, from an HTTP body or an in-band stream event. */
export interface VendorFailure {
  status?: number;
  code?: string | null;
  type?: string | null;
  message?: string;
  requestId?: string;
  retryAfterMs?: number;
  cause?: unknown;
}

const contextLengthPattern =
  /maximum context length|context window|context_length_exceeded|too many tokens|prompt is too long/i;

/**
 * Maps anything the SDK or the network throws to an FFC error class that policies understand.
 * The provider's one redaction point: every error it throws passes here, and leaves with none
 * of the context's secrets in its message, request id or cause.
 */
export function toFFCError(thrown: unknown, context: ErrorContext): FFCError {
  return redactError(mapError(thrown, context), context.secrets);
}

function mapError(thrown: unknown, context: ErrorContext): FFCError {
  const target = { provider: context.provider, model: context.model };
  // A caller's abort must stay an abort, never a retryable failure, whatever the SDK made of it.
  if (context.signal?.aborted) return abortErrorFor(context.signal, target);
  if (FFCError.isInstance(thrown)) return thrown;
  const cause = safeCause(thrown, context.secrets);
  if (isSdkError(thrown, APIUserAbortError)) {
    return new AbortError("The OpenAI request was aborted by its caller.", { ...target, cause });
  }
  if (isSdkError(thrown, APIConnectionTimeoutError)) {
    return new TimeoutError(
      `The OpenAI request for ${context.model} timed out (createOpenAI option "timeoutMs").`,
      {
        ...target,
        cause,
      },
    );
  }
  if (isSdkError(thrown, APIConnectionError)) {
    return new TemporaryError(
      `Could not reach the OpenAI API for ${context.model}: ${redactSecrets(networkFailureDetail(thrown), context.secrets)}.`,
      { ...target, cause },
    );
  }
  if (isSdkError(thrown, APIError)) {
    const body = (thrown.error ?? {}) as { message?: unknown };
    const failure: VendorFailure = {
      code: thrown.code ?? null,
      type: thrown.type ?? null,
      message: typeof body.message === "string" ? body.message : thrown.message,
      cause: thrown,
    };
    if (thrown.status !== undefined) failure.status = thrown.status;
    const requestId = thrown.requestID ?? undefined;
    if (requestId) failure.requestId = requestId;
    const wait = retryAfterFromHeaders(thrown.headers);
    if (wait !== undefined) failure.retryAfterMs = wait;
    return vendorError(failure, context);
  }
  if (thrown instanceof SyntaxError) {
    return new TemporaryError(
      `The OpenAI API sent a malformed response for ${context.model} (not valid JSON).`,
      {
        ...target,
        cause,
      },
    );
  }
  if (isNetworkFailure(thrown)) {
    return new TemporaryError(
      `The connection to the OpenAI API closed early for ${context.model}: ${redactSecrets(networkFailureDetail(thrown), context.secrets)}.`,
      { ...target, cause },
    );
  }
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  return new FFCError(
    `The OpenAI provider failed for ${context.model}: ${redactSecrets(message, context.secrets)}`,
    {
      ...target,
      cause,
    },
  );
}

/** Maps a failure the vendor described (HTTP error body, or an error event after HTTP 200). */
export function vendorError(failure: VendorFailure, context: ErrorContext): FFCError {
  const { status, code, type } = failure;
  const vendorMessage = redactSecrets(failure.message ?? "no message", context.secrets);
  const options: FFCErrorOptions = { provider: context.provider, model: context.model };
  if (status !== undefined) options.status = status;
  if (failure.requestId) options.requestId = failure.requestId;
  if (failure.retryAfterMs !== undefined) options.retryAfterMs = failure.retryAfterMs;
  const cause = safeCause(failure.cause, context.secrets);
  if (cause) options.cause = cause;
  const where = status === undefined ? "in the response stream" : `with HTTP ${status}`;
  const suffix = failure.requestId ? ` (request id ${failure.requestId})` : "";
  const say = (hint: string) =>
    `OpenAI failed ${where} for ${context.model}: ${vendorMessage}${suffix}${hint}`;

  if (status === 401 || status === 403 || code === "invalid_api_key") {
    return new AuthenticationError(
      say(' Check the "apiKey" option or the OPENAI_API_KEY environment variable.'),
      options,
    );
  }
  if (code === "insufficient_quota" || type === "insufficient_quota") {
    return new RateLimitError(
      say(" The account's quota is used up; add credit or raise the limit (not retried)."),
      {
        ...options,
        quotaExhausted: true,
      },
    );
  }
  if (status === 429 || code === "rate_limit_exceeded") return new RateLimitError(say(""), options);
  if (code === "content_filter" || code === "content_policy_violation")
    return new ContentFilterError(say(""), options);
  if (
    code === "context_length_exceeded" ||
    ((status === undefined || status === 400) && contextLengthPattern.test(vendorMessage))
  ) {
    return new ContextLengthError(
      say(" Shorten the prompt, lower maxTokens, or use a model with a larger window."),
      options,
    );
  }
  if (status === undefined) {
    // Errors inside a 200 stream: a rejected request says so; anything else is a vendor hiccup.
    if (type === "invalid_request_error") return new InvalidRequestError(say(""), options);
    return new TemporaryError(say(""), options);
  }
  if (status >= 500 || status === 408 || status === 409) return new TemporaryError(say(""), options);
  if (status === 404) return new InvalidRequestError(say(" Check the model name and the baseURL."), options);
  return new InvalidRequestError(say(""), options);
}

/**
 * `instanceof`, or the same class name up the prototype chain: a client passed in by the
 * caller may come from another installed copy of the openai package.
 */
function isSdkError<T extends abstract new (...args: any) => Error>(
  thrown: unknown,
  errorClass: T,
): thrown is InstanceType<T> {
  if (thrown instanceof errorClass) return true;
  for (
    let prototype = Object.getPrototypeOf(thrown ?? {});
    prototype;
    prototype = Object.getPrototypeOf(prototype)
  ) {
    if (prototype.constructor?.name === errorClass.name) return true;
  }
  return false;
}
