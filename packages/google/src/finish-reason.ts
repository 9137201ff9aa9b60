import type { FinishReason } from "@ffc/core";

const contentFilterReasons = new Set([
  "SAFETY",
  "RECITATION",
  "BLOCKLIST",
  "PROHIBITED_CONTENT",
  "SPII",
  "IMAGE_SAFETY",
  "IMAGE_PROHIBITED_CONTENT",
  "MODEL_ARMOR",
]);
const errorReasons = new Set(["MALFORMED_FUNCTION_CALL", "UNEXPECTED_TOOL_CALL", "TOO_MANY_TOOL_CALLS"]);

/**
 * Maps Gemini's finish reason. Gemini answers STOP even when it called functions, so whether
 * the response holds function calls decides between "stop" and "tool-calls".
 */
export function mapFinishReason(raw: string | undefined, hasToolCalls: boolean): FinishReason {
  if (raw === "STOP") return hasToolCalls ? "tool-calls" : "stop";
  if (raw === "MAX_TOKENS") return "length";
  if (raw && contentFilterReasons.has(raw)) return "content-filter";
  if (raw && errorReasons.has(raw)) return "error";
  return hasToolCalls ? "tool-calls" : "other";
}
