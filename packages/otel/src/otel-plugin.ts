import type {
  CallContext,
  GenerateNext,
  LLMEvent,
  LLMEventOf,
  Plugin,
  PolicyStage,
  ProviderResult,
  StreamNext,
  StreamPart,
} from "@ffc/core";
import {
  type Attributes,
  context,
  diag,
  type Meter,
  metrics,
  SpanKind,
  SpanStatusCode,
  type Tracer,
  trace,
} from "@opentelemetry/api";
import { endAttemptSpan, failAttemptSpan, startAttemptSpan } from "./attempt-spans";
import { FFCAttributes, GenAIAttributes } from "./attribute-names";
import { type CallRecord, describeResult, endCallSpans, markFailed, setCallUsage } from "./call-record";
import { inputContentAttributes, outputContentAttributes } from "./content-capture";
import {
  errorType,
  metadataAttributes,
  operationName,
  requestAttributes,
  targetAttributes,
} from "./genai-mapping";
import { OtelMetrics } from "./otel-metrics";
import {
  type CheckedOptions,
  checkPluginOptions,
  type OpenTelemetryPluginOptions,
} from "./otel-plugin-options";
import { spanEventFor } from "./span-events";

const instrumentationName = "@ffc/otel";

/**
 * Turns FFC's event stream into OpenTelemetry spans and metrics with the GenAI semantic
 * conventions: one span per call ("chat gpt-4o") with a child span per attempt, retries,
 * fallbacks, budget and cache decisions as span events, and token, duration, cost, retry,
 * fallback and budget-refusal metrics.
 */
export class OpenTelemetryPlugin implements Plugin {
  readonly name = "otel";
  /**
   * Outermost, so that its policy sees each call's request once, before a budget may refuse
   * it, and runs the whole call with the call span active (HTTP spans nest under it).
   */
  readonly stage: PolicyStage = "observe";
  readonly #tracer: Tracer;
  readonly #options: CheckedOptions;
  #metrics: OtelMetrics | undefined;
  readonly #calls = new Map<string, CallRecord>();

  constructor(options: OpenTelemetryPluginOptions = {}) {
    this.#options = checkPluginOptions(options);
    this.#tracer = this.#options.tracer ?? trace.getTracer(instrumentationName);
  }

  /** Number of calls whose span is open; for tests and leak checks. */
  get openCalls(): number {
    return this.#calls.size;
  }

  onEvent(event: LLMEvent): void {
    // Events are emitted synchronously inside the call: a failure here must never fail the call.
    try {
      this.#handle(event);
    } catch (error) {
      diag.error(`${instrumentationName}: could not record the "${event.type}" event`, error);
    }
  }

  generate(call: CallContext, next: GenerateNext): Promise<ProviderResult> {
    const record = this.#calls.get(call.callId);
    if (!record) return next(call);
    this.#noteRequest(record, call);
    return context.with(record.context, next, undefined, call);
  }

  stream(call: CallContext, next: StreamNext): AsyncIterable<StreamPart> {
    const record = this.#calls.get(call.callId);
    if (!record) return next(call);
    this.#noteRequest(record, call);
    return this.#watchStream(call.callId, next(call));
  }

  #handle(event: LLMEvent): void {
    if (event.type === "call-start") {
      this.#startCall(event);
      return;
    }
    const record = this.#calls.get(event.callId);
    if (!record) return;
    switch (event.type) {
      case "attempt-start":
        startAttemptSpan(this.#tracer, record, event);
        return;
      case "attempt-end":
        this.#endAttempt(record, event);
        return;
      case "attempt-error":
        this.#failAttempt(record, event);
        return;
      case "call-end":
      case "call-error":
        // Closed in finally: a throwing meter or exporter must not leave the call open forever.
        try {
          if (event.type === "call-end") this.#endCall(record, event);
          else this.#failCall(record, event);
        } finally {
          this.#close(record);
        }
        return;
    }
    this.#countEvent(record, event);
    if (!record.span.isRecording()) return;
    const spanEvent = spanEventFor(event);
    if (spanEvent) record.span.addEvent(spanEvent.name, spanEvent.attributes);
    if (event.type === "cache-hit" || event.type === "cache-miss") {
      record.span.setAttribute(FFCAttributes.CACHE_HIT, event.type === "cache-hit");
    }
  }

  #startCall(event: LLMEventOf<"call-start">): void {
    if (this.#calls.size >= this.#options.maxOpenCalls) this.#evictOldest();
    const metricAttributes = targetAttributes(event.provider, event.model);
    const parent = context.active();
    const span = this.#tracer.startSpan(
      `${operationName} ${event.model}`,
      {
        kind: SpanKind.CLIENT,
        attributes: {
          ...metricAttributes,
          [FFCAttributes.OPERATION]: event.operation,
          ...metadataAttributes(event.metadata),
        },
      },
      parent,
    );
    this.#calls.set(event.callId, {
      callId: event.callId,
      span,
      context: trace.setSpan(parent, span),
      operationName,
      started: performance.now(),
      metricAttributes,
      attempts: new Map(),
      requestAttributes: undefined,
      estimatedUsage: false,
    });
  }

  // Spans before metrics in both: a throwing meter must not leave an attempt span open.
  #endAttempt(record: CallRecord, event: LLMEventOf<"attempt-end">): void {
    endAttemptSpan(record, event);
    const { inputTokens, outputTokens } = event.usage;
    this.#meter().recordTokens(inputTokens, outputTokens, targetAttributes(event.provider, event.model));
  }

  #failAttempt(record: CallRecord, event: LLMEventOf<"attempt-error">): void {
    if (event.estimated) record.estimatedUsage = true;
    failAttemptSpan(record, event);
    // Estimates stay out of the metric: the conventions want the tokens the vendor reports.
    if (event.usage && !event.estimated) {
      const { inputTokens, outputTokens } = event.usage;
      this.#meter().recordTokens(inputTokens, outputTokens, targetAttributes(event.provider, event.model));
    }
  }

  #endCall(record: CallRecord, event: LLMEventOf<"call-end">): void {
    const { result } = event;
    if (record.span.isRecording()) {
      describeResult(record, result);
      if (this.#options.captureContent) record.span.setAttributes(outputContentAttributes(result));
    }
    const metricsAttributes = { ...record.metricAttributes, [GenAIAttributes.RESPONSE_MODEL]: result.model };
    this.#meter().recordDuration(event.durationMs / 1000, metricsAttributes);
    if (typeof result.costUsd === "number") this.#meter().addCost(result.costUsd, metricsAttributes);
  }

  #failCall(record: CallRecord, event: LLMEventOf<"call-error">): void {
    if (record.span.isRecording()) setCallUsage(record, event.attempts);
    const type = markFailed(record.span, event.error);
    this.#meter().recordDuration(event.durationMs / 1000, {
      ...record.metricAttributes,
      [GenAIAttributes.ERROR_TYPE]: type,
    });
  }

  #countEvent(record: CallRecord, event: LLMEvent): void {
    if (event.type === "retry-scheduled") {
      this.#meter().countRetry({
        ...targetAttributes(event.provider, event.model),
        ...errorAttribute(event.error),
      });
    } else if (event.type === "fallback") {
      this.#meter().countFallback({
        ...targetAttributes(event.from.provider, event.from.model),
        [FFCAttributes.FALLBACK_TO_PROVIDER]: event.to.provider,
        [FFCAttributes.FALLBACK_TO_MODEL]: event.to.model,
      });
    } else if (event.type === "budget-refused") {
      // The scope (e.g. "user:42") stays on the span event: as a metric attribute it is unbounded.
      this.#meter().countBudgetRefusal(record.metricAttributes);
    }
  }

  /** Records the request once per call: settings always, messages only with captureContent. */
  #noteRequest(record: CallRecord, call: CallContext): void {
    if (record.requestAttributes !== undefined) return;
    record.requestAttributes = requestAttributes(call.request);
    if (!record.span.isRecording()) return;
    record.span.setAttributes(record.requestAttributes);
    if (this.#options.captureContent)
      record.span.setAttributes(inputContentAttributes(call.request.messages));
  }

  /**
   * Passes a stream through, and ends the call span when the consumer stops early: core emits
   * neither call-end nor call-error then, and the span would otherwise stay open.
   */
  async *#watchStream(callId: string, source: AsyncIterable<StreamPart>): AsyncIterable<StreamPart> {
    let settled = false;
    try {
      for await (const part of source) yield part;
      settled = true;
    } catch (error) {
      settled = true;
      throw error;
    } finally {
      if (!settled) this.#endClosedStream(callId);
    }
  }

  #endClosedStream(callId: string): void {
    const record = this.#calls.get(callId);
    if (!record) return;
    const error = {
      name: "AbortError",
      message: "The stream was closed by its consumer before it finished.",
    };
    const type = markFailed(record.span, error);
    this.#meter().recordDuration((performance.now() - record.started) / 1000, {
      ...record.metricAttributes,
      [GenAIAttributes.ERROR_TYPE]: type,
    });
    this.#close(record);
  }

  /** Ends the oldest open call: FFC reports no end for a call aborted before its first attempt. */
  #evictOldest(): void {
    const oldest = this.#calls.values().next().value;
    if (!oldest) return;
    oldest.span.setAttribute(FFCAttributes.UNFINISHED, true);
    oldest.span.setStatus({
      code: SpanStatusCode.ERROR,
      message: "FFC never reported the end of this call.",
    });
    this.#close(oldest);
  }

  #close(record: CallRecord): void {
    this.#calls.delete(record.callId);
    endCallSpans(record);
  }

  /** The instruments, created at first use so that a global MeterProvider registered late counts. */
  #meter(): OtelMetrics {
    if (!this.#metrics) {
      const meter: Meter = this.#options.meter ?? metrics.getMeter(instrumentationName);
      this.#metrics = new OtelMetrics(meter);
    }
    return this.#metrics;
  }
}

/** Creates an OpenTelemetryPlugin; the same as `new OpenTelemetryPlugin(options)`. */
export function createOtelPlugin(options: OpenTelemetryPluginOptions = {}): OpenTelemetryPlugin {
  return new OpenTelemetryPlugin(options);
}

function errorAttribute(error: unknown): Attributes {
  return { [GenAIAttributes.ERROR_TYPE]: errorType(error) };
}
