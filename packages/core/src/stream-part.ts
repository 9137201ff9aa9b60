import type { FinishReason, ToolCall } from "./result";
import type { Usage } from "./usage";
import type { ProviderWarning } from "./warnings";

/** A piece of a streamed response. Errors are thrown from the iterator, not yielded. */
export type StreamPart =
  | { type: "text-delta"; text: string }
  | { type: "reasoning-delta"; text: string; signature?: string }
  | { type: "tool-call-delta"; toolCallId: string; toolName: string; argumentsDelta: string }
  | { type: "tool-call"; toolCall: ToolCall }
  | { type: "usage"; usage: Usage }
  | {
      type: "finish";
      finishReason: FinishReason;
      rawFinishReason?: string;
      usage: Usage;
      model?: string;
      responseId?: string;
      /** The vendor's rate-limit headers, as on ProviderResult. */
      rateLimitHeaders?: Record<string, string>;
      /** Warnings of the vendor or its SDK, as on ProviderResult. */
      warnings?: ProviderWarning[];
    };
