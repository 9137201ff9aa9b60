import { type StreamPart, TemporaryError } from "@ffc/core";
import { type ErrorContext, toFFCError, vendorError } from "./error-mapping";
import { responsesFinishReason } from "./finish-reason";
import type { OpenedStream } from "./opened-stream";
import { parseToolArguments } from "./tool-arguments";
import { responsesUsage } from "./usage";

interface PendingToolCall {
  toolCallId: string;
  toolName: string;
  arguments: string;
  emitted: boolean;
}

/**
 * FFC stream parts from Responses API events. Text, refusal and reasoning deltas pass
 * through; function-call arguments stream as `tool-call-delta` parts keyed by the item id and
 * become a `tool-call` part when their item is done. `response.completed` or
 * `response.incomplete` ends the stream with one `finish` part holding the usage; an `error`
 * event or `response.failed` becomes the typed error for its code.
 */
export async function* responsesStreamParts(
  open: () => Promise<OpenedStream>,
  contextOf: () => ErrorContext,
): AsyncGenerator<StreamPart> {
  try {
    const opened = await open();
    const context = contextOf();
    const toolCalls = new Map<string, PendingToolCall>();
    let refused = false;
    let sawText = false;

    for await (const event of opened.events) {
      switch (event?.type) {
        case "response.output_text.delta":
          if (event.delta) {
            sawText = true;
            yield { type: "text-delta", text: String(event.delta) };
          }
          break;
        case "response.refusal.delta":
          if (event.delta) {
            refused = true;
            yield { type: "text-delta", text: String(event.delta) };
          }
          break;
        case "response.reasoning_summary_part.added":
          // Summaries are joined with a blank line, as in the non-streamed result.
          if (typeof event.summary_index === "number" && event.summary_index > 0)
            yield { type: "reasoning-delta", text: "\n\n" };
          break;
        case "response.reasoning_summary_text.delta":
        case "response.reasoning_text.delta":
          if (event.delta) yield { type: "reasoning-delta", text: String(event.delta) };
          break;
        case "response.output_item.added":
          if (event.item?.type === "function_call") {
            toolCalls.set(String(event.item.id), {
              toolCallId: String(event.item.call_id),
              toolName: String(event.item.name),
              arguments: "",
              emitted: false,
            });
          }
          break;
        case "response.function_call_arguments.delta": {
          const call = toolCalls.get(String(event.item_id));
          if (call && event.delta) {
            call.arguments += String(event.delta);
            yield {
              type: "tool-call-delta",
              toolCallId: call.toolCallId,
              toolName: call.toolName,
              argumentsDelta: String(event.delta),
            };
          }
          break;
        }
        case "response.output_item.done":
          if (event.item?.type === "function_call") {
            const call = toolCalls.get(String(event.item.id));
            const argumentsText =
              typeof event.item.arguments === "string" ? event.item.arguments : (call?.arguments ?? "");
            if (call) call.emitted = true;
            yield {
              type: "tool-call",
              toolCall: {
                toolCallId: String(event.item.call_id ?? call?.toolCallId),
                toolName: String(event.item.name ?? call?.toolName),
                input: parseToolArguments(argumentsText),
              },
            };
          }
          break;
        case "response.completed":
        case "response.incomplete": {
          const response = event.response ?? {};
          const hasToolCalls =
            toolCalls.size > 0 || (response.output ?? []).some((item: any) => item?.type === "function_call");
          const { finishReason, raw } = responsesFinishReason(response, hasToolCalls);
          yield opened.finish({
            type: "finish",
            finishReason: refused && !sawText && !hasToolCalls ? "content-filter" : finishReason,
            rawFinishReason: raw,
            usage: responsesUsage(response.usage),
            ...(typeof response.model === "string" ? { model: response.model } : {}),
            ...(typeof response.id === "string" ? { responseId: response.id } : {}),
          });
          return;
        }
        case "response.failed":
          throw vendorError(
            {
              code: event.response?.error?.code,
              message: event.response?.error?.message ?? "the response failed",
            },
            context,
          );
        case "error":
          // The flat shape of the docs ({code, message}) and the nested one seen in recordings ({error: {...}}).
          throw vendorError(
            {
              code: event.error?.code ?? event.code,
              type: event.error?.type,
              message: event.error?.message ?? event.message,
            },
            context,
          );
      }
    }
    throw new TemporaryError(
      `The OpenAI Responses stream for ${context.model} ended before response.completed; the response is incomplete.`,
      { provider: context.provider, model: context.model },
    );
  } catch (thrown) {
    throw toFFCError(thrown, contextOf());
  }
}
