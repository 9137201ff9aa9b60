// Test-only: a minimal provider driven by a list of steps. @ffc/testing's MockProvider is the
// full version; core cannot depend on it (it depends on core), so core's tests use this one.
import { type LanguageProvider, type ModelInfo, SPECIFICATION_VERSION } from "../provider";
import type { LanguageRequest } from "../request";
import type { ProviderResult, ToolCall } from "../result";
import { sleep } from "../sleep";
import type { StreamPart } from "../stream-part";

export type ScriptedStep =
  | { text: string; delayMs?: number; inputTokens?: number; outputTokens?: number; toolCalls?: ToolCall[] }
  | { error: unknown; delayMs?: number; afterParts?: number; text?: string };

export function scriptedProvider(
  steps: ScriptedStep[],
  options: { id?: string; modelInfo?: ModelInfo } = {},
): LanguageProvider & { requests: LanguageRequest[] } {
  const requests: LanguageRequest[] = [];
  const next = (request: LanguageRequest) => {
    requests.push(request);
    return steps[Math.min(requests.length, steps.length) - 1]!;
  };
  const resultOf = (text: string, step: ScriptedStep, model: string): ProviderResult => {
    const inputTokens = "inputTokens" in step ? (step.inputTokens ?? 10) : 10;
    const outputTokens = "outputTokens" in step ? (step.outputTokens ?? 5) : 5;
    const toolCalls = "toolCalls" in step ? (step.toolCalls ?? []) : [];
    return {
      text,
      content: [
        ...(text ? [{ type: "text" as const, text }] : []),
        ...toolCalls.map((call) => ({ type: "tool-call" as const, ...call })),
      ],
      toolCalls,
      finishReason: toolCalls.length > 0 ? "tool-calls" : "stop",
      usage: { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens },
      model,
    };
  };
  return {
    specificationVersion: SPECIFICATION_VERSION,
    id: options.id ?? "scripted",
    requests,
    modelInfo: () => options.modelInfo,
    async generate(request) {
      const step = next(request);
      if (step.delayMs) await sleep(step.delayMs, request.signal);
      if ("error" in step) throw step.error;
      return resultOf(step.text, step, request.model);
    },
    async *stream(request): AsyncIterable<StreamPart> {
      const step = next(request);
      if (step.delayMs) await sleep(step.delayMs, request.signal);
      const words = (step.text ?? "").split(" ");
      for (let index = 0; index < words.length; index += 1) {
        if ("error" in step && step.afterParts === index) throw step.error;
        yield { type: "text-delta", text: index === 0 ? words[index]! : ` ${words[index]}` };
      }
      if ("error" in step) throw step.error;
      const result = resultOf(step.text, step, request.model);
      for (const toolCall of result.toolCalls) yield { type: "tool-call", toolCall };
      yield { type: "finish", finishReason: result.finishReason, usage: result.usage, model: request.model };
    },
  };
}
