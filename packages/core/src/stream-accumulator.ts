import type { ContentPart, ReasoningPart } from "./message";
import type { ProviderResult, ToolCall } from "./result";
import type { StreamPart } from "./stream-part";
import { emptyUsage } from "./usage";

/**
 * Collects stream parts into the result they add up to. Content keeps the order of the
 * stream (runs of text or reasoning merge into one part), so that vendor signatures that
 * belong to the part after them (Gemini 3 thought signatures) survive a round trip.
 */
export class StreamAccumulator {
  readonly parts: StreamPart[] = [];
  readonly content: ContentPart[] = [];
  text = "";
  reasoning = "";
  readonly toolCalls: ToolCall[] = [];
  finish: Extract<StreamPart, { type: "finish" }> | undefined;
  lastUsage: Extract<StreamPart, { type: "usage" }>["usage"] | undefined;

  constructor(readonly keepParts = true) {}

  add(part: StreamPart): void {
    if (this.keepParts) this.parts.push(part);
    switch (part.type) {
      case "text-delta": {
        this.text += part.text;
        const last = this.content.at(-1);
        if (last?.type === "text") last.text += part.text;
        else this.content.push({ type: "text", text: part.text });
        break;
      }
      case "reasoning-delta": {
        this.reasoning += part.text;
        const last = this.content.at(-1);
        // A signature closes a reasoning block: the next reasoning starts a new part.
        if (last?.type === "reasoning" && last.signature === undefined) last.text += part.text;
        else this.content.push({ type: "reasoning", text: part.text });
        if (part.signature !== undefined) (this.content.at(-1) as ReasoningPart).signature = part.signature;
        break;
      }
      case "tool-call":
        this.toolCalls.push(part.toolCall);
        this.content.push({ type: "tool-call", ...part.toolCall });
        break;
      case "usage":
        this.lastUsage = part.usage;
        break;
      case "finish":
        this.finish = part;
        break;
    }
  }

  /** The result; `fallbackModel` names the model when the stream did not. */
  result(fallbackModel: string): ProviderResult {
    const result: ProviderResult = {
      text: this.text,
      content: this.content,
      toolCalls: this.toolCalls,
      finishReason: this.finish?.finishReason ?? "other",
      usage: this.finish?.usage ?? this.lastUsage ?? emptyUsage(),
      model: this.finish?.model ?? fallbackModel,
    };
    if (this.reasoning) result.reasoning = this.reasoning;
    if (this.finish?.rawFinishReason) result.rawFinishReason = this.finish.rawFinishReason;
    if (this.finish?.responseId) result.responseId = this.finish.responseId;
    if (this.finish?.rateLimitHeaders) result.rateLimitHeaders = this.finish.rateLimitHeaders;
    if (this.finish?.warnings) result.warnings = this.finish.warnings;
    return result;
  }
}
