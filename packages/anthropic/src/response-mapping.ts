import type Anthropic from "@anthropic-ai/sdk";
import { type ContentPart, type ProviderResult, TemporaryError, type ToolCall } from "@ffc/core";
import { mapFinishReason } from "./finish-reason";
import { normalizeUsage } from "./usage";

/**
 * FFC's result for a whole Messages response. Thinking blocks become reasoning parts with
 * their signature; redacted thinking becomes a reasoning part without text whose signature
 * holds the encrypted data, so it can be sent back in the next turn.
 */
export function fromMessage(message: Anthropic.Message, requestedModel: string): ProviderResult {
  if (typeof message !== "object" || message === null || !Array.isArray(message.content) || !message.usage) {
    // A gateway answering 200 with something else must not pass for an empty answer.
    throw new TemporaryError(
      "Anthropic answered with a body that is not a Messages response (no content or usage).",
      {
        provider: "anthropic",
        model: requestedModel,
      },
    );
  }
  const content: ContentPart[] = [];
  const toolCalls: ToolCall[] = [];
  const texts: string[] = [];
  const reasoning: string[] = [];
  for (const block of message.content) {
    switch (block.type) {
      case "text":
        texts.push(block.text);
        content.push({ type: "text", text: block.text });
        break;
      case "thinking":
        reasoning.push(block.thinking);
        content.push({ type: "reasoning", text: block.thinking, signature: block.signature });
        break;
      case "redacted_thinking":
        content.push({ type: "reasoning", text: "", signature: block.data });
        break;
      case "tool_use": {
        const call: ToolCall = { toolCallId: block.id, toolName: block.name, input: block.input ?? {} };
        toolCalls.push(call);
        content.push({ type: "tool-call", ...call });
        break;
      }
      default:
        // Server-tool blocks (web search results, code execution) have no FFC part yet.
        break;
    }
  }
  const result: ProviderResult = {
    text: texts.join(""),
    content,
    toolCalls,
    finishReason: mapFinishReason(message.stop_reason),
    usage: normalizeUsage(message.usage),
    model: message.model ?? requestedModel,
  };
  if (message.stop_reason) result.rawFinishReason = message.stop_reason;
  if (message.id) result.responseId = message.id;
  if (reasoning.length > 0) result.reasoning = reasoning.join("");
  return result;
}
