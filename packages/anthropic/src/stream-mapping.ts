import type Anthropic from "@anthropic-ai/sdk";
import { type StreamPart, TemporaryError } from "@ffc/core";
import type { FinishPart } from "@ffc/core/provider";
import { mapFinishReason } from "./finish-reason";
import { type AnthropicWireUsage, mergeWireUsage, normalizeUsage } from "./usage";

interface ToolBlock {
  id: string;
  name: string;
  json: string;
}

/** An Anthropic stream once its request was answered. */
export interface OpenedEvents {
  /** The raw stream events (read by anthropicEvents). */
  events: AsyncIterable<Anthropic.RawMessageStreamEvent>;
  /** Puts the response's rate-limit headers and the warnings on the finish part. */
  finish(part: FinishPart): FinishPart;
}

/**
 * FFC stream parts for Anthropic's raw stream events, in the one generator of a stream (it
 * also opens the request and maps every failure with `fail`: each `async *` layer costs
 * microtask hops per part). Text and thinking deltas pass
 * through; tool arguments are passed on as `tool-call-delta` parts and assembled into one
 * `tool-call` when their block stops; the final usage comes from `message_delta` (its
 * numbers are cumulative) over `message_start`; exactly one `finish` part ends the stream.
 * A stream that ends before `message_stop` is truncated and fails with a TemporaryError.
 */
export async function* mapStreamEvents(
  open: () => Promise<OpenedEvents>,
  requestedModel: string,
  fail: (thrown: unknown) => unknown,
): AsyncIterable<StreamPart> {
  try {
    const opened = await open();
    const target = { provider: "anthropic", model: requestedModel };
    const tools = new Map<number, ToolBlock>();
    let usage: AnthropicWireUsage = {};
    let model = requestedModel;
    let responseId: string | undefined;
    let stopReason: string | null | undefined;
    let started = false;
    for await (const event of opened.events) {
      switch (event.type) {
        case "message_start":
          started = true;
          usage = event.message.usage ?? {};
          model = event.message.model ?? requestedModel;
          responseId = event.message.id;
          break;
        case "content_block_start": {
          const block = event.content_block;
          if (block.type === "text" && block.text) yield { type: "text-delta", text: block.text };
          else if (block.type === "thinking" && block.thinking)
            yield { type: "reasoning-delta", text: block.thinking };
          else if (block.type === "redacted_thinking")
            yield { type: "reasoning-delta", text: "", signature: block.data };
          else if (block.type === "tool_use")
            tools.set(event.index, { id: block.id, name: block.name, json: "" });
          break;
        }
        case "content_block_delta": {
          const delta = event.delta;
          if (delta.type === "text_delta") {
            if (delta.text) yield { type: "text-delta", text: delta.text };
          } else if (delta.type === "thinking_delta") {
            if (delta.thinking) yield { type: "reasoning-delta", text: delta.thinking };
          } else if (delta.type === "signature_delta") {
            yield { type: "reasoning-delta", text: "", signature: delta.signature };
          } else if (delta.type === "input_json_delta") {
            const tool = tools.get(event.index);
            if (tool && delta.partial_json) {
              tool.json += delta.partial_json;
              yield {
                type: "tool-call-delta",
                toolCallId: tool.id,
                toolName: tool.name,
                argumentsDelta: delta.partial_json,
              };
            }
          }
          break;
        }
        case "content_block_stop": {
          const tool = tools.get(event.index);
          if (tool) {
            tools.delete(event.index);
            yield {
              type: "tool-call",
              toolCall: { toolCallId: tool.id, toolName: tool.name, input: parseArguments(tool, target) },
            };
          }
          break;
        }
        case "message_delta":
          stopReason = event.delta.stop_reason ?? stopReason;
          usage = mergeWireUsage(usage, event.usage);
          break;
        case "message_stop":
          yield opened.finish(finishPart(stopReason, usage, model, responseId));
          return;
      }
    }
    throw new TemporaryError(
      started
        ? "The Anthropic stream ended before message_stop; the response is incomplete."
        : "The Anthropic stream ended without any message; the response is empty.",
      target,
    );
  } catch (thrown) {
    throw fail(thrown);
  }
}

function finishPart(
  stopReason: string | null | undefined,
  usage: AnthropicWireUsage,
  model: string,
  responseId: string | undefined,
): FinishPart {
  const part: FinishPart = {
    type: "finish",
    finishReason: mapFinishReason(stopReason),
    usage: normalizeUsage(usage),
    model,
  };
  if (stopReason) part.rawFinishReason = stopReason;
  if (responseId) part.responseId = responseId;
  return part;
}

/** A tool's streamed arguments as JSON; no-argument tools send only "" (meaning {}). */
function parseArguments(tool: ToolBlock, target: { provider: string; model: string }): unknown {
  if (tool.json.trim() === "") return {};
  try {
    return JSON.parse(tool.json);
  } catch (cause) {
    throw new TemporaryError(
      `Anthropic streamed arguments for tool "${tool.name}" that are not valid JSON.`,
      {
        ...target,
        cause,
      },
    );
  }
}
