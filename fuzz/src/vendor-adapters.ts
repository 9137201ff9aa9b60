import {
  anthropicMessage,
  anthropicStreamEvents,
  googleResponseBody,
  googleSse,
  openaiChatChunks,
  openaiChatCompletion,
  type RecordedRequest,
  type Reply,
  type SseEvent,
} from "@ffc/testing";

/** Normalized usage of a fuzzed answer. */
export interface FuzzUsage {
  inputTokens: number;
  outputTokens: number;
}

/** How one vendor's wire looks, for building valid, broken and hostile replies. */
export interface VendorAdapter {
  name: "openai" | "anthropic" | "google";
  model: string;
  /** A whole successful response body. */
  body(text: string, usage: FuzzUsage): unknown;
  /** The SSE events of a successful stream, and the separator between events. */
  events(pieces: string[], usage: FuzzUsage): { events: SseEvent[]; separator?: string };
  /** The vendor's JSON error body. */
  errorBody(status: number, message: string): unknown;
  /** The response header that carries the request id. */
  requestIdHeader: string;
  /** A reply for requests that are not the call itself (token counting), or undefined. */
  sideReply(request: RecordedRequest): Reply | undefined;
}

export const openaiAdapter: VendorAdapter = {
  name: "openai",
  model: "gpt-4o",
  body: (text, usage) => openaiChatCompletion({ model: "gpt-4o", text, usage }),
  events: (pieces, usage) => ({ events: openaiChatChunks({ model: "gpt-4o", chunks: pieces, usage }) }),
  errorBody: (_status, message) => ({ error: { message, type: "server_error", param: null, code: null } }),
  requestIdHeader: "x-request-id",
  sideReply: () => undefined,
};

export const anthropicAdapter: VendorAdapter = {
  name: "anthropic",
  model: "claude-sonnet-4-5",
  body: (text, usage) =>
    anthropicMessage({ model: "claude-sonnet-4-5", content: [{ type: "text", text }], usage }),
  events: (pieces, usage) => ({
    events: anthropicStreamEvents(
      anthropicMessage({
        model: "claude-sonnet-4-5",
        content: [{ type: "text", text: pieces.join("") }],
        usage,
      }),
      { textChunks: pieces.length > 0 ? pieces : [""] },
    ),
  }),
  errorBody: (_status, message) => ({ type: "error", error: { type: "api_error", message } }),
  requestIdHeader: "request-id",
  sideReply: (request) =>
    request.path.includes("count_tokens") ? { kind: "json", body: { input_tokens: 40 } } : undefined,
};

export const googleAdapter: VendorAdapter = {
  name: "google",
  model: "gemini-2.5-flash",
  body: (text, usage) =>
    googleResponseBody({ parts: [{ text }], usage, model: "gemini-2.5-flash", finishReason: "STOP" }),
  events: (pieces, usage) => {
    const chunks = (pieces.length > 0 ? pieces : [""]).map((text, index, all) =>
      googleResponseBody({
        parts: [{ text }],
        model: "gemini-2.5-flash",
        ...(index === all.length - 1 ? { usage, finishReason: "STOP" } : {}),
      }),
    );
    const sse = googleSse(chunks);
    return { events: sse.events, ...(sse.separator ? { separator: sse.separator } : {}) };
  },
  errorBody: (status, message) => ({ error: { code: status, message, status: "INTERNAL" } }),
  requestIdHeader: "x-request-id",
  sideReply: (request) =>
    request.path.includes(":countTokens") ? { kind: "json", body: { totalTokens: 40 } } : undefined,
};
