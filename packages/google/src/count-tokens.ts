import type { LanguageRequest } from "@ffc/core";
import { approximateTokenCounter, estimateMessageTokens } from "@ffc/core/provider";

/**
 * A local estimate of a request's input tokens, for when Gemini's countTokens endpoint cannot
 * be reached: the messages by core's estimate plus the tool declarations as JSON text.
 */
export function estimateRequestTokens(request: LanguageRequest): number {
  const tools = request.tools ? approximateTokenCounter(JSON.stringify(request.tools)) : 0;
  return estimateMessageTokens(request.messages) + tools;
}
