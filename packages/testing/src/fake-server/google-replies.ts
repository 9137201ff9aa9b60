import type { ScriptedUsage } from "../conformance/wire-adapter";
import type { JsonReply, SseEvent, SseReply } from "./reply";

/** Gemini streams separate events with CRLF CRLF and send no terminator (recorded behaviour). */
export const googleSseSeparator = "\r\n\r\n";

/** Gemini's usageMetadata for FFC-normalized usage: candidates exclude thoughts, prompt includes cache. */
export function googleUsageMetadata(usage: ScriptedUsage): Record<string, number> {
  const thoughts = usage.reasoningTokens ?? 0;
  const metadata: Record<string, number> = {
    promptTokenCount: usage.inputTokens,
    candidatesTokenCount: usage.outputTokens - thoughts,
    totalTokenCount: usage.inputTokens + usage.outputTokens,
  };
  if (usage.cacheReadTokens !== undefined) metadata.cachedContentTokenCount = usage.cacheReadTokens;
  if (usage.reasoningTokens !== undefined) metadata.thoughtsTokenCount = usage.reasoningTokens;
  return metadata;
}

/** A generateContent response body holding `parts`. */
export function googleResponseBody(options: {
  parts: Array<Record<string, unknown>>;
  usage?: ScriptedUsage;
  model: string;
  finishReason?: string;
  responseId?: string;
}): Record<string, unknown> {
  const candidate: Record<string, unknown> = { content: { parts: options.parts, role: "model" }, index: 0 };
  if (options.finishReason) candidate.finishReason = options.finishReason;
  const body: Record<string, unknown> = { candidates: [candidate] };
  if (options.usage) body.usageMetadata = googleUsageMetadata(options.usage);
  body.modelVersion = options.model;
  body.responseId = options.responseId ?? "fake-gemini-response";
  return body;
}

/** An SSE reply with Gemini's framing: `data:` lines only, CRLF CRLF between events. */
export function googleSse(chunks: unknown[], status = 200): SseReply {
  const events: SseEvent[] = chunks.map((chunk) => ({
    data: typeof chunk === "string" ? chunk : JSON.stringify(chunk),
  }));
  return { kind: "sse", status, events, separator: googleSseSeparator };
}

/** A streamed text answer: one chunk per piece, cumulative usage reaching `usage` on the last chunk. */
export function googleTextStream(options: {
  chunks: string[];
  usage: ScriptedUsage;
  model: string;
  responseId?: string;
}): SseReply {
  const { chunks, usage, model } = options;
  const thoughts = usage.reasoningTokens ?? 0;
  const candidates = usage.outputTokens - thoughts;
  const bodies = chunks.map((text, index) => {
    const last = index === chunks.length - 1;
    // Gemini repeats the running totals on every chunk; the last one is final.
    const soFar = last ? candidates : Math.floor((candidates * (index + 1)) / chunks.length);
    return googleResponseBody({
      parts: [{ text }],
      usage: { ...usage, outputTokens: thoughts + soFar },
      model,
      ...(last ? { finishReason: "STOP" } : {}),
      ...(options.responseId ? { responseId: options.responseId } : {}),
    });
  });
  return googleSse(bodies);
}

/** What a google.rpc.Status error reply may carry. */
export interface GoogleErrorOptions {
  /** Adds a google.rpc.RequestInfo detail with this id. */
  requestId?: string;
  /** Extra response headers (e.g. `retry-after` from a gateway). */
  headers?: Record<string, string>;
  /** Extra google.rpc details. */
  details?: Array<Record<string, unknown>>;
}

/** Any google.rpc.Status error: `{"error":{"code","message","status","details"}}`. */
export function googleError(
  status: number,
  rpcStatus: string,
  message: string,
  options: GoogleErrorOptions = {},
): JsonReply {
  const details = [...(options.details ?? [])];
  if (options.requestId)
    details.push({ "@type": "type.googleapis.com/google.rpc.RequestInfo", requestId: options.requestId });
  const error: Record<string, unknown> = { code: status, message, status: rpcStatus };
  if (details.length > 0) error.details = details;
  const reply: JsonReply = { kind: "json", status, body: { error } };
  if (options.headers) reply.headers = options.headers;
  return reply;
}

/** 429 RESOURCE_EXHAUSTED with a per-minute QuotaFailure and RetryInfo (as recorded). */
export function googleRateLimitError(
  options: GoogleErrorOptions & { retryDelaySeconds?: number } = {},
): JsonReply {
  const details: Array<Record<string, unknown>> = [
    {
      "@type": "type.googleapis.com/google.rpc.QuotaFailure",
      violations: [{ quotaId: "GenerateRequestsPerMinutePerProjectPerModel-FreeTier" }],
    },
  ];
  if (options.retryDelaySeconds !== undefined) {
    details.push({
      "@type": "type.googleapis.com/google.rpc.RetryInfo",
      retryDelay: `${options.retryDelaySeconds}s`,
    });
  }
  return googleError(429, "RESOURCE_EXHAUSTED", "You exceeded your current quota, please check your plan.", {
    ...options,
    details: [...details, ...(options.details ?? [])],
  });
}

/** 429 with a per-day QuotaFailure and no RetryInfo: the quota is used up for the day. */
export function googleQuotaExhaustedError(options: GoogleErrorOptions = {}): JsonReply {
  return googleError(
    429,
    "RESOURCE_EXHAUSTED",
    "You exceeded your current quota, please check your plan and billing details.",
    {
      ...options,
      details: [
        {
          "@type": "type.googleapis.com/google.rpc.QuotaFailure",
          violations: [{ quotaId: "GenerateRequestsPerDayPerProjectPerModel-FreeTier", quotaValue: "250" }],
        },
        ...(options.details ?? []),
      ],
    },
  );
}

/** 400 INVALID_ARGUMENT with ErrorInfo API_KEY_INVALID: how Gemini rejects a bad key (not 401). */
export function googleInvalidKeyError(options: GoogleErrorOptions = {}): JsonReply {
  return googleError(400, "INVALID_ARGUMENT", "API key not valid. Please pass a valid API key.", {
    ...options,
    details: [
      {
        "@type": "type.googleapis.com/google.rpc.ErrorInfo",
        reason: "API_KEY_INVALID",
        domain: "googleapis.com",
        metadata: { service: "generativelanguage.googleapis.com" },
      },
      ...(options.details ?? []),
    ],
  });
}

/** 403 PERMISSION_DENIED, e.g. a request without any key. */
export function googlePermissionDeniedError(options: GoogleErrorOptions = {}): JsonReply {
  return googleError(
    403,
    "PERMISSION_DENIED",
    "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
    options,
  );
}

/** 400 with Gemini's context-length message. */
export function googleContextLengthError(options: GoogleErrorOptions = {}): JsonReply {
  return googleError(
    400,
    "INVALID_ARGUMENT",
    "The input token count (3475108) exceeds the maximum number of tokens allowed (1048576).",
    options,
  );
}

/** 404 NOT_FOUND for an unknown model. */
export function googleModelNotFoundError(model: string, options: GoogleErrorOptions = {}): JsonReply {
  return googleError(
    404,
    "NOT_FOUND",
    `models/${model} is not found for API version v1beta, or is not supported for generateContent. Call ListModels to see the list of available models and their supported methods.`,
    options,
  );
}

/** 500 INTERNAL, 503 UNAVAILABLE (Gemini's "overloaded") or 504 DEADLINE_EXCEEDED. */
export function googleServerError(
  status: 500 | 503 | 504 = 500,
  options: GoogleErrorOptions = {},
): JsonReply {
  if (status === 503)
    return googleError(503, "UNAVAILABLE", "The model is overloaded. Please try again later.", options);
  if (status === 504)
    return googleError(
      504,
      "DEADLINE_EXCEEDED",
      "Deadline expired before operation could complete.",
      options,
    );
  return googleError(
    500,
    "INTERNAL",
    "An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting",
    options,
  );
}

/** HTTP 200, one text chunk, then an error chunk in band (as Gemini sends a failure mid-stream). */
export function googleInBandError(options: {
  model: string;
  status?: number;
  rpcStatus?: string;
  message?: string;
}): SseReply {
  const first = googleResponseBody({ parts: [{ text: "Partial " }], model: options.model });
  const error = {
    error: {
      code: options.status ?? 503,
      message: options.message ?? "The model is overloaded. Please try again later.",
      status: options.rpcStatus ?? "UNAVAILABLE",
    },
  };
  return googleSse([first, error]);
}
