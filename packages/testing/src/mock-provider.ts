import type {
  FinishReason,
  LanguageProvider,
  LanguageRequest,
  ModelInfo,
  ProviderResult,
  StreamPart,
  ToolCall,
  Usage,
} from "@ffc/core";
import { sleep } from "@ffc/core/plugin";
import { SPECIFICATION_VERSION } from "@ffc/core/provider";

/** One scripted answer of a MockProvider. */
export interface MockStep {
  /** The text to answer with (streamed word by word unless `parts` is given). */
  text?: string;
  toolCalls?: ToolCall[];
  reasoning?: string;
  /** Usage to report; missing numbers are estimated from the text. */
  usage?: Partial<Usage>;
  finishReason?: FinishReason;
  /** Wait before answering (or before the first part), in ms. */
  delayMs?: number;
  /** Wait between stream parts, in ms. */
  partDelayMs?: number;
  /** Exact stream parts to yield instead of ones derived from `text`. */
  parts?: StreamPart[];
  /** Throw this instead of answering (after `delayMs`). */
  error?: unknown;
  /** For streams: throw `error` after this many parts instead of at once. */
  failAfterParts?: number;
  /** Rate-limit headers to report, as a vendor's response would carry them. */
  rateLimitHeaders?: Record<string, string>;
}

/** Options of a MockProvider. */
export interface MockProviderOptions {
  /** Provider id reported in results and events (default "mock"). */
  id?: string;
  /** Answers in order, one per request; the last one repeats. */
  script?: MockStep[];
  /** Computes the answer from the request and the 1-based request number instead of a script. */
  respond?: (request: LanguageRequest, requestNumber: number) => MockStep;
  /** What `modelInfo` returns for every model. */
  modelInfo?: ModelInfo;
  /** Leave out `countTokens` to test code paths without exact counting. */
  countTokens?: boolean;
}

/** A scripted provider for unit tests: no network, every request recorded. */
export class MockProvider implements LanguageProvider {
  readonly specificationVersion = SPECIFICATION_VERSION;
  readonly id: string;
  /** Every request received, in order. */
  readonly requests: LanguageRequest[] = [];
  readonly #options: MockProviderOptions;
  countTokens?: (request: LanguageRequest) => Promise<number>;

  constructor(options: MockProviderOptions = {}) {
    this.#options = options;
    this.id = options.id ?? "mock";
    if (options.countTokens !== false) {
      this.countTokens = async (request) => estimateInput(request);
    }
  }

  /** Requests received so far. */
  get callCount(): number {
    return this.requests.length;
  }

  modelInfo(_model: string): ModelInfo | undefined {
    return this.#options.modelInfo;
  }

  async generate(request: LanguageRequest): Promise<ProviderResult> {
    const step = this.#next(request);
    if (step.delayMs) await sleep(step.delayMs, request.signal);
    if (request.signal?.aborted) await sleep(0, request.signal);
    if (step.error !== undefined) throw step.error;
    return resultOf(step, request);
  }

  async *stream(request: LanguageRequest): AsyncIterable<StreamPart> {
    const step = this.#next(request);
    if (step.delayMs) await sleep(step.delayMs, request.signal);
    if (step.error !== undefined && step.failAfterParts === undefined) throw step.error;
    const parts = step.parts ?? partsOf(step, request);
    let sent = 0;
    for (const part of parts) {
      if (step.failAfterParts !== undefined && sent >= step.failAfterParts) throw step.error;
      if (step.partDelayMs && sent > 0) await sleep(step.partDelayMs, request.signal);
      else if (request.signal?.aborted) await sleep(0, request.signal);
      yield part;
      sent += 1;
    }
    if (step.failAfterParts !== undefined) throw step.error;
  }

  #next(request: LanguageRequest): MockStep {
    this.requests.push(request);
    const number = this.requests.length;
    if (this.#options.respond) return this.#options.respond(request, number);
    const script = this.#options.script ?? [{ text: "mock response" }];
    return script[Math.min(number, script.length) - 1] ?? { text: "mock response" };
  }
}

function estimateInput(request: LanguageRequest): number {
  let characters = 0;
  for (const message of request.messages) {
    characters +=
      typeof message.content === "string" ? message.content.length : JSON.stringify(message.content).length;
  }
  return Math.ceil(characters / 4) + 4 * request.messages.length;
}

function usageOf(step: MockStep, request: LanguageRequest): Usage {
  const inputTokens = step.usage?.inputTokens ?? estimateInput(request);
  const outputTokens = step.usage?.outputTokens ?? Math.ceil((step.text ?? "").length / 4);
  const usage: Usage = {
    inputTokens,
    outputTokens,
    totalTokens: step.usage?.totalTokens ?? inputTokens + outputTokens,
  };
  if (step.usage?.cacheReadTokens !== undefined) usage.cacheReadTokens = step.usage.cacheReadTokens;
  if (step.usage?.cacheWriteTokens !== undefined) usage.cacheWriteTokens = step.usage.cacheWriteTokens;
  if (step.usage?.reasoningTokens !== undefined) usage.reasoningTokens = step.usage.reasoningTokens;
  return usage;
}

function resultOf(step: MockStep, request: LanguageRequest): ProviderResult {
  const text = step.text ?? "";
  const toolCalls = step.toolCalls ?? [];
  const result: ProviderResult = {
    text,
    content: [
      ...(step.reasoning ? [{ type: "reasoning" as const, text: step.reasoning }] : []),
      ...(text ? [{ type: "text" as const, text }] : []),
      ...toolCalls.map((call) => ({ type: "tool-call" as const, ...call })),
    ],
    toolCalls,
    finishReason: step.finishReason ?? (toolCalls.length > 0 ? "tool-calls" : "stop"),
    usage: usageOf(step, request),
    model: request.model,
    responseId: `mock-${Math.random().toString(36).slice(2, 10)}`,
  };
  if (step.reasoning) result.reasoning = step.reasoning;
  if (step.rateLimitHeaders) result.rateLimitHeaders = step.rateLimitHeaders;
  return result;
}

function partsOf(step: MockStep, request: LanguageRequest): StreamPart[] {
  const parts: StreamPart[] = [];
  if (step.reasoning) parts.push({ type: "reasoning-delta", text: step.reasoning });
  for (const word of (step.text ?? "").match(/\S+\s*/g) ?? []) parts.push({ type: "text-delta", text: word });
  for (const toolCall of step.toolCalls ?? []) parts.push({ type: "tool-call", toolCall });
  const result = resultOf(step, request);
  parts.push({
    type: "finish",
    finishReason: result.finishReason,
    usage: result.usage,
    model: request.model,
  });
  return parts;
}
