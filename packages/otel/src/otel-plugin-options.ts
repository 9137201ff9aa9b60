import { ConfigError } from "@ffc/core";
import { describeValue } from "@ffc/core/plugin";
import type { Meter, Tracer } from "@opentelemetry/api";

/** Options of an OpenTelemetryPlugin. */
export interface OpenTelemetryPluginOptions {
  /** Tracer for the spans; default `trace.getTracer("@ffc/otel")` from the global provider. */
  tracer?: Tracer;
  /**
   * Meter for the metrics; default `metrics.getMeter("@ffc/otel")` from the global provider,
   * looked up at the first call, so register the global MeterProvider before calling.
   */
  meter?: Meter;
  /**
   * Record prompts and answers as `gen_ai.input.messages`, `gen_ai.system_instructions` and
   * `gen_ai.output.messages`. Off by default: they often hold personal data.
   */
  captureContent?: boolean;
  /**
   * Calls whose spans may be open at once (default 10,000). Past it, the oldest call's span is
   * ended as unfinished, so that a call FFC never reports the end of cannot leak memory.
   */
  maxOpenCalls?: number;
}

/** The options after checking, with defaults applied where they need no global lookup. */
export interface CheckedOptions {
  tracer: Tracer | undefined;
  meter: Meter | undefined;
  captureContent: boolean;
  maxOpenCalls: number;
}

const owner = "OpenTelemetryPlugin";

/** Checks the options once, at construction, naming the bad field and what to pass instead. */
export function checkOptions(options: unknown): CheckedOptions {
  if (options === undefined) options = {};
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new ConfigError(`${owner}: pass an options object such as { captureContent: false }.`);
  }
  const { tracer, meter, captureContent, maxOpenCalls } = options as Record<string, unknown>;
  if (tracer !== undefined && typeof (tracer as Tracer | null)?.startSpan !== "function") {
    throw new ConfigError(
      `${owner} "tracer": expected an OpenTelemetry Tracer (with startSpan), got ${describeValue(tracer)}; pass trace.getTracer("my-app") or leave it out.`,
    );
  }
  if (
    meter !== undefined &&
    (typeof (meter as Meter | null)?.createHistogram !== "function" ||
      typeof (meter as Meter).createCounter !== "function")
  ) {
    throw new ConfigError(
      `${owner} "meter": expected an OpenTelemetry Meter (with createHistogram and createCounter), got ${describeValue(meter)}; pass metrics.getMeter("my-app") or leave it out.`,
    );
  }
  if (captureContent !== undefined && typeof captureContent !== "boolean") {
    throw new ConfigError(
      `${owner} "captureContent": expected true or false, got ${describeValue(captureContent)}.`,
    );
  }
  if (
    maxOpenCalls !== undefined &&
    (typeof maxOpenCalls !== "number" || !Number.isInteger(maxOpenCalls) || maxOpenCalls < 1)
  ) {
    throw new ConfigError(
      `${owner} "maxOpenCalls": expected a whole number of at least 1, got ${describeValue(maxOpenCalls)}.`,
    );
  }
  return {
    tracer: tracer as Tracer | undefined,
    meter: meter as Meter | undefined,
    captureContent: captureContent ?? false,
    maxOpenCalls: (maxOpenCalls as number | undefined) ?? 10_000,
  };
}
