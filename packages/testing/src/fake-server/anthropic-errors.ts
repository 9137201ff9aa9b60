import type { ScriptedErrorKind } from "../conformance/wire-adapter";
import { anthropicId, anthropicMessage } from "./anthropic-messages";
import type { JsonReply, SseReply } from "./reply";

/** Failures the fake Anthropic server can answer with, beyond the shared conformance kinds. */
export type AnthropicErrorKind = ScriptedErrorKind | "permission" | "billing" | "unavailable" | "timeout";

/** Options of an Anthropic error reply. */
export interface AnthropicErrorOptions {
  /** Sets `retry-after` in seconds (what Anthropic sends on 429). */
  retryAfterSeconds?: number;
  /** Sets `retry-after-ms` (honoured by the SDKs; some gateways send it). */
  retryAfterMs?: number;
  /** Sets `retry-after` to an HTTP date instead of seconds. */
  retryAfterDate?: Date;
  /** The `request-id` header and body field; default a fresh `req_fake_…`. */
  requestId?: string;
  /** Replaces the vendor's message text. */
  message?: string;
}

const shapes: Record<
  AnthropicErrorKind,
  { status: number; type: string; message: string; details?: object }
> = {
  authentication: { status: 401, type: "authentication_error", message: "invalid x-api-key" },
  permission: {
    status: 403,
    type: "permission_error",
    message: "Your API key does not have permission to use the specified resource.",
  },
  billing: {
    status: 402,
    type: "billing_error",
    message: "Your credit balance is too low to access the Anthropic API.",
  },
  "rate-limit": {
    status: 429,
    type: "rate_limit_error",
    message:
      "Number of request tokens has exceeded your per-minute rate limit (https://docs.anthropic.com/en/api/rate-limits); see the response headers for current usage.",
  },
  "quota-exhausted": {
    status: 429,
    type: "rate_limit_error",
    message: "You have reached your monthly spend limit for this tier.",
    details: { error_code: "enforced_spend_limit_reached" },
  },
  overloaded: { status: 529, type: "overloaded_error", message: "Overloaded" },
  server: { status: 500, type: "api_error", message: "Internal server error" },
  unavailable: { status: 503, type: "api_error", message: "Service unavailable" },
  timeout: { status: 504, type: "timeout_error", message: "Request timed out" },
  "context-length": {
    status: 400,
    type: "invalid_request_error",
    message: "prompt is too long: 208310 tokens > 200000 maximum",
  },
  "invalid-request": { status: 400, type: "invalid_request_error", message: "max_tokens: Field required" },
  "not-found": { status: 404, type: "not_found_error", message: "model: claude-does-not-exist" },
};

/** The vendor's error envelope: `{"type":"error","error":{"type","message"},"request_id"}`. */
export function anthropicErrorBody(
  type: string,
  message: string,
  requestId?: string,
  details?: object,
): object {
  const error: Record<string, unknown> = { type, message };
  if (details) error.details = details;
  return { type: "error", error, ...(requestId ? { request_id: requestId } : {}) };
}

/**
 * An HTTP error in Anthropic's shape, with the `request-id` header and retry hints:
 * 401 authentication_error, 403 permission_error, 402 billing_error, 429 rate_limit_error
 * (quota-exhausted carries `details.error_code: "enforced_spend_limit_reached"` and no
 * retry-after), 500 api_error, 503, 504 timeout_error, 529 overloaded_error, 400 prompt too
 * long (context-length) or another invalid_request_error, 404 not_found_error.
 */
export function anthropicErrorReply(
  kind: AnthropicErrorKind,
  options: AnthropicErrorOptions = {},
): JsonReply {
  const shape = shapes[kind];
  const requestId = options.requestId ?? anthropicId("req");
  const headers: Record<string, string> = { "request-id": requestId };
  if (options.retryAfterSeconds !== undefined) headers["retry-after"] = String(options.retryAfterSeconds);
  if (options.retryAfterDate !== undefined) headers["retry-after"] = options.retryAfterDate.toUTCString();
  if (options.retryAfterMs !== undefined) headers["retry-after-ms"] = String(options.retryAfterMs);
  if (kind === "rate-limit" && headers["retry-after"] === undefined && options.retryAfterMs === undefined) {
    headers["retry-after"] = "1";
  }
  return {
    kind: "json",
    status: shape.status,
    headers,
    body: anthropicErrorBody(shape.type, options.message ?? shape.message, requestId, shape.details),
  };
}

/** Options of a stream that fails in band. */
export interface AnthropicStreamErrorOptions {
  model: string;
  /** The in-band `error.type`; default "overloaded_error". */
  type?: string;
  message?: string;
  /** Text deltas sent before the error; default none. */
  textBefore?: string[];
}

/**
 * HTTP 200, a `message_start` (and optional text), then `event: error` with the vendor's
 * envelope: how Anthropic reports overload and other failures after a stream has begun.
 */
export function anthropicStreamErrorReply(options: AnthropicStreamErrorOptions): SseReply {
  const message = anthropicMessage({
    model: options.model,
    content: [],
    usage: { inputTokens: 10, outputTokens: 1 },
  });
  const events: SseReply["events"] = [
    {
      event: "message_start",
      data: JSON.stringify({ type: "message_start", message: { ...message, stop_reason: null } }),
    },
    { event: "ping", data: '{"type": "ping"}' },
  ];
  if (options.textBefore) {
    events.push({
      event: "content_block_start",
      data: JSON.stringify({
        type: "content_block_start",
        index: 0,
        content_block: { type: "text", text: "" },
      }),
    });
    for (const text of options.textBefore) {
      events.push({
        event: "content_block_delta",
        data: JSON.stringify({ type: "content_block_delta", index: 0, delta: { type: "text_delta", text } }),
      });
    }
  }
  const type = options.type ?? "overloaded_error";
  const body = { type: "error", error: { details: null, type, message: options.message ?? "Overloaded" } };
  events.push({ event: "error", data: JSON.stringify(body) });
  return { kind: "sse", status: 200, headers: { "request-id": anthropicId("req") }, events };
}
