import type { AttemptRecord, GenerateResult } from "@ffc/core";
import { type Attributes, type Context, type Span, SpanStatusCode } from "@opentelemetry/api";
import { FFCAttributes, GenAIAttributes } from "./attribute-names";
import { errorMessage, errorType, finishReasonName, usageAttributes } from "./genai-mapping";

/** What the plugin keeps about a call between its start and its end. */
export interface CallRecord {
  readonly callId: string;
  /** The call span: the conventions' inference span, covering every retry and fallback. */
  readonly span: Span;
  /** The active context with the call span set, parent of the attempt spans. */
  readonly context: Context;
  /** The conventions' operation name, "chat". */
  readonly operationName: string;
  /** Milliseconds from `performance.now()` at the start, for calls that end without an event. */
  readonly started: number;
  /** Attributes every metric of this call carries: operation, provider, requested model. */
  readonly metricAttributes: Attributes;
  /** Open attempt spans by attempt number. */
  readonly attempts: Map<number, Span>;
  /** Request settings, once the plugin's policy has seen the request. */
  requestAttributes: Attributes | undefined;
  /** True when some attempt's usage was estimated rather than reported by the vendor. */
  estimatedUsage: boolean;
}

/** Sets what the result tells about the call on its span: response, usage, cost, cache. */
export function describeResult(record: CallRecord, result: GenerateResult): void {
  const span = record.span;
  span.setAttributes({
    [GenAIAttributes.RESPONSE_MODEL]: result.model,
    [GenAIAttributes.RESPONSE_FINISH_REASONS]: [finishReasonName(result.finishReason)],
    ...(result.responseId === undefined ? {} : { [GenAIAttributes.RESPONSE_ID]: result.responseId }),
    ...(typeof result.costUsd === "number" ? { [FFCAttributes.COST_USD]: result.costUsd } : {}),
  });
  if (result.cached) {
    span.setAttribute(FFCAttributes.CACHE_HIT, true);
    // A cached answer made no attempt; its usage is what the original call used.
    span.setAttributes(usageAttributes(result.usage));
  } else {
    setCallUsage(record, result.attempts);
  }
}

/** Sets the summed usage of every attempt on the call span (billing counts failed attempts too). */
export function setCallUsage(record: CallRecord, attempts: readonly AttemptRecord[]): void {
  let inputTokens = 0;
  let outputTokens = 0;
  let cacheReadTokens: number | undefined;
  let cacheWriteTokens: number | undefined;
  let reported = false;
  for (const attempt of attempts) {
    const usage = attempt.usage;
    if (!usage) continue;
    reported = true;
    inputTokens += usage.inputTokens;
    outputTokens += usage.outputTokens;
    if (usage.cacheReadTokens !== undefined) cacheReadTokens = (cacheReadTokens ?? 0) + usage.cacheReadTokens;
    if (usage.cacheWriteTokens !== undefined)
      cacheWriteTokens = (cacheWriteTokens ?? 0) + usage.cacheWriteTokens;
  }
  record.span.setAttribute(FFCAttributes.ATTEMPTS, attempts.length);
  if (!reported) return;
  const usage = { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens };
  record.span.setAttributes(usageAttributes({ ...usage, cacheReadTokens, cacheWriteTokens }));
  if (record.estimatedUsage) record.span.setAttribute(FFCAttributes.USAGE_ESTIMATED, true);
}

/** Marks a span as failed with the error's class name, per the conventions' error recording. */
export function markFailed(span: Span, error: unknown): string {
  const type = errorType(error);
  span.setAttribute(GenAIAttributes.ERROR_TYPE, type);
  span.setStatus({ code: SpanStatusCode.ERROR, message: errorMessage(error) });
  if (typeof error === "object" && error !== null && typeof (error as Error).message === "string") {
    // Only name, message and stack are recorded; FFC error messages never hold keys or prompts.
    span.recordException({
      name: type,
      message: (error as Error).message,
      ...(typeof (error as Error).stack === "string" ? { stack: (error as Error).stack } : {}),
    });
  }
  return type;
}

/** Ends the call span and any attempt span left open (an attempt never ends after its call). */
export function endCallSpans(record: CallRecord): void {
  for (const span of record.attempts.values()) {
    span.setAttribute(FFCAttributes.UNFINISHED, true);
    span.end();
  }
  record.attempts.clear();
  record.span.end();
}
