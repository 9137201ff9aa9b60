import {
  ContentFilterError,
  type ContentPart,
  type ProviderResult,
  TemporaryError,
  type ToolCall,
} from "@ffc/core";
import { mapFinishReason } from "./finish-reason";
import { generatedToolCallId } from "./tool-call-id";
import { mapUsage } from "./usage";
import type { GeminiResponse } from "./wire-types";

/** Who the response is for, for the result's model and for errors. */
export interface ResponseContext {
  provider: string;
  model: string;
}

/**
 * Maps a whole generateContent response. A thought signature on a text or function-call part is
 * kept as an empty reasoning part right before it, so sending `result.content` back as an
 * assistant message returns the signature to the part it belongs to (request-mapping.ts).
 */
export function mapResponse(response: GeminiResponse, context: ResponseContext): ProviderResult {
  throwIfNotResponse(response, context);
  throwIfPromptBlocked(response, context);
  const candidate = response.candidates?.[0];
  if (!candidate) {
    throw new TemporaryError(
      `The Gemini response for ${context.model} held no candidate and no block reason; the response was malformed.`,
      context,
    );
  }
  const content: ContentPart[] = [];
  const toolCalls: ToolCall[] = [];
  let text = "";
  let reasoning = "";
  for (const part of candidate.content?.parts ?? []) {
    if (part.thought) {
      const thought: ContentPart = { type: "reasoning", text: part.text ?? "" };
      if (part.thoughtSignature) thought.signature = part.thoughtSignature;
      reasoning += part.text ?? "";
      content.push(thought);
      continue;
    }
    if (part.thoughtSignature)
      content.push({ type: "reasoning", text: "", signature: part.thoughtSignature });
    if (part.functionCall) {
      const call: ToolCall = {
        toolCallId:
          part.functionCall.id ??
          generatedToolCallId(response.responseId, toolCalls.length, part.functionCall.name ?? ""),
        toolName: part.functionCall.name ?? "",
        input: part.functionCall.args ?? {},
      };
      toolCalls.push(call);
      content.push({ type: "tool-call", ...call });
    } else if (part.text) {
      text += part.text;
      content.push({ type: "text", text: part.text });
    }
  }
  const result: ProviderResult = {
    text,
    content,
    toolCalls,
    finishReason: mapFinishReason(candidate.finishReason, toolCalls.length > 0),
    usage: mapUsage(response.usageMetadata),
    model: response.modelVersion ?? context.model,
  };
  if (reasoning) result.reasoning = reasoning;
  if (candidate.finishReason) result.rawFinishReason = candidate.finishReason;
  if (response.responseId) result.responseId = response.responseId;
  return result;
}

/** A body that is not an object (`null`, a number, a string) is a malformed response, retryable. */
export function throwIfNotResponse(response: unknown, context: ResponseContext): void {
  if (typeof response === "object" && response !== null && !Array.isArray(response)) return;
  throw new TemporaryError(
    `Gemini sent ${response === null ? "null" : typeof response} instead of a response for ${context.model}; the response was malformed. Retrying may help.`,
    context,
  );
}

/** A prompt Gemini refused to answer comes back as promptFeedback.blockReason and no candidate. */
export function throwIfPromptBlocked(response: GeminiResponse, context: ResponseContext): void {
  const blockReason = response.promptFeedback?.blockReason;
  if (!blockReason || (response.candidates && response.candidates.length > 0)) return;
  const detail = response.promptFeedback?.blockReasonMessage
    ? ` (${response.promptFeedback.blockReasonMessage})`
    : "";
  throw new ContentFilterError(
    `Gemini blocked the prompt for ${context.model}: ${blockReason}${detail}. Change the prompt or the safety settings (providerOptions.google.safetySettings).`,
    context,
  );
}
