import type { ContentPart, ProviderResult, ToolCall } from "@ffc/core";
import { chatFinishReason } from "./finish-reason";
import { parseToolArguments } from "./tool-arguments";
import { chatUsage } from "./usage";

/** An FFC result from a whole `chat.completion` body. */
export function chatResult(completion: any, requestedModel: string): ProviderResult {
  const choice = completion?.choices?.[0];
  const message = choice?.message ?? {};
  const refusal =
    typeof message.refusal === "string" && message.refusal.length > 0 ? message.refusal : undefined;
  const text = typeof message.content === "string" ? message.content : (refusal ?? "");
  // OpenAI-compatible servers (DeepSeek, vLLM, OpenRouter) return reasoning in these fields.
  const reasoning = firstString(message.reasoning_content, message.reasoning);
  const toolCalls: ToolCall[] = (message.tool_calls ?? [])
    .filter((call: any) => call?.type === undefined || call.type === "function")
    .map((call: any) => ({
      toolCallId: String(call.id),
      toolName: String(call.function?.name),
      input: parseToolArguments(call.function?.arguments),
    }));
  const content: ContentPart[] = [];
  if (reasoning) content.push({ type: "reasoning", text: reasoning });
  if (text) content.push({ type: "text", text });
  for (const call of toolCalls) content.push({ type: "tool-call", ...call });
  const rawFinishReason = typeof choice?.finish_reason === "string" ? choice.finish_reason : undefined;
  const result: ProviderResult = {
    text,
    content,
    toolCalls,
    // A refusal ends with finish_reason "stop"; report it as the content filter it is.
    finishReason: refusal && !message.content ? "content-filter" : chatFinishReason(rawFinishReason),
    usage: chatUsage(completion?.usage),
    model: typeof completion?.model === "string" ? completion.model : requestedModel,
  };
  if (reasoning) result.reasoning = reasoning;
  if (rawFinishReason) result.rawFinishReason = rawFinishReason;
  if (typeof completion?.id === "string") result.responseId = completion.id;
  return result;
}

function firstString(...values: unknown[]): string | undefined {
  for (const value of values) if (typeof value === "string" && value.length > 0) return value;
  return undefined;
}
