import { BudgetExceededError, type Plugin, type ProviderResult, TemporaryError } from "@ffc/core";
import { MockProvider } from "@ffc/testing";
import { SpanStatusCode } from "@opentelemetry/api";
import { describe, expect, it } from "vitest";
import { createManager, createTelemetry, pointWith } from "./test-support/telemetry-harness";

const openaiTarget = {
  "gen_ai.operation.name": "chat",
  "gen_ai.provider.name": "openai",
  "gen_ai.system": "openai",
  "ffc.provider.id": "openai",
  "gen_ai.request.model": "gpt-4o",
};

/** A tiny fallback policy: on failure, moves to a second provider and model, emitting "fallback". */
function fallbackTo(provider: MockProvider, model: string): Plugin {
  return {
    name: "test-fallback",
    stage: "fallback",
    async generate(call, next) {
      try {
        return await next(call);
      } catch (error) {
        const to = { provider: provider.id, model };
        call.emit("fallback", { from: { provider: call.provider.id, model: call.request.model }, to, error });
        return next({ ...call, provider, request: { ...call.request, model } });
      }
    },
  };
}

describe("OpenTelemetryPlugin policy events", () => {
  it("records a fallback as a span event, a counter and an attempt span on the new target", async () => {
    const telemetry = createTelemetry();
    const anthropic = new MockProvider({ id: "anthropic", script: [{ text: "From Claude" }] });
    const { llm } = createManager(
      [telemetry.plugin, fallbackTo(anthropic, "claude-sonnet-4-5")],
      [{ error: new TemporaryError("The server answered 500.", { status: 500 }) }],
    );

    const result = await llm.generate({ prompt: "Anyone?" });

    expect(result.text).toBe("From Claude");
    expect(telemetry.spans().map((span) => span.name)).toEqual([
      "chat gpt-4o attempt",
      "chat claude-sonnet-4-5 attempt",
      "chat gpt-4o",
    ]);
    const second = telemetry.span("chat claude-sonnet-4-5 attempt");
    expect(second.attributes).toMatchObject({
      "gen_ai.provider.name": "anthropic",
      "gen_ai.request.model": "claude-sonnet-4-5",
      "ffc.attempt": 2,
    });
    const call = telemetry.span("chat gpt-4o");
    expect(call.attributes["gen_ai.response.model"]).toBe("claude-sonnet-4-5");
    expect(call.events.map((event) => [event.name, event.attributes])).toEqual([
      [
        "ffc.fallback",
        {
          "ffc.fallback.from.provider": "openai",
          "ffc.fallback.from.model": "gpt-4o",
          "ffc.fallback.to.provider": "anthropic",
          "ffc.fallback.to.model": "claude-sonnet-4-5",
          "error.type": "TemporaryError",
        },
      ],
    ]);
    const fallbacks = await telemetry.points("ffc.fallbacks");
    expect(fallbacks.map((point) => [point.attributes, point.value])).toEqual([
      [
        {
          ...openaiTarget,
          "ffc.fallback.to.provider": "anthropic",
          "ffc.fallback.to.model": "claude-sonnet-4-5",
        },
        1,
      ],
    ]);
    const tokens = await telemetry.points("gen_ai.client.token.usage");
    expect(
      pointWith(tokens, { "gen_ai.provider.name": "anthropic", "gen_ai.token.type": "output" }),
    ).toBeDefined();
  });

  it("records a budget refusal as a span event and a counter, with no attempt span", async () => {
    const telemetry = createTelemetry();
    const refuse: Plugin = {
      name: "test-budget",
      stage: "admission",
      async generate(call) {
        const details = {
          unit: "tokens" as const,
          limit: 1000,
          spent: 990,
          reserved: 0,
          requested: 50,
          scope: "user:42",
        };
        const error = new BudgetExceededError(
          "The daily token budget of user:42 would be exceeded.",
          details,
        );
        call.emit("budget-refused", { scope: "user:42", error });
        throw error;
      },
    };
    const { llm, provider } = createManager([telemetry.plugin, refuse], undefined, { maxTokens: 50 });

    await expect(llm.generate({ prompt: "Too much" })).rejects.toThrow("budget");

    expect(provider.callCount).toBe(0);
    expect(telemetry.spans().map((span) => span.name)).toEqual(["chat gpt-4o"]);
    const call = telemetry.span("chat gpt-4o");
    expect(call.attributes).toMatchObject({
      "error.type": "BudgetExceededError",
      "gen_ai.request.max_tokens": 50,
      "ffc.attempts": 0,
    });
    expect(call.events.map((event) => [event.name, event.attributes])).toEqual([
      ["ffc.budget.refused", { "ffc.budget.scope": "user:42", "error.type": "BudgetExceededError" }],
      ["exception", expect.objectContaining({ "exception.type": "BudgetExceededError" })],
    ]);
    const refusals = await telemetry.points("ffc.budget.refusals");
    expect(refusals.map((point) => [point.attributes, point.value])).toEqual([[openaiTarget, 1]]);
  });

  it("marks a cached answer on the call span and records no attempt and no token metric", async () => {
    const telemetry = createTelemetry();
    const cache: Plugin = {
      name: "test-cache",
      stage: "cache",
      async generate(call): Promise<ProviderResult> {
        call.emit("cache-hit", { provider: call.provider.id, model: call.request.model, key: "k1" });
        return {
          text: "Cached",
          content: [{ type: "text", text: "Cached" }],
          toolCalls: [],
          finishReason: "stop",
          usage: { inputTokens: 5, outputTokens: 1, totalTokens: 6 },
          model: "gpt-4o-2024-08-06",
        };
      },
      finalizeResult(result) {
        result.cached = true;
      },
    };
    const { llm, provider } = createManager([cache, telemetry.plugin]);

    const result = await llm.generate({ prompt: "Again" });

    expect(result.text).toBe("Cached");
    expect(provider.callCount).toBe(0);
    expect(telemetry.spans().map((span) => span.name)).toEqual(["chat gpt-4o"]);
    const call = telemetry.span("chat gpt-4o");
    expect(call.attributes).toMatchObject({
      "ffc.cache.hit": true,
      "gen_ai.response.model": "gpt-4o-2024-08-06",
      "gen_ai.usage.input_tokens": 5,
      "gen_ai.usage.output_tokens": 1,
    });
    expect(call.events.map((event) => [event.name, event.attributes])).toEqual([
      ["ffc.cache.hit", { "ffc.target.provider": "openai", "ffc.target.model": "gpt-4o" }],
    ]);
    expect(await telemetry.points("gen_ai.client.token.usage")).toEqual([]);
  });

  it("adds result.costUsd to the ffc.cost.usd counter and the call span", async () => {
    const telemetry = createTelemetry();
    const pricing: Plugin = {
      name: "test-pricing",
      finalizeResult(result) {
        result.costUsd = 0.0125;
      },
    };
    const { llm } = createManager([telemetry.plugin, pricing]);

    await llm.generate({ prompt: "Price me" });
    await llm.generate({ prompt: "Price me again" });

    const spans = telemetry.spans().filter((span) => span.name === "chat gpt-4o");
    expect(spans.map((span) => span.attributes["ffc.cost.usd"])).toEqual([0.0125, 0.0125]);
    const cost = await telemetry.points("ffc.cost.usd");
    expect(cost.map((point) => point.attributes)).toEqual([
      { ...openaiTarget, "gen_ai.response.model": "gpt-4o" },
    ]);
    expect(cost[0]!.value).toBeCloseTo(0.025, 10);
  });

  it("leaves cost out when no plugin priced the call", async () => {
    const telemetry = createTelemetry();
    const { llm } = createManager([telemetry.plugin]);

    await llm.generate({ prompt: "Free?" });

    expect(telemetry.span("chat gpt-4o").attributes["ffc.cost.usd"]).toBeUndefined();
    expect(await telemetry.points("ffc.cost.usd")).toEqual([]);
  });

  it("records an estimated usage of an interrupted stream on the spans but not in the token metric", async () => {
    const telemetry = createTelemetry();
    const { llm } = createManager(
      [telemetry.plugin],
      [{ text: "one two three four", failAfterParts: 2, error: new TemporaryError("Connection reset.") }],
    );

    const response = llm.stream({ prompt: "Count" });
    await expect(async () => {
      for await (const _part of response) {
        // read until it fails
      }
    }).rejects.toMatchObject({ name: "StreamInterruptedError" });
    await response.result.catch(() => undefined);

    const call = telemetry.span("chat gpt-4o");
    expect(call.attributes["error.type"]).toBe("StreamInterruptedError");
    expect(call.attributes["ffc.usage.estimated"]).toBe(true);
    expect(call.attributes["gen_ai.usage.output_tokens"]).toBeGreaterThan(0);
    expect(telemetry.span("chat gpt-4o attempt").attributes["ffc.usage.estimated"]).toBe(true);
    expect(await telemetry.points("gen_ai.client.token.usage")).toEqual([]);
    expect(call.status.code).toBe(SpanStatusCode.ERROR);
  });
});
