import type { ScriptedErrorKind } from "../conformance/wire-adapter";
import { nextId, openaiChatChunks, responseEnvelope } from "./openai-replies";
import { numbered } from "./openai-responses-replies";
import type { JsonReply, SseReply } from "./reply";

/** Options of an OpenAI-shaped HTTP error reply. */
export interface OpenAIErrorOptions {
  /** Sets `retry-after` in seconds. */
  retryAfterSeconds?: number;
  /** Sets `retry-after-ms` (what OpenAI's own SDK reads first). */
  retryAfterMs?: number;
  /** Sets `retry-after` as an HTTP date. */
  retryAfterDate?: Date;
  /** Sets `x-request-id`; a fixed id is used when absent. */
  requestId?: string;
  /** Replaces the status the kind normally has (e.g. 502 for a server error). */
  status?: number;
  /** Replaces the vendor message. */
  message?: string;
}

const errorShapes: Record<
  ScriptedErrorKind,
  { status: number; type: string; code: string | null; message: string; param?: string }
> = {
  authentication: {
    status: 401,
    type: "invalid_request_error",
    code: "invalid_api_key",
    message:
      "Incorrect API key provided: sk-ffc-*****cdef. You can find your API key at https://platform.openai.com/account/api-keys.",
  },
  "rate-limit": {
    status: 429,
    type: "requests",
    code: "rate_limit_exceeded",
    message:
      "Rate limit reached for gpt-4o in organization org-fake on requests per min (RPM): Limit 3, Used 3, Requested 1.",
  },
  "quota-exhausted": {
    status: 429,
    type: "insufficient_quota",
    code: "insufficient_quota",
    message:
      "You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.",
  },
  overloaded: {
    status: 503,
    type: "server_error",
    code: null,
    message: "The engine is currently overloaded, please try again later",
  },
  server: {
    status: 500,
    type: "server_error",
    code: null,
    message: "The server had an error while processing your request. Sorry about that!",
  },
  "context-length": {
    status: 400,
    type: "invalid_request_error",
    code: "context_length_exceeded",
    param: "messages",
    message:
      "This model's maximum context length is 128000 tokens. However, your messages resulted in 130512 tokens. Please reduce the length of the messages.",
  },
  "invalid-request": {
    status: 400,
    type: "invalid_request_error",
    code: "decimal_below_min_value",
    param: "temperature",
    message: "Invalid 'temperature': decimal below minimum value. Expected a value >= 0, but got -1 instead.",
  },
  "not-found": {
    status: 404,
    type: "invalid_request_error",
    code: "model_not_found",
    param: "model",
    message: "The model `gpt-nonexistent` does not exist or you do not have access to it.",
  },
};

/** An HTTP error in OpenAI's envelope `{"error":{message,type,param,code}}`, with its headers. */
export function openaiErrorReply(kind: ScriptedErrorKind, options: OpenAIErrorOptions = {}): JsonReply {
  const shape = errorShapes[kind];
  const headers: Record<string, string> = { "x-request-id": options.requestId ?? "req_ffc_fake_0001" };
  if (options.retryAfterSeconds !== undefined) headers["retry-after"] = String(options.retryAfterSeconds);
  if (options.retryAfterMs !== undefined) headers["retry-after-ms"] = String(options.retryAfterMs);
  if (options.retryAfterDate !== undefined) headers["retry-after"] = options.retryAfterDate.toUTCString();
  return {
    kind: "json",
    status: options.status ?? shape.status,
    headers,
    body: {
      error: {
        message: options.message ?? shape.message,
        type: shape.type,
        param: shape.param ?? null,
        code: shape.code,
      },
    },
  };
}

/** A Chat Completions stream that starts with HTTP 200 and then sends `data: {"error": …}`. */
export function openaiChatInBandError(model: string, kind: ScriptedErrorKind = "server"): SseReply {
  const shape = errorShapes[kind];
  const [first] = openaiChatChunks({ model, chunks: [] });
  return {
    kind: "sse",
    events: [
      first!,
      {
        data: JSON.stringify({
          error: { message: shape.message, type: shape.type, param: null, code: shape.code },
        }),
      },
    ],
  };
}

/** A Responses stream that starts with HTTP 200, then sends an `error` event and `response.failed`. */
export function openaiResponsesInBandError(model: string, kind: ScriptedErrorKind = "server"): SseReply {
  const shape = errorShapes[kind];
  const id = nextId("resp");
  const inProgress = responseEnvelope({ model, id }, "in_progress", [], null);
  const error = { type: shape.type, code: shape.code ?? "server_error", message: shape.message, param: null };
  const failed = {
    ...responseEnvelope({ model, id }, "failed", [], null),
    error: { code: error.code, message: shape.message },
  };
  return {
    kind: "sse",
    events: numbered([
      { type: "response.created", response: inProgress },
      { type: "response.in_progress", response: inProgress },
      { type: "error", error },
      { type: "response.failed", response: failed },
    ]),
  };
}
