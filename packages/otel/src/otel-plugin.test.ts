import { type GenerateNext, type Plugin, RateLimitError, TemporaryError } from "@ffc/core";
import { SpanKind, SpanStatusCode } from "@opentelemetry/api";
import { describe, expect, it } from "vitest";
import { createManager, createTelemetry, pointWith } from "./test-support/telemetry-harness";

const openaiTarget = {
  "gen_ai.operation.name": "chat",
  "gen_ai.provider.name": "openai",
  "gen_ai.system": "openai",
  "ffc.provider.id": "openai",
  "gen_ai.request.model": "gpt-4o",
};

/** A tiny retry policy: one more attempt after a retryable error, with the event a real one emits. */
const retryOnce: Plugin = {
  name: "test-retry",
  stage: "retry",
  async generate(call, next: GenerateNext) {
    try {
      return await next(call);
    } catch (error) {
      call.emit("retry-scheduled", {
        provider: call.provider.id,
        model: call.request.model,
        attempt: call.attempts.length,
        delayMs: 0,
        error,
      });
      return next(call);
    }
  },
};

describe("OpenTelemetryPlugin spans and metrics", () => {
  it("records a call span and one attempt span with the GenAI attributes of a successful call", async () => {
    const telemetry = createTelemetry();
    const { llm } = createManager([telemetry.plugin], undefined, { maxTokens: 100, temperature: 0.2 });

    const result = await llm.generate({ prompt: "Say hello" });

    expect(result.text).toBe("Hello there");
    expect(telemetry.spans().map((span) => span.name)).toEqual(["chat gpt-4o attempt", "chat gpt-4o"]);
    const call = telemetry.span("chat gpt-4o");
    expect(call.kind).toBe(SpanKind.CLIENT);
    expect(call.status.code).toBe(SpanStatusCode.UNSET);
    expect(call.attributes).toEqual({
      ...openaiTarget,
      "ffc.operation": "generate",
      "gen_ai.request.max_tokens": 100,
      "gen_ai.request.temperature": 0.2,
      "gen_ai.response.model": "gpt-4o",
      "gen_ai.response.finish_reasons": ["stop"],
      "gen_ai.response.id": result.responseId,
      "ffc.attempts": 1,
      "gen_ai.usage.input_tokens": 12,
      "gen_ai.usage.output_tokens": 3,
    });
    const attempt = telemetry.span("chat gpt-4o attempt");
    expect(attempt.kind).toBe(SpanKind.INTERNAL);
    expect(attempt.parentSpanContext?.spanId).toBe(call.spanContext().spanId);
    expect(attempt.spanContext().traceId).toBe(call.spanContext().traceId);
    expect(attempt.attributes).toEqual({
      "gen_ai.provider.name": "openai",
      "gen_ai.system": "openai",
      "ffc.provider.id": "openai",
      "gen_ai.request.model": "gpt-4o",
      "ffc.attempt": 1,
      "gen_ai.request.max_tokens": 100,
      "gen_ai.request.temperature": 0.2,
      "ffc.attempt.input_tokens": 12,
      "ffc.attempt.output_tokens": 3,
      "gen_ai.response.finish_reasons": ["stop"],
    });
    expect(telemetry.plugin.openCalls).toBe(0);
  });

  it("records input and output tokens and the duration with the conventions' metric names", async () => {
    const telemetry = createTelemetry();
    const { llm } = createManager([telemetry.plugin]);

    await llm.generate({ prompt: "Say hello" });

    const tokens = await telemetry.points("gen_ai.client.token.usage");
    expect(tokens.map((point) => point.attributes)).toEqual([
      { ...openaiTarget, "gen_ai.token.type": "input" },
      { ...openaiTarget, "gen_ai.token.type": "output" },
    ]);
    expect(pointWith(tokens, { "gen_ai.token.type": "input" })?.value).toMatchObject({ count: 1, sum: 12 });
    expect(pointWith(tokens, { "gen_ai.token.type": "output" })?.value).toMatchObject({ count: 1, sum: 3 });
    const durations = await telemetry.points("gen_ai.client.operation.duration");
    expect(durations).toHaveLength(1);
    expect(durations[0]!.attributes).toEqual({ ...openaiTarget, "gen_ai.response.model": "gpt-4o" });
    expect(durations[0]!.value.count).toBe(1);
    // Seconds, not milliseconds: a mock call takes far less than a second.
    expect(durations[0]!.value.sum).toBeGreaterThanOrEqual(0);
    expect(durations[0]!.value.sum).toBeLessThan(5);
  });

  it("records two attempt spans for a retried call, the first one failed", async () => {
    const telemetry = createTelemetry();
    const { llm } = createManager(
      [telemetry.plugin, retryOnce],
      [{ error: new TemporaryError("The server answered 503.", { status: 503 }) }, { text: "Recovered" }],
    );

    const result = await llm.generate({ prompt: "Try twice" });

    expect(result.text).toBe("Recovered");
    const attempts = telemetry.spans().filter((span) => span.name === "chat gpt-4o attempt");
    expect(attempts.map((span) => span.attributes["ffc.attempt"])).toEqual([1, 2]);
    expect(attempts[0]!.status).toEqual({ code: SpanStatusCode.ERROR, message: "The server answered 503." });
    expect(attempts[0]!.attributes["error.type"]).toBe("TemporaryError");
    expect(attempts[0]!.events.map((event) => event.name)).toEqual(["exception"]);
    expect(attempts[1]!.status.code).toBe(SpanStatusCode.UNSET);
    expect(attempts[1]!.attributes["error.type"]).toBeUndefined();
    const call = telemetry.span("chat gpt-4o");
    expect(call.status.code).toBe(SpanStatusCode.UNSET);
    expect(call.attributes["ffc.attempts"]).toBe(2);
    expect(call.events.map((event) => [event.name, event.attributes])).toEqual([
      ["ffc.retry", { "ffc.attempt": 1, "ffc.retry.delay_ms": 0, "error.type": "TemporaryError" }],
    ]);
    const retries = await telemetry.points("ffc.retries");
    expect(retries.map((point) => [point.attributes, point.value])).toEqual([
      [{ ...openaiTarget, "error.type": "TemporaryError" }, 1],
    ]);
  });

  it("marks the call span as failed with error.type when every attempt fails", async () => {
    const telemetry = createTelemetry();
    const { llm } = createManager(
      [telemetry.plugin],
      [{ error: new RateLimitError("Rate limit reached for gpt-4o.", { status: 429 }) }],
    );

    await expect(llm.generate({ prompt: "Fail" })).rejects.toThrow("Rate limit reached");

    const call = telemetry.span("chat gpt-4o");
    expect(call.status).toEqual({ code: SpanStatusCode.ERROR, message: "Rate limit reached for gpt-4o." });
    expect(call.attributes["error.type"]).toBe("RateLimitError");
    expect(call.attributes["ffc.attempts"]).toBe(1);
    expect(call.attributes["gen_ai.response.model"]).toBeUndefined();
    expect(call.events[0]?.name).toBe("exception");
    expect(call.events[0]?.attributes).toMatchObject({
      "exception.type": "RateLimitError",
      "exception.message": "Rate limit reached for gpt-4o.",
    });
    expect(telemetry.span("chat gpt-4o attempt").attributes["error.type"]).toBe("RateLimitError");
    const durations = await telemetry.points("gen_ai.client.operation.duration");
    expect(durations.map((point) => point.attributes)).toEqual([
      { ...openaiTarget, "error.type": "RateLimitError" },
    ]);
    expect(await telemetry.points("gen_ai.client.token.usage")).toEqual([]);
    expect(telemetry.plugin.openCalls).toBe(0);
  });

  it("records a stream call with its usage once the stream has finished", async () => {
    const telemetry = createTelemetry();
    const { llm } = createManager(
      [telemetry.plugin],
      [{ text: "one two three", usage: { inputTokens: 7, outputTokens: 3 } }],
    );

    let text = "";
    const response = llm.stream({ prompt: "Count" });
    for await (const delta of response.text) text += delta;
    await response.result;

    expect(text).toBe("one two three");
    const call = telemetry.span("chat gpt-4o");
    expect(call.attributes).toMatchObject({
      ...openaiTarget,
      "ffc.operation": "stream",
      "gen_ai.response.model": "gpt-4o",
      "gen_ai.response.finish_reasons": ["stop"],
      "gen_ai.usage.input_tokens": 7,
      "gen_ai.usage.output_tokens": 3,
    });
    expect(call.status.code).toBe(SpanStatusCode.UNSET);
    expect(telemetry.span("chat gpt-4o attempt").parentSpanContext?.spanId).toBe(call.spanContext().spanId);
    const tokens = await telemetry.points("gen_ai.client.token.usage");
    expect(pointWith(tokens, { "gen_ai.token.type": "output" })?.value).toMatchObject({ sum: 3 });
    expect(telemetry.plugin.openCalls).toBe(0);
  });

  it("records an aborted call as an AbortError on both spans", async () => {
    const telemetry = createTelemetry();
    const { llm } = createManager([telemetry.plugin], [{ text: "too late", delayMs: 5_000 }]);
    const controller = new AbortController();

    const pending = llm.generate({ prompt: "Wait", signal: controller.signal });
    setTimeout(() => controller.abort(), 5);

    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
    const call = telemetry.span("chat gpt-4o");
    expect(call.attributes["error.type"]).toBe("AbortError");
    expect(call.status.code).toBe(SpanStatusCode.ERROR);
    expect(telemetry.span("chat gpt-4o attempt").attributes["error.type"]).toBe("AbortError");
    expect(telemetry.plugin.openCalls).toBe(0);
  });

  it("ends the call span when the consumer stops reading a stream early", async () => {
    const telemetry = createTelemetry();
    const { llm } = createManager([telemetry.plugin], [{ text: "one two three four five" }]);

    for await (const part of llm.stream({ prompt: "Count" })) {
      if (part.type === "text-delta") break;
    }

    const call = telemetry.span("chat gpt-4o");
    expect(call.attributes["error.type"]).toBe("AbortError");
    expect(call.status).toEqual({
      code: SpanStatusCode.ERROR,
      message: "The stream was closed by its consumer before it finished.",
    });
    expect(telemetry.span("chat gpt-4o attempt").attributes["error.type"]).toBe("AbortError");
    const durations = await telemetry.points("gen_ai.client.operation.duration");
    expect(durations.map((point) => point.attributes["error.type"])).toEqual(["AbortError"]);
    expect(telemetry.plugin.openCalls).toBe(0);
  });

  it("records nothing for a call refused because its signal was aborted before it began", async () => {
    const telemetry = createTelemetry();
    const { llm, provider } = createManager([telemetry.plugin]);
    const controller = new AbortController();
    controller.abort();
    await expect(llm.generate({ prompt: "Never sent", signal: controller.signal })).rejects.toMatchObject({
      name: "AbortError",
    });
    expect(provider.callCount).toBe(0);
    expect(telemetry.plugin.openCalls).toBe(0);
    expect(telemetry.spans()).toEqual([]);
  });

  it("ends the oldest open call as unfinished past maxOpenCalls, so open spans stay bounded", async () => {
    const telemetry = createTelemetry({ maxOpenCalls: 1 });
    const { llm } = createManager(
      [telemetry.plugin],
      [
        { text: "slow", delayMs: 60_000 },
        { text: "Sent", usage: { inputTokens: 2, outputTokens: 1 } },
      ],
    );
    const controller = new AbortController();
    const slow = llm.generate({ prompt: "Slow", signal: controller.signal }).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(telemetry.plugin.openCalls).toBe(1);

    await llm.generate({ prompt: "Sent" });

    const calls = telemetry.spans().filter((span) => span.name === "chat gpt-4o");
    expect(calls).toHaveLength(2);
    expect(calls[0]!.attributes["ffc.call.unfinished"]).toBe(true);
    expect(calls[0]!.status).toEqual({
      code: SpanStatusCode.ERROR,
      message: "FFC never reported the end of this call.",
    });
    expect(calls[1]!.attributes["ffc.call.unfinished"]).toBeUndefined();
    controller.abort();
    await slow;
    expect(telemetry.plugin.openCalls).toBe(0);
  });
});
