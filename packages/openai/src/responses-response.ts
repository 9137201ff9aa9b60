import type { ContentPart, ProviderResult, ToolCall } from "@ffc/core";
import { responsesFinishReason } from "./finish-reason";
import { parseToolArguments } from "./tool-arguments";
import { responsesUsage } from "./usage";

/** An FFC result from a whole Responses API `response` object (status completed or incomplete). */
export function responsesResult(response: any, requestedModel: string): ProviderResult {
  const content: ContentPart[] = [];
  const toolCalls: ToolCall[] = [];
  const texts: string[] = [];
  const reasonings: string[] = [];
  let refused = false;
  for (const item of response?.output ?? []) {
    if (item?.type === "message") {
      // A message can be split into several items (commentary, then final answer): keep them all, in order.
      let text = "";
      for (const part of item.content ?? []) {
        if (part?.type === "output_text" && typeof part.text === "string") text += part.text;
        else if (part?.type === "refusal" && typeof part.refusal === "string") {
          text += part.refusal;
          refused = true;
        }
      }
      if (text) {
        texts.push(text);
        content.push({ type: "text", text });
      }
    } else if (item?.type === "function_call") {
      const call: ToolCall = {
        toolCallId: String(item.call_id),
        toolName: String(item.name),
        input: parseToolArguments(item.arguments),
      };
      toolCalls.push(call);
      content.push({ type: "tool-call", ...call });
    } else if (item?.type === "reasoning") {
      const text = reasoningText(item);
      if (text) {
        reasonings.push(text);
        content.push({ type: "reasoning", text });
      }
    }
  }
  const { finishReason, raw } = responsesFinishReason(response, toolCalls.length > 0);
  const result: ProviderResult = {
    text: texts.join(""),
    content,
    toolCalls,
    finishReason: refused && texts.length > 0 && toolCalls.length === 0 ? "content-filter" : finishReason,
    rawFinishReason: raw,
    usage: responsesUsage(response?.usage),
    model: typeof response?.model === "string" ? response.model : requestedModel,
  };
  if (reasonings.length > 0) result.reasoning = reasonings.join("\n\n");
  if (typeof response?.id === "string") result.responseId = response.id;
  return result;
}

/** The readable text of a reasoning item: its summaries, or raw reasoning text (gpt-oss). */
export function reasoningText(item: any): string {
  const pieces = [...(item?.summary ?? []), ...(item?.content ?? [])]
    .filter((part: any) => typeof part?.text === "string" && part.text.length > 0)
    .map((part: any) => part.text as string);
  return pieces.join("\n\n");
}
