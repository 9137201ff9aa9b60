import type { ScriptedUsage } from "../conformance/wire-adapter";
import type { JsonReply, SseEvent, SseReply } from "./reply";

/** A content block of an Anthropic Messages response, as the wire carries it. */
export type AnthropicContentBlock =
  | { type: "text"; text: string }
  | { type: "thinking"; thinking: string; signature: string }
  | { type: "redacted_thinking"; data: string }
  | { type: "tool_use"; id: string; name: string; input: Record<string, unknown> };

/** What `anthropicMessage` needs to build a response body. */
export interface AnthropicMessageOptions {
  /** Model the fake vendor reports, e.g. "claude-sonnet-4-5-20250929". */
  model: string;
  content: AnthropicContentBlock[];
  /** Normalized usage; it is split into Anthropic's fields (input excludes cache reads and writes). */
  usage: ScriptedUsage;
  /** The wire `stop_reason`; default "end_turn", or "tool_use" when a tool call is present. */
  stopReason?: string;
  /** Message id; default a fresh `msg_fake_…`. */
  id?: string;
}

let sequence = 0;

/** A new id with the vendor's prefix, unique within the process. */
export function anthropicId(prefix: "msg" | "toolu" | "req"): string {
  sequence += 1;
  return `${prefix}_fake_${Date.now().toString(36)}${sequence.toString(36).padStart(4, "0")}`;
}

/**
 * Anthropic's usage object for normalized numbers: the wire `input_tokens` excludes cache
 * reads and writes, and thinking tokens are broken out of `output_tokens` in
 * `output_tokens_details`.
 */
export function anthropicUsage(usage: ScriptedUsage): Record<string, unknown> {
  const cacheRead = usage.cacheReadTokens ?? 0;
  const cacheWrite = usage.cacheWriteTokens ?? 0;
  const wire: Record<string, unknown> = {
    input_tokens: usage.inputTokens - cacheRead - cacheWrite,
    cache_creation_input_tokens: cacheWrite,
    cache_read_input_tokens: cacheRead,
    cache_creation: { ephemeral_5m_input_tokens: cacheWrite, ephemeral_1h_input_tokens: 0 },
    output_tokens: usage.outputTokens,
    service_tier: "standard",
  };
  if (usage.reasoningTokens !== undefined)
    wire.output_tokens_details = { thinking_tokens: usage.reasoningTokens };
  return wire;
}

/** A whole Messages API response body. */
export function anthropicMessage(options: AnthropicMessageOptions): Record<string, unknown> {
  const hasToolCall = options.content.some((block) => block.type === "tool_use");
  return {
    model: options.model,
    id: options.id ?? anthropicId("msg"),
    type: "message",
    role: "assistant",
    content: options.content,
    stop_reason: options.stopReason ?? (hasToolCall ? "tool_use" : "end_turn"),
    stop_sequence: null,
    usage: anthropicUsage(options.usage),
  };
}

/** A 200 JSON reply carrying a message, with the `request-id` header the vendor always sends. */
export function anthropicMessageReply(options: AnthropicMessageOptions): JsonReply {
  return {
    kind: "json",
    status: 200,
    body: anthropicMessage(options),
    headers: { "request-id": anthropicId("req") },
  };
}

/** How `anthropicStreamEvents` splits a message into events. */
export interface AnthropicStreamOptions {
  /** Text of each text block split into these pieces (one delta each); default: word by word. */
  textChunks?: string[];
  /** Characters per `input_json_delta` fragment of a tool call; default 8. */
  argumentsChunkSize?: number;
}

/**
 * The SSE events the vendor sends for a message: `message_start` (output_tokens 1, content
 * empty), a block start, deltas and stop per block, `message_delta` with the stop reason and
 * the cumulative usage, `message_stop`. Pings are sprinkled in as the real API does.
 */
export function anthropicStreamEvents(
  message: Record<string, any>,
  options: AnthropicStreamOptions = {},
): SseEvent[] {
  const events: SseEvent[] = [];
  const push = (data: Record<string, unknown>) =>
    events.push({ event: String(data.type), data: JSON.stringify(data) });
  const ping = () => events.push({ event: "ping", data: '{"type": "ping"}' });
  const usage = message.usage as Record<string, unknown>;
  push({
    type: "message_start",
    message: {
      ...message,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { ...usage, output_tokens: 1 },
    },
  });
  (message.content as AnthropicContentBlock[]).forEach((block, index) => {
    const delta = (value: Record<string, unknown>) =>
      push({ type: "content_block_delta", index, delta: value });
    switch (block.type) {
      case "text":
        push({ type: "content_block_start", index, content_block: { type: "text", text: "" } });
        if (index === 0) ping();
        for (const piece of options.textChunks ?? splitWords(block.text))
          delta({ type: "text_delta", text: piece });
        break;
      case "thinking":
        push({
          type: "content_block_start",
          index,
          content_block: { type: "thinking", thinking: "", signature: "" },
        });
        if (index === 0) ping();
        for (const piece of splitWords(block.thinking)) delta({ type: "thinking_delta", thinking: piece });
        // The vendor sends an empty thinking delta right before the signature.
        delta({ type: "thinking_delta", thinking: "" });
        delta({ type: "signature_delta", signature: block.signature });
        break;
      case "redacted_thinking":
        push({ type: "content_block_start", index, content_block: block });
        break;
      case "tool_use": {
        push({ type: "content_block_start", index, content_block: { ...block, input: {} } });
        delta({ type: "input_json_delta", partial_json: "" });
        const json = JSON.stringify(block.input);
        const size = options.argumentsChunkSize ?? 8;
        for (let offset = 0; offset < json.length && json !== "{}"; offset += size) {
          delta({ type: "input_json_delta", partial_json: json.slice(offset, offset + size) });
          ping();
        }
        break;
      }
    }
    push({ type: "content_block_stop", index });
  });
  push({
    type: "message_delta",
    delta: { stop_reason: message.stop_reason, stop_sequence: message.stop_sequence ?? null },
    usage: {
      input_tokens: usage.input_tokens,
      cache_creation_input_tokens: usage.cache_creation_input_tokens,
      cache_read_input_tokens: usage.cache_read_input_tokens,
      output_tokens: usage.output_tokens,
      ...(usage.output_tokens_details ? { output_tokens_details: usage.output_tokens_details } : {}),
    },
  });
  push({ type: "message_stop" });
  return events;
}

/** A 200 SSE reply streaming a message. */
export function anthropicStreamReply(options: AnthropicMessageOptions & AnthropicStreamOptions): SseReply {
  return {
    kind: "sse",
    status: 200,
    headers: { "request-id": anthropicId("req") },
    events: anthropicStreamEvents(anthropicMessage(options), options),
  };
}

function splitWords(text: string): string[] {
  const pieces = text.match(/\S+\s*|\s+/g);
  return pieces ?? [text];
}
