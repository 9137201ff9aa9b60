import type { FinishReason } from "@ffc/core";

/**
 * FFC's finish reason for Anthropic's `stop_reason`. A stop sequence is a normal stop;
 * running out of window is a length stop; `refusal` is the model's safety stop;
 * `pause_turn` (a server tool paused a long turn) and unknown values are "other".
 */
export function mapFinishReason(stopReason: string | null | undefined): FinishReason {
  switch (stopReason) {
    case "end_turn":
    case "stop_sequence":
      return "stop";
    case "max_tokens":
    case "model_context_window_exceeded":
      return "length";
    case "tool_use":
      return "tool-calls";
    case "refusal":
      return "content-filter";
    default:
      return "other";
  }
}
