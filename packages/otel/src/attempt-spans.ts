import type { LLMEventOf } from "@ffc/core";
import { SpanKind, type Tracer } from "@opentelemetry/api";
import { FFCAttributes, GenAIAttributes } from "./attribute-names";
import { type CallRecord, markFailed } from "./call-record";
import { finishReasonName, providerAttributes } from "./genai-mapping";

/**
 * Starts the span of one attempt, a child of its call's span. Its name says "attempt" so that
 * it is not mistaken for the conventions' inference span, which is the call span.
 */
export function startAttemptSpan(
  tracer: Tracer,
  record: CallRecord,
  event: LLMEventOf<"attempt-start">,
): void {
  const span = tracer.startSpan(
    `${record.operationName} ${event.model} attempt`,
    {
      kind: SpanKind.INTERNAL,
      attributes: {
        ...providerAttributes(event.provider),
        [GenAIAttributes.REQUEST_MODEL]: event.model,
        [FFCAttributes.ATTEMPT]: event.attempt,
        ...record.requestAttributes,
      },
    },
    record.context,
  );
  record.attempts.set(event.attempt, span);
}

/** Ends a successful attempt's span with its usage and finish reason. */
export function endAttemptSpan(record: CallRecord, event: LLMEventOf<"attempt-end">): void {
  const span = record.attempts.get(event.attempt);
  if (!span) return;
  record.attempts.delete(event.attempt);
  if (span.isRecording()) {
    span.setAttributes({
      // ffc.* rather than gen_ai.usage.*: tools that sum gen_ai.usage over spans would count twice.
      [FFCAttributes.ATTEMPT_INPUT_TOKENS]: event.usage.inputTokens,
      [FFCAttributes.ATTEMPT_OUTPUT_TOKENS]: event.usage.outputTokens,
      [GenAIAttributes.RESPONSE_FINISH_REASONS]: [finishReasonName(event.finishReason)],
    });
  }
  span.end();
}

/** Ends a failed attempt's span with its error and whatever tokens it consumed. */
export function failAttemptSpan(record: CallRecord, event: LLMEventOf<"attempt-error">): void {
  const span = record.attempts.get(event.attempt);
  if (!span) return;
  record.attempts.delete(event.attempt);
  markFailed(span, event.error);
  if (event.usage) {
    span.setAttributes({
      [FFCAttributes.ATTEMPT_INPUT_TOKENS]: event.usage.inputTokens,
      [FFCAttributes.ATTEMPT_OUTPUT_TOKENS]: event.usage.outputTokens,
      ...(event.estimated ? { [FFCAttributes.USAGE_ESTIMATED]: true } : {}),
    });
  }
  span.end();
}
