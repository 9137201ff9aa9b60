import { type StreamPart, TemporaryError, type Usage } from "@ffc/core";
import { type ErrorContext, toFFCError } from "./error-mapping";
import { chatFinishReason } from "./finish-reason";
import type { OpenedStream } from "./opened-stream";
import { parseToolArguments } from "./tool-arguments";
import { chatUsage } from "./usage";

interface PendingToolCall {
  toolCallId: string;
  toolName: string;
  arguments: string;
}

/**
 * FFC stream parts from Chat Completions chunks: text and reasoning deltas as they come,
 * tool-call argument fragments as `tool-call-delta` parts (assembled by their `index`, since
 * the id and name arrive only with the first fragment), whole `tool-call` parts once the
 * choice finishes, and exactly one `finish` part with the usage of the last chunk.
 */
export async function* chatStreamParts(
  open: () => Promise<OpenedStream>,
  contextOf: () => ErrorContext,
): AsyncGenerator<StreamPart> {
  try {
    const opened = await open();
    const context = contextOf();
    const toolCalls = new Map<number, PendingToolCall>();
    let rawFinishReason: string | undefined;
    let usage: Usage | undefined;
    let model: string | undefined;
    let responseId: string | undefined;
    let sawContent = false;
    let refused = false;

    for await (const chunk of opened.events) {
      if (typeof chunk?.model === "string" && chunk.model) model = chunk.model;
      if (typeof chunk?.id === "string" && chunk.id) responseId = chunk.id;
      if (chunk?.usage) usage = chatUsage(chunk.usage);
      const choice = chunk?.choices?.[0];
      if (!choice) continue;
      const delta = choice.delta ?? {};
      const reasoning = delta.reasoning_content ?? delta.reasoning;
      if (typeof reasoning === "string" && reasoning.length > 0)
        yield { type: "reasoning-delta", text: reasoning };
      if (typeof delta.content === "string" && delta.content.length > 0) {
        sawContent = true;
        yield { type: "text-delta", text: delta.content };
      }
      if (typeof delta.refusal === "string" && delta.refusal.length > 0) {
        refused = true;
        yield { type: "text-delta", text: delta.refusal };
      }
      for (const fragment of delta.tool_calls ?? []) {
        const index = typeof fragment.index === "number" ? fragment.index : toolCalls.size;
        let call = toolCalls.get(index);
        if (!call) {
          call = {
            toolCallId: String(fragment.id ?? `call_${index}`),
            toolName: String(fragment.function?.name ?? ""),
            arguments: "",
          };
          toolCalls.set(index, call);
        } else if (fragment.function?.name && !call.toolName) {
          call.toolName = String(fragment.function.name);
        }
        const argumentsDelta = fragment.function?.arguments;
        if (typeof argumentsDelta === "string" && argumentsDelta.length > 0) {
          call.arguments += argumentsDelta;
          yield {
            type: "tool-call-delta",
            toolCallId: call.toolCallId,
            toolName: call.toolName,
            argumentsDelta,
          };
        }
      }
      if (typeof choice.finish_reason === "string") rawFinishReason = choice.finish_reason;
    }

    if (rawFinishReason === undefined) {
      // The connection closed early (or the caller aborted: the SDK then ends the stream quietly,
      // and the provider turns this error into an AbortError because the signal is aborted).
      throw new TemporaryError(
        `The OpenAI stream for ${context.model} ended before the model finished (no finish_reason); the response is incomplete.`,
        { provider: context.provider, model: context.model },
      );
    }
    for (const call of toolCalls.values()) {
      yield {
        type: "tool-call",
        toolCall: {
          toolCallId: call.toolCallId,
          toolName: call.toolName,
          input: parseToolArguments(call.arguments),
        },
      };
    }
    // Servers that ignore stream_options.include_usage send no usage chunk at all.
    const finishUsage = usage ?? { inputTokens: 0, outputTokens: 0, totalTokens: 0 };
    yield opened.finish({
      type: "finish",
      finishReason: refused && !sawContent ? "content-filter" : chatFinishReason(rawFinishReason),
      rawFinishReason,
      usage: finishUsage,
      ...(model ? { model } : {}),
      ...(responseId ? { responseId } : {}),
    });
  } catch (thrown) {
    throw toFFCError(thrown, contextOf());
  }
}
