import type { FinishReason } from "@ffc/core";

/** FFC's finish reason for a Chat Completions `finish_reason`. */
export function chatFinishReason(raw: string | null | undefined): FinishReason {
  switch (raw) {
    case "stop":
      return "stop";
    case "length":
      return "length";
    case "tool_calls":
    case "function_call":
      return "tool-calls";
    case "content_filter":
      return "content-filter";
    default:
      return "other";
  }
}

/**
 * FFC's finish reason for a finished Responses API response. The API has no finish reason:
 * it reports a status, an `incomplete_details.reason`, and whether function calls were made.
 */
export function responsesFinishReason(
  response: any,
  hasToolCalls: boolean,
): { finishReason: FinishReason; raw: string } {
  const status = String(response?.status ?? "completed");
  if (status === "incomplete") {
    const reason = String(response?.incomplete_details?.reason ?? "incomplete");
    if (reason === "max_output_tokens") return { finishReason: "length", raw: reason };
    if (reason === "content_filter") return { finishReason: "content-filter", raw: reason };
    return { finishReason: "other", raw: reason };
  }
  if (status === "completed") return { finishReason: hasToolCalls ? "tool-calls" : "stop", raw: status };
  if (status === "failed") return { finishReason: "error", raw: status };
  return { finishReason: "other", raw: status };
}
