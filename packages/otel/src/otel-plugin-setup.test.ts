import { ConfigError, LLMManager } from "@ffc/core";
import { MockProvider } from "@ffc/testing";
import { context, type Meter, metrics, type Tracer, trace } from "@opentelemetry/api";
import { afterEach, describe, expect, it } from "vitest";
import { createOtelPlugin, OpenTelemetryPlugin } from "./otel-plugin";
import { AsyncContextManager, createManager, createTelemetry } from "./test-support/telemetry-harness";

afterEach(() => {
  trace.disable();
  metrics.disable();
  context.disable();
});

describe("OpenTelemetryPlugin setup", () => {
  it("uses the global tracer and meter providers by default, even when registered after construction", async () => {
    const plugin = new OpenTelemetryPlugin();
    const telemetry = createTelemetry();
    trace.setGlobalTracerProvider(telemetry.tracerProvider);
    metrics.setGlobalMeterProvider(telemetry.meterProvider);
    const { llm } = createManager([plugin]);

    await llm.generate({ prompt: "Hello" });

    expect(telemetry.spans().map((span) => span.name)).toEqual(["chat gpt-4o attempt", "chat gpt-4o"]);
    expect(telemetry.spans()[1]!.instrumentationScope.name).toBe("@ffc/otel");
    expect(await telemetry.points("gen_ai.client.token.usage")).toHaveLength(2);
  });

  it("works with the API's no-op tracer and meter when no SDK is registered", async () => {
    const plugin = createOtelPlugin();
    const { llm } = createManager([plugin]);

    const result = await llm.generate({ prompt: "Hello" });
    for await (const _part of llm.stream({ prompt: "Hello" })) {
      // drain
    }

    expect(result.text).toBe("Hello there");
    expect(plugin.openCalls).toBe(0);
  });

  it("makes a span active in the caller the parent of the call span, and the call span active during it", async () => {
    context.setGlobalContextManager(new AsyncContextManager());
    const telemetry = createTelemetry();
    let activeInProvider: string | undefined;
    const provider = new MockProvider({
      id: "openai",
      respond: () => {
        activeInProvider = trace.getActiveSpan()?.spanContext().spanId;
        return { text: "ok" };
      },
    });
    const llm = new LLMManager({ provider, model: "gpt-4o" }, { plugins: [telemetry.plugin] });
    const tracer = telemetry.tracerProvider.getTracer("app");

    await tracer.startActiveSpan("handle request", async (parent) => {
      await llm.generate({ prompt: "Hello" });
      parent.end();
    });

    const call = telemetry.span("chat gpt-4o");
    expect(call.parentSpanContext?.spanId).toBe(telemetry.span("handle request").spanContext().spanId);
    expect(activeInProvider).toBe(call.spanContext().spanId);
  });

  it("never fails a call when the tracer throws", async () => {
    const broken = {
      startSpan() {
        throw new Error("tracer is broken");
      },
      startActiveSpan() {
        throw new Error("tracer is broken");
      },
    } as unknown as Tracer;
    const plugin = new OpenTelemetryPlugin({ tracer: broken });
    const { llm } = createManager([plugin]);

    await expect(llm.generate({ prompt: "Hello" })).resolves.toMatchObject({ text: "Hello there" });
    expect(plugin.openCalls).toBe(0);
  });

  it("still ends the call span when the meter throws", async () => {
    const telemetry = createTelemetry();
    const failing = () => {
      throw new Error("meter is broken");
    };
    const brokenMeter = {
      createHistogram: () => ({ record: failing }),
      createCounter: () => ({ add: failing }),
    } as unknown as Meter;
    const plugin = new OpenTelemetryPlugin({
      tracer: telemetry.tracerProvider.getTracer("app"),
      meter: brokenMeter,
    });
    const { llm } = createManager([plugin]);

    await expect(llm.generate({ prompt: "Hello" })).resolves.toMatchObject({ text: "Hello there" });

    expect(telemetry.spans().map((span) => span.name)).toEqual(["chat gpt-4o attempt", "chat gpt-4o"]);
    expect(telemetry.span("chat gpt-4o attempt").attributes["ffc.attempt.output_tokens"]).toBe(3);
    expect(telemetry.span("chat gpt-4o").attributes["gen_ai.usage.output_tokens"]).toBe(3);
    expect(plugin.openCalls).toBe(0);
  });

  it.each([
    [{ tracer: {} }, '"tracer" must be an OpenTelemetry Tracer with startSpan'],
    [{ meter: 42 }, '"meter" must be an OpenTelemetry Meter with createHistogram, createCounter'],
    [{ captureContent: "yes" }, '"captureContent" must be true or false, got a string of 3 characters'],
    [{ maxOpenCalls: 0 }, '"maxOpenCalls" must be a whole number at least 1, got 0'],
    [{ maxOpenCalls: 1.5 }, '"maxOpenCalls" must be a whole number at least 1, got 1.5'],
    [{ captureContents: true }, '"captureContents" is not an option (did you mean "captureContent"?)'],
  ])("refuses bad options at construction, naming the field (%j)", (options, message) => {
    expect(() => new OpenTelemetryPlugin(options as never)).toThrow(ConfigError);
    expect(() => new OpenTelemetryPlugin(options as never)).toThrow(message);
  });

  it("refuses an options value that is not an object", () => {
    expect(() => new OpenTelemetryPlugin("verbose" as never)).toThrow(
      "Invalid OpenTelemetryPlugin options: expected an object such as { captureContent: false }",
    );
  });

  it("is named otel and sits in the outermost stage", () => {
    const plugin = new OpenTelemetryPlugin();
    expect(plugin.name).toBe("otel");
    expect(plugin.stage).toBe("observe");
  });
});
