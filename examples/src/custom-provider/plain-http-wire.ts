import type { JsonReply, ScriptedErrorKind, ScriptedUsage, SseReply, WireAdapter } from "@ffc/testing";

/** The usage block of the plain wire. */
function wireUsage(usage: ScriptedUsage) {
  return {
    prompt: usage.inputTokens,
    completion: usage.outputTokens,
    cached: usage.cacheReadTokens,
    reasoning: usage.reasoningTokens,
  };
}

const errorShapes: Record<ScriptedErrorKind, { status: number; type: string }> = {
  authentication: { status: 401, type: "unauthorized" },
  "rate-limit": { status: 429, type: "rate_limited" },
  "quota-exhausted": { status: 429, type: "quota_exceeded" },
  overloaded: { status: 503, type: "overloaded" },
  server: { status: 500, type: "server_error" },
  "context-length": { status: 400, type: "context_length_exceeded" },
  "invalid-request": { status: 400, type: "invalid_request" },
  "not-found": { status: 404, type: "model_not_found" },
};

/**
 * Replies in the plain wire's shape, so that @ffc/testing's conformance checks can drive the
 * custom provider exactly as they drive the OpenAI, Anthropic and Gemini ones.
 */
export const plainHttpWireAdapter: WireAdapter = {
  name: "plain-http",
  text: ({ text, usage, model }): JsonReply => ({
    kind: "json",
    body: { id: "resp_1", model, output: text, finish: "stop", usage: wireUsage(usage) },
  }),
  textStream: ({ chunks, usage, model }): SseReply => ({
    kind: "sse",
    events: [
      ...chunks.map((delta) => ({ data: JSON.stringify({ delta }) })),
      { data: JSON.stringify({ done: true, finish: "stop", model, usage: wireUsage(usage) }) },
    ],
  }),
  toolCall: ({ toolCallId, toolName, input, usage, model }): JsonReply => ({
    kind: "json",
    body: {
      id: "resp_2",
      model,
      output: "",
      tool_calls: [{ id: toolCallId, name: toolName, arguments: JSON.stringify(input) }],
      finish: "tool",
      usage: wireUsage(usage),
    },
  }),
  toolCallStream: ({ toolCallId, toolName, input, usage, model }): SseReply => ({
    kind: "sse",
    events: [
      {
        data: JSON.stringify({
          tool_call: { id: toolCallId, name: toolName, arguments: JSON.stringify(input) },
        }),
      },
      { data: JSON.stringify({ done: true, finish: "tool", model, usage: wireUsage(usage) }) },
    ],
  }),
  error: (kind, options = {}): JsonReply => {
    const shape = errorShapes[kind];
    return {
      kind: "json",
      status: shape.status,
      headers: {
        ...(options.retryAfterSeconds ? { "retry-after": String(options.retryAfterSeconds) } : {}),
        ...(options.requestId ? { "x-request-id": options.requestId } : {}),
      },
      body: { error: { type: shape.type, message: `scripted ${kind}` } },
    };
  },
  inBandError: (): SseReply => ({
    kind: "sse",
    events: [
      { data: JSON.stringify({ delta: "Hel" }) },
      { data: JSON.stringify({ error: { type: "overloaded", message: "busy" } }) },
    ],
  }),
  readPrompt: (body) => ({
    system: body.messages.find((message: { role: string }) => message.role === "system")?.text,
    user: body.messages
      .filter((message: { role: string }) => message.role === "user")
      .map((message: { text: string }) => message.text),
  }),
};
