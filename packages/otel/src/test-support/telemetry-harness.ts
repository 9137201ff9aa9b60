import { AsyncLocalStorage } from "node:async_hooks";
import { LLMManager, type Plugin } from "@ffc/core";
import { MockProvider, type MockProviderOptions } from "@ffc/testing";
import { type Attributes, type Context, type ContextManager, ROOT_CONTEXT } from "@opentelemetry/api";
import { type DataPoint, MeterProvider, MetricReader } from "@opentelemetry/sdk-metrics";
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from "@opentelemetry/sdk-trace-base";
import { OpenTelemetryPlugin } from "../otel-plugin";
import type { OpenTelemetryPluginOptions } from "../otel-plugin-options";

/** A metric reader the test collects from on demand. */
class CollectingReader extends MetricReader {
  protected override async onShutdown(): Promise<void> {}
  protected override async onForceFlush(): Promise<void> {}
}

/** A real tracer and meter over in-memory exporters, and the plugin wired to them. */
export function createTelemetry(options: Omit<OpenTelemetryPluginOptions, "tracer" | "meter"> = {}) {
  const exporter = new InMemorySpanExporter();
  const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const reader = new CollectingReader();
  const meterProvider = new MeterProvider({ readers: [reader] });
  const plugin = new OpenTelemetryPlugin({
    ...options,
    tracer: tracerProvider.getTracer("test"),
    meter: meterProvider.getMeter("test"),
  });
  return {
    plugin,
    tracerProvider,
    meterProvider,
    /** Finished spans in the order they ended. */
    spans: (): ReadableSpan[] => exporter.getFinishedSpans(),
    /** The one finished span of this name. */
    span(name: string): ReadableSpan {
      const found = exporter.getFinishedSpans().filter((span) => span.name === name);
      if (found.length !== 1) throw new Error(`expected one span named "${name}", found ${found.length}`);
      return found[0]!;
    },
    /** The data points of one metric, or [] when it recorded nothing. */
    async points(name: string): Promise<Array<DataPoint<any>>> {
      const { resourceMetrics } = await reader.collect();
      for (const scope of resourceMetrics.scopeMetrics) {
        for (const metric of scope.metrics) {
          if (metric.descriptor.name === name) return metric.dataPoints as Array<DataPoint<any>>;
        }
      }
      return [];
    },
    /** Everything recorded, as JSON text, to search for things that must not be there. */
    async everything(): Promise<string> {
      const { resourceMetrics } = await reader.collect();
      const spans = exporter.getFinishedSpans().map((span) => ({
        name: span.name,
        attributes: span.attributes,
        events: span.events,
        status: span.status,
      }));
      return JSON.stringify({ spans, metrics: resourceMetrics.scopeMetrics });
    },
  };
}

/** A manager with a MockProvider reporting as "openai", model "gpt-4o", and the given plugins. */
export function createManager(
  plugins: Plugin[],
  script: MockProviderOptions["script"] = [
    { text: "Hello there", usage: { inputTokens: 12, outputTokens: 3 } },
  ],
  config: { apiKey?: string; maxTokens?: number; temperature?: number } = {},
) {
  const provider = new MockProvider({ id: "openai", script });
  const llm = new LLMManager({ provider, model: "gpt-4o", ...config }, { plugins });
  return { llm, provider };
}

/** The point whose attributes match all of `wanted`. */
export function pointWith(points: Array<DataPoint<any>>, wanted: Attributes): DataPoint<any> | undefined {
  return points.find((point) =>
    Object.entries(wanted).every(([key, value]) => point.attributes[key] === value),
  );
}

/** A context manager over AsyncLocalStorage, so that tests can see which span is active. */
export class AsyncContextManager implements ContextManager {
  readonly #storage = new AsyncLocalStorage<Context>();
  active(): Context {
    return this.#storage.getStore() ?? ROOT_CONTEXT;
  }
  with<A extends unknown[], F extends (...args: A) => ReturnType<F>>(
    context: Context,
    fn: F,
    thisArg?: ThisParameterType<F>,
    ...args: A
  ): ReturnType<F> {
    return this.#storage.run(context, () => fn.call(thisArg, ...args));
  }
  bind<T>(_context: Context, target: T): T {
    return target;
  }
  enable(): this {
    return this;
  }
  disable(): this {
    this.#storage.disable();
    return this;
  }
}
