import { defaultAttemptTimeoutMs, defaultStreamStallTimeoutMs } from "./default-timeouts";
import { type DerivedSignal, deriveSignal } from "./derived-signal";
import { AbortError } from "./errors/abort-error";
import { FFCError } from "./errors/ffc-error";
import { StreamInterruptedError } from "./errors/stream-interrupted-error";
import { TimeoutError } from "./errors/timeout-error";
import type { LLMEventMap } from "./events";
import { neverAbortedSignal } from "./never-aborted";
import { noEmit } from "./no-emit";
import type { CallContext } from "./policy";
import type { LanguageRequest } from "./request";
import type { AttemptRecord, ProviderResult } from "./result";
import { StreamAccumulator } from "./stream-accumulator";
import type { StreamPart } from "./stream-part";
import { tapStream } from "./tap-stream";
import { approximateTokenCounter, estimateMessageTokens } from "./token-counter";
import type { Usage } from "./usage";
import type { ProviderWarning } from "./warnings";

/** The innermost step of a generate call: one request to one provider, recorded. */
export async function generateAttempt(call: CallContext): Promise<ProviderResult> {
  const attempt = call.attempts.length + 1;
  const target = { provider: call.provider.id, model: call.request.model };
  throwIfCallAborted(call);
  const observed = call.emit !== noEmit;
  if (observed) call.emit("attempt-start", { provider: target.provider, model: target.model, attempt });
  const started = performance.now();
  const limit = attemptSignal(call, firstPartTimeout(call));
  try {
    const request = withSignal(call.request, limit.signal);
    const result = await call.provider.generate(request);
    const durationMs = performance.now() - started;
    call.attempts.push({
      provider: target.provider,
      model: target.model,
      attempt,
      durationMs,
      usage: result.usage,
    });
    if (observed) call.emit("attempt-end", endFields(target, attempt, durationMs, result));
    if (result.warnings) reportWarnings(call, target, result.warnings);
    return result;
  } catch (thrown) {
    const error = normalizeAttemptError(thrown, call, limit, target);
    const durationMs = performance.now() - started;
    call.attempts.push({ ...target, attempt, durationMs, error });
    call.emit("attempt-error", { ...target, attempt, durationMs, error });
    throw error;
  } finally {
    limit.dispose();
  }
}

/**
 * The innermost step of a stream call. A failure before the first part is thrown as it is
 * (policies may retry it); after the first part it becomes a StreamInterruptedError holding
 * the parts already delivered. For streams the attempt timeout limits the wait between parts.
 */
export function streamAttempt(call: CallContext): AsyncIterable<StreamPart> {
  const target = { provider: call.provider.id, model: call.request.model };
  const collected = new StreamAccumulator();
  let attempt = 0;
  let started = 0;
  let limit: DerivedSignal | undefined;
  let stallMs = 0;
  const observed = call.emit !== noEmit;
  return tapStream({
    open() {
      throwIfCallAborted(call);
      attempt = call.attempts.length + 1;
      if (observed) call.emit("attempt-start", { provider: target.provider, model: target.model, attempt });
      started = performance.now();
      limit = attemptSignal(call, firstPartTimeout(call));
      stallMs = call.attemptTimeoutMs ?? call.timeoutDefaults?.streamStallMs ?? defaultStreamStallTimeoutMs;
      return call.provider.stream(withSignal(call.request, limit.signal));
    },
    part(part) {
      // The clock stops while the consumer holds a part: a slow reader is not a stalled vendor.
      limit!.pause();
      collected.add(part);
    },
    resume() {
      limit!.restart(stallMs);
    },
    done() {
      limit!.dispose();
      const durationMs = performance.now() - started;
      const result = collected.result(call.request.model);
      call.attempts.push({ ...target, attempt, durationMs, usage: result.usage });
      if (observed) call.emit("attempt-end", endFields(target, attempt, durationMs, result));
      if (result.warnings) reportWarnings(call, target, result.warnings);
    },
    fail(thrown) {
      // Refused before it began (the call was already aborted): nothing to record.
      if (limit === undefined) return thrown;
      limit.dispose();
      let error = normalizeAttemptError(thrown, call, limit, target, collected);
      const durationMs = performance.now() - started;
      const consumed = consumedUsage(call.request, collected);
      if (collected.parts.length > 0 && !StreamInterruptedError.isInstance(error)) {
        error = new StreamInterruptedError(
          `The ${target.provider} stream for ${target.model} failed after ${collected.parts.length} part(s): ${messageOf(error)}`,
          collected.parts,
          { ...target, cause: error },
        );
      }
      recordFailure(call, { ...target, attempt, durationMs, error }, consumed);
      return error;
    },
    closed() {
      limit!.dispose();
      // The consumer stopped early (break or return): the tokens streamed so far were still used.
      const durationMs = performance.now() - started;
      const error = new AbortError("The stream was closed by its consumer before it finished.", target);
      recordFailure(call, { ...target, attempt, durationMs, error }, consumedUsage(call.request, collected));
    },
  });
}

function reportWarnings(
  call: CallContext,
  target: { provider: string; model: string },
  warnings: readonly ProviderWarning[],
): void {
  for (const warning of warnings) {
    call.warn({
      code: warning.code,
      message: warning.message,
      provider: target.provider,
      model: target.model,
    });
  }
}

function endFields(
  target: { provider: string; model: string },
  attempt: number,
  durationMs: number,
  result: ProviderResult,
): LLMEventMap["attempt-end"] {
  const fields: LLMEventMap["attempt-end"] = {
    provider: target.provider,
    model: target.model,
    attempt,
    durationMs,
    usage: result.usage,
    finishReason: result.finishReason,
  };
  if (result.rateLimitHeaders) fields.rateLimitHeaders = result.rateLimitHeaders;
  return fields;
}

function recordFailure(
  call: CallContext,
  record: AttemptRecord,
  consumed: { usage?: Usage; estimated: boolean },
) {
  if (consumed.usage) record.usage = consumed.usage;
  call.attempts.push(record);
  const fields: LLMEventMap["attempt-error"] = {
    provider: record.provider,
    model: record.model,
    attempt: record.attempt,
    durationMs: record.durationMs,
    error: record.error,
  };
  if (consumed.usage) {
    fields.usage = consumed.usage;
    fields.estimated = consumed.estimated;
  }
  call.emit("attempt-error", fields);
}

/** Usage of a stream that did not finish: the vendor's figure if one came, else an estimate. */
function consumedUsage(
  request: LanguageRequest,
  collected: StreamAccumulator,
): { usage?: Usage; estimated: boolean } {
  if (collected.parts.length === 0) return { estimated: false };
  if (collected.lastUsage) return { usage: collected.lastUsage, estimated: false };
  const inputTokens = estimateMessageTokens(request.messages);
  const outputTokens = approximateTokenCounter(collected.text + collected.reasoning);
  return { usage: { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens }, estimated: true };
}

function throwIfCallAborted(call: CallContext): void {
  if (call.signal.aborted)
    throw abortErrorFor(call.signal, { provider: call.provider.id, model: call.request.model });
}

/** The error an aborted call signal stands for: the deadline's TimeoutError, or an AbortError. */
export function abortErrorFor(
  signal: AbortSignal,
  target: { provider?: string; model?: string } = {},
): FFCError {
  const reason = signal.reason;
  if (FFCError.isInstance(reason)) return reason;
  // AbortSignal.timeout(ms) aborts with a DOMException named "TimeoutError": the caller's own
  // time limit, so a TimeoutError, and not retryable (the caller's signal stays aborted).
  if ((reason as { name?: unknown } | undefined)?.name === "TimeoutError") {
    return new TimeoutError("The call's signal timed out (AbortSignal.timeout) before the call finished.", {
      ...target,
      cause: reason,
      retryable: false,
    });
  }
  return new AbortError("The call was aborted by its caller.", { ...target, cause: reason });
}

function normalizeAttemptError(
  thrown: unknown,
  call: CallContext,
  limit: DerivedSignal,
  target: { provider: string; model: string },
  collected?: StreamAccumulator,
): unknown {
  if (call.signal.aborted) return abortErrorFor(call.signal, target);
  if (limit.timedOut) {
    const what =
      collected === undefined || collected.parts.length === 0
        ? `took longer than ${limit.timeoutMs} ms`
        : `sent nothing for ${limit.timeoutMs} ms after part ${collected.parts.length}`;
    return new TimeoutError(
      `The ${target.provider} attempt for ${target.model} ${what}. Raise "timeoutMs" (LLMConfig or the call) if the model needs longer.`,
      { ...target, cause: thrown },
    );
  }
  return thrown;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The limit of a generate attempt, or of a stream's wait for its first part. */
function firstPartTimeout(call: CallContext): number {
  return call.attemptTimeoutMs ?? call.timeoutDefaults?.attemptMs ?? defaultAttemptTimeoutMs;
}

/** One attempt's own signal: it follows the call's and fires after the attempt's time limit (restartable for streams). */
function attemptSignal(call: CallContext, firstTimeoutMs: number): DerivedSignal {
  const limit: DerivedSignal = deriveSignal(call.signal, {
    timeoutMs: firstTimeoutMs,
    timeoutReason: () => new TimeoutError(`Attempt timed out after ${limit.timeoutMs} ms.`),
  });
  return limit;
}

/** The request with the attempt's signal; nothing to add when nothing can abort it. */
function withSignal(request: LanguageRequest, signal: AbortSignal): LanguageRequest {
  return signal === neverAbortedSignal ? request : { ...request, signal };
}
