import type { ScriptedUsage } from "../conformance/wire-adapter";
import type { SseEvent } from "./reply";

/** A tool call an OpenAI reply should hold. */
export interface OpenAIScriptedToolCall {
  /** The call id the model gives (`call_…`). */
  toolCallId: string;
  toolName: string;
  /** The arguments object; sent as a JSON string like the real API. */
  input: Record<string, unknown>;
}

/** What a scripted OpenAI answer holds; every field is optional. */
export interface OpenAIScriptedAnswer {
  /** Model id reported in the response. */
  model: string;
  text?: string;
  toolCalls?: OpenAIScriptedToolCall[];
  /** Usage in FFC's normalized terms; converted to the vendor's fields. */
  usage?: ScriptedUsage;
  /** Response id; generated when absent. */
  id?: string;
}

let sequence = 0;
/** A fresh fake id such as `resp_fake000001`. */
export const nextId = (prefix: string) => `${prefix}_fake${(++sequence).toString().padStart(6, "0")}`;
const created = () => Math.floor(Date.now() / 1000);

/** Chat Completions `usage` for normalized numbers (prompt_tokens includes cached tokens). */
export function openaiChatUsage(usage: ScriptedUsage): Record<string, unknown> {
  return {
    prompt_tokens: usage.inputTokens,
    completion_tokens: usage.outputTokens,
    total_tokens: usage.inputTokens + usage.outputTokens,
    prompt_tokens_details: {
      cached_tokens: usage.cacheReadTokens ?? 0,
      audio_tokens: 0,
      ...(usage.cacheWriteTokens === undefined ? {} : { cache_write_tokens: usage.cacheWriteTokens }),
    },
    completion_tokens_details: {
      reasoning_tokens: usage.reasoningTokens ?? 0,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };
}

/** Responses API `usage` for normalized numbers (input_tokens includes cached tokens). */
export function openaiResponsesUsage(usage: ScriptedUsage): Record<string, unknown> {
  return {
    input_tokens: usage.inputTokens,
    input_tokens_details: {
      cached_tokens: usage.cacheReadTokens ?? 0,
      ...(usage.cacheWriteTokens === undefined ? {} : { cache_write_tokens: usage.cacheWriteTokens }),
    },
    output_tokens: usage.outputTokens,
    output_tokens_details: { reasoning_tokens: usage.reasoningTokens ?? 0 },
    total_tokens: usage.inputTokens + usage.outputTokens,
  };
}

/** Usage of a scripted answer that gives none. */
export const defaultUsage: ScriptedUsage = { inputTokens: 10, outputTokens: 5 };

/** A whole `chat.completion` body. */
export function openaiChatCompletion(answer: OpenAIScriptedAnswer): Record<string, unknown> {
  const toolCalls = answer.toolCalls ?? [];
  return {
    id: answer.id ?? nextId("chatcmpl"),
    object: "chat.completion",
    created: created(),
    model: answer.model,
    choices: [
      {
        index: 0,
        message: {
          role: "assistant",
          content: answer.text ?? null,
          refusal: null,
          annotations: [],
          ...(toolCalls.length > 0
            ? {
                tool_calls: toolCalls.map((call) => ({
                  id: call.toolCallId,
                  type: "function",
                  function: { name: call.toolName, arguments: JSON.stringify(call.input) },
                })),
              }
            : {}),
        },
        logprobs: null,
        finish_reason: toolCalls.length > 0 ? "tool_calls" : "stop",
      },
    ],
    usage: openaiChatUsage(answer.usage ?? defaultUsage),
    service_tier: "default",
    system_fingerprint: "fp_ffc_fake",
  };
}

/**
 * Chat Completions stream events as the API sends them: a role chunk, one chunk per text
 * piece or argument fragment, the finish chunk, a usage chunk with `choices: []` (only when
 * `includeUsage`), then `[DONE]`.
 */
export function openaiChatChunks(
  answer: OpenAIScriptedAnswer & { chunks?: string[]; argumentChunks?: number; includeUsage?: boolean },
): SseEvent[] {
  const id = answer.id ?? nextId("chatcmpl");
  const base = {
    id,
    object: "chat.completion.chunk",
    created: created(),
    model: answer.model,
    system_fingerprint: "fp_ffc_fake",
  };
  const chunk = (delta: Record<string, unknown>, finishReason: string | null = null) => ({
    data: JSON.stringify({
      ...base,
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
      usage: null,
    }),
  });
  const events: SseEvent[] = [chunk({ role: "assistant", content: "", refusal: null })];
  for (const piece of answer.chunks ?? (answer.text ? [answer.text] : []))
    events.push(chunk({ content: piece }));
  const toolCalls = answer.toolCalls ?? [];
  toolCalls.forEach((call, index) => {
    events.push(
      chunk({
        tool_calls: [
          { index, id: call.toolCallId, type: "function", function: { name: call.toolName, arguments: "" } },
        ],
      }),
    );
    for (const fragment of splitInto(JSON.stringify(call.input), answer.argumentChunks ?? 3)) {
      events.push(chunk({ tool_calls: [{ index, function: { arguments: fragment } }] }));
    }
  });
  events.push(chunk({}, toolCalls.length > 0 ? "tool_calls" : "stop"));
  if (answer.includeUsage !== false) {
    events.push({
      data: JSON.stringify({ ...base, choices: [], usage: openaiChatUsage(answer.usage ?? defaultUsage) }),
    });
  }
  events.push({ data: "[DONE]" });
  return events;
}

/** The envelope of a Responses API `response` object (internal to the OpenAI fake server). */
export function responseEnvelope(
  answer: { model: string; id?: string },
  status: string,
  output: Record<string, unknown>[],
  usage: Record<string, unknown> | null,
): Record<string, unknown> {
  return {
    id: answer.id ?? nextId("resp"),
    object: "response",
    created_at: created(),
    status,
    error: null,
    incomplete_details: null,
    model: answer.model,
    output,
    parallel_tool_calls: true,
    tool_choice: "auto",
    tools: [],
    usage,
  };
}

/** Splits a string into about `parts` consecutive pieces. */
export function splitInto(text: string, parts: number): string[] {
  const size = Math.max(1, Math.ceil(text.length / Math.max(1, parts)));
  const pieces: string[] = [];
  for (let index = 0; index < text.length; index += size) pieces.push(text.slice(index, index + size));
  return pieces;
}
