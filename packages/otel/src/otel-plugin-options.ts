import { checkOptions, option } from "@ffc/core/plugin";
import type { Meter, Tracer } from "@opentelemetry/api";

/**
 * Options of an OpenTelemetryPlugin.
 * @example new OpenTelemetryPlugin({ tracer: trace.getTracer("my-app"), captureContent: false })
 */
export interface OpenTelemetryPluginOptions {
  /**
   * Tracer for the spans.
   * @default trace.getTracer("@ffc/otel") from the global provider
   */
  tracer?: Tracer;
  /**
   * Meter for the metrics; default `metrics.getMeter("@ffc/otel")` from the global provider,
   * looked up at the first call, so register the global MeterProvider before calling.
   * @default metrics.getMeter("@ffc/otel")
   */
  meter?: Meter;
  /**
   * Record prompts and answers as `gen_ai.input.messages`, `gen_ai.system_instructions` and
   * `gen_ai.output.messages`. Off by default: they often hold personal data.
   * @default false
   */
  captureContent?: boolean;
  /**
   * Calls whose spans may be open at once. Past it, the oldest call's span is
   * ended as unfinished, so that a call FFC never reports the end of cannot leak memory.
   * @default 10000
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

const pluginRules = {
  tracer: option.implementing<Tracer>("an OpenTelemetry Tracer", ["startSpan"], {
    example: 'trace.getTracer("my-app")',
  }),
  meter: option.implementing<Meter>("an OpenTelemetry Meter", ["createHistogram", "createCounter"], {
    example: 'metrics.getMeter("my-app")',
  }),
  captureContent: option.boolean({ default: false }),
  maxOpenCalls: option.integer({ min: 1, default: 10_000 }),
};

/** Checks the options once, at construction, naming every bad field and what to pass instead. */
export function checkPluginOptions(options: unknown): CheckedOptions {
  return checkOptions("OpenTelemetryPlugin", options, pluginRules, "{ captureContent: false }");
}
