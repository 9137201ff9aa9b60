import type { ContentPart } from "./message";
import type { ProviderResult, ToolCall } from "./result";
import type { StreamPart } from "./stream-part";
import { emptyUsage } from "./usage";

/** Collects stream parts into the result they add up to. */
export class StreamAccumulator {
  readonly parts: StreamPart[] = [];
  text = "";
  reasoning = "";
  readonly toolCalls: ToolCall[] = [];
  finish: Extract<StreamPart, { type: "finish" }> | undefined;
  lastUsage: Extract<StreamPart, { type: "usage" }>["usage"] | undefined;

  constructor(readonly keepParts = true) {}

  add(part: StreamPart): void {
    if (this.keepParts) this.parts.push(part);
    switch (part.type) {
      case "text-delta":
        this.text += part.text;
        break;
      case "reasoning-delta":
        this.reasoning += part.text;
        break;
      case "tool-call":
        this.toolCalls.push(part.toolCall);
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
    const content: ContentPart[] = [];
    if (this.reasoning) content.push({ type: "reasoning", text: this.reasoning });
    if (this.text) content.push({ type: "text", text: this.text });
    for (const call of this.toolCalls) content.push({ type: "tool-call", ...call });
    const result: ProviderResult = {
      text: this.text,
      content,
      toolCalls: this.toolCalls,
      finishReason: this.finish?.finishReason ?? "other",
      usage: this.finish?.usage ?? this.lastUsage ?? emptyUsage(),
      model: this.finish?.model ?? fallbackModel,
    };
    if (this.reasoning) result.reasoning = this.reasoning;
    if (this.finish?.rawFinishReason) result.rawFinishReason = this.finish.rawFinishReason;
    if (this.finish?.responseId) result.responseId = this.finish.responseId;
    return result;
  }
}
