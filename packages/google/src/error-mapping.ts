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
import { isNetworkFailure, redactError, redactSecrets, safeCause } from "@ffc/core/provider";
import { retryAfterMs } from "./retry-after";
import type { GeminiErrorBody } from "./wire-types";

/** What the error mapper knows about the failed attempt. */
export interface ErrorContext {
  provider: string;
  model: string;
  /** Strings that must never appear in an error (the API key). */
  secrets: readonly (string | undefined)[];
  /** The caller's abort signal. */
  signal?: AbortSignal | undefined;
  /** True when the provider's own `timeoutMs` ended the request. */
  timedOut?: () => boolean;
  timeoutMs?: number | undefined;
  /** Headers of the HTTP response, when the transport could see them. */
  headers?: Headers | undefined;
  /** Status of the HTTP response, when the transport could see it. */
  responseStatus?: number | undefined;
}

// The SDK's own wrappers of a transport failure; the codes and messages common to every provider are core's.
const networkMessage = /Error fetching from|Error reading from the stream/i;
const malformedMessage =
  /Unexpected token|is not valid JSON|JSON at position|exception parsing stream chunk|Incomplete JSON segment|Error parsing JSON response|Failed to parse stream/i;

/**
 * Maps anything the SDKs throw to an FFC error. The provider's one redaction point (with
 * mapErrorBody): every error leaves without the context's secrets (keys, header values).
 */
export function mapError(thrown: unknown, context: ErrorContext): FFCError {
  return redactError(mapThrown(thrown, context), context.secrets);
}

function mapThrown(thrown: unknown, context: ErrorContext): FFCError {
  if (FFCError.isInstance(thrown)) return thrown;
  const base = (): FFCErrorOptions => ({
    provider: context.provider,
    model: context.model,
    cause: safeCause(thrown, context.secrets),
  });
  if (context.signal?.aborted)
    return new AbortError(`The Gemini request for ${context.model} was aborted by its caller.`, base());
  if (context.timedOut?.()) {
    return new TimeoutError(
      `The Gemini request for ${context.model} took longer than timeoutMs (${context.timeoutMs} ms).`,
      base(),
    );
  }
  const http = httpFailure(thrown);
  if (http) return mapErrorBody(http.body, http.status, context, thrown);
  const text = messageChain(thrown);
  if (
    chainHas(
      thrown,
      (error) => error.name === "AbortError" || /AbortError/.test(error.constructor?.name ?? ""),
    )
  ) {
    return new AbortError(`The Gemini request for ${context.model} was aborted.`, base());
  }
  if (malformedMessage.test(text) || chainHas(thrown, (error) => error instanceof SyntaxError)) {
    return new TemporaryError(
      `Gemini sent a malformed response for ${context.model} (${redact(firstLine(text), context)}). Retrying may help.`,
      base(),
    );
  }
  if (networkMessage.test(text) || isNetworkFailure(thrown)) {
    return new TemporaryError(
      `The connection to Gemini failed for ${context.model} (${redact(firstLine(text), context)}). Retrying may help.`,
      base(),
    );
  }
  // Gemini answered 2xx, yet reading the answer failed (a null, empty or garbled body): the
  // response was malformed, a vendor hiccup worth retrying, as OpenAI and Anthropic treat it.
  const answeredOk =
    context.responseStatus !== undefined && context.responseStatus >= 200 && context.responseStatus < 300;
  if (answeredOk) {
    return new TemporaryError(
      `Gemini answered HTTP ${context.responseStatus} for ${context.model} with a body that is not a valid response (null, empty, truncated or not JSON). Retrying may help.`,
      base(),
    );
  }
  return new InvalidRequestError(
    `The Gemini SDK rejected the request for ${context.model}: ${redact(firstLine(text), context)}`,
    base(),
  );
}

/**
 * Maps a google.rpc.Status error body (from an HTTP error or an error chunk after HTTP 200).
 * Quota rule: a 429 without RetryInfo whose QuotaFailure names a per-day quota (quotaId
 * containing "PerDay") or a quota of 0 means the quota is exhausted: waiting will not help.
 */
export function mapErrorBody(
  body: GeminiErrorBody,
  httpStatus: number | undefined,
  context: ErrorContext,
  cause?: unknown,
): FFCError {
  return redactError(mapBody(body, httpStatus, context, cause), context.secrets);
}

function mapBody(
  body: GeminiErrorBody,
  httpStatus: number | undefined,
  context: ErrorContext,
  cause?: unknown,
): FFCError {
  const status = httpStatus ?? body.code;
  const details = Array.isArray(body.details) ? body.details : [];
  const requestId = requestIdOf(details, context.headers);
  const vendorMessage = redact(body.message ?? "no message", context);
  const options: FFCErrorOptions = { provider: context.provider, model: context.model };
  if (status !== undefined) options.status = status;
  if (requestId) options.requestId = requestId;
  options.cause = safeCause(cause ?? body, context.secrets);
  const where = `Gemini ${status ?? "error"}${body.status ? ` ${body.status}` : ""} for ${context.model}${requestId ? ` (request ${requestId})` : ""}`;
  const reasons = details.map((detail) => String(detail.reason ?? "")).filter(Boolean);

  if (
    status === 401 ||
    status === 403 ||
    reasons.includes("API_KEY_INVALID") ||
    /API key (not valid|expired|invalid)/i.test(vendorMessage)
  ) {
    return new AuthenticationError(
      `${where}: ${vendorMessage} Check the API key (the "apiKey" option, or GEMINI_API_KEY / GOOGLE_API_KEY).`,
      options,
    );
  }
  if (status === 429 || body.status === "RESOURCE_EXHAUSTED") {
    const waitMs = retryAfterMs(details, context.headers);
    const exhausted = waitMs === undefined && quotaExhausted(details);
    if (waitMs !== undefined) options.retryAfterMs = waitMs;
    const advice = exhausted
      ? " The quota is used up; waiting will not help. Check the plan and billing, or use another model or key."
      : waitMs !== undefined
        ? ` Gemini asks to wait ${waitMs} ms.`
        : "";
    return new RateLimitError(`${where}: ${vendorMessage}${advice}`, {
      ...options,
      quotaExhausted: exhausted,
    });
  }
  if (
    /input token count.*exceeds the maximum|exceeds the maximum number of tokens|context (window|length)/i.test(
      vendorMessage,
    )
  ) {
    return new ContextLengthError(
      `${where}: ${vendorMessage} Shorten the input or choose a model with a larger context window.`,
      options,
    );
  }
  if (status === undefined || status >= 500 || status === 408 || status === 409) {
    const waitMs = retryAfterMs(details, context.headers);
    if (waitMs !== undefined) options.retryAfterMs = waitMs;
    return new TemporaryError(`${where}: ${vendorMessage} Retrying may help.`, options);
  }
  const advice = status === 404 ? " Check the model id." : "";
  return new InvalidRequestError(`${where}: ${vendorMessage}${advice}`, options);
}

function quotaExhausted(details: readonly Record<string, unknown>[]): boolean {
  for (const detail of details) {
    if (!String(detail["@type"] ?? "").endsWith("google.rpc.QuotaFailure")) continue;
    const violations = Array.isArray(detail.violations)
      ? (detail.violations as Record<string, unknown>[])
      : [];
    for (const violation of violations) {
      if (/PerDay/i.test(String(violation.quotaId ?? violation.quotaMetric ?? ""))) return true;
      if (String(violation.quotaValue ?? "") === "0") return true;
    }
  }
  return false;
}

function requestIdOf(
  details: readonly Record<string, unknown>[],
  headers: Headers | undefined,
): string | undefined {
  const info = details.find((detail) => String(detail["@type"] ?? "").endsWith("google.rpc.RequestInfo"));
  if (typeof info?.requestId === "string" && info.requestId) return info.requestId;
  return headers?.get("x-request-id") ?? headers?.get("x-goog-request-id") ?? undefined;
}

/** The status and google.rpc.Status body of an SDK's HTTP error, if it is one. */
function httpFailure(thrown: unknown): { status: number; body: GeminiErrorBody } | undefined {
  if (typeof thrown !== "object" || thrown === null) return undefined;
  const status = (thrown as { status?: unknown }).status;
  if (typeof status !== "number") return undefined;
  const message = String((thrown as Error).message ?? "");
  const legacyDetails = (thrown as { errorDetails?: unknown }).errorDetails;
  const parsed = parseErrorJson(message);
  if (parsed) return { status, body: parsed };
  // @google/generative-ai: "[GoogleGenerativeAI Error]: Error fetching from <url>: [429 Too Many Requests] <message> <details>"
  let vendorMessage = /\[\d{3}[^\]]*\]\s*(.*)$/s.exec(message)?.[1] ?? message;
  if (Array.isArray(legacyDetails))
    vendorMessage = vendorMessage.replace(JSON.stringify(legacyDetails), "").trim();
  const body: GeminiErrorBody = { code: status, message: vendorMessage };
  if (Array.isArray(legacyDetails)) body.details = legacyDetails;
  return { status, body };
}

/** @google/genai puts the JSON body in the message (after "got status: X. " for stream errors). */
function parseErrorJson(message: string): GeminiErrorBody | undefined {
  const start = message.search(/[[{]/);
  if (start < 0) return undefined;
  try {
    let parsed = JSON.parse(message.slice(start));
    if (Array.isArray(parsed)) parsed = parsed[0];
    const error = parsed?.error;
    if (typeof error === "object" && error !== null) return error as GeminiErrorBody;
    if (typeof error === "string") return { message: error };
  } catch {
    // Not JSON: the caller falls back to the raw text.
  }
  return undefined;
}

function chainHas(thrown: unknown, test: (error: Error) => boolean): boolean {
  let current: unknown = thrown;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    if (test(current)) return true;
    current = current.cause;
  }
  return false;
}

function messageChain(thrown: unknown): string {
  const messages: string[] = [];
  let current: unknown = thrown;
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth += 1) {
    messages.push(current instanceof Error ? current.message : String(current));
    current = current instanceof Error ? current.cause : undefined;
  }
  return messages.join(": ");
}

function firstLine(text: string): string {
  const line = text.split("\n")[0] ?? "";
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}

function redact(text: string, context: ErrorContext): string {
  return redactSecrets(text, context.secrets);
}
