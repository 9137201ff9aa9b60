import { ConfigError, LLMManager, type Policy, type ProviderResult, TemporaryError } from "@ffc/core";
import { MockProvider } from "@ffc/testing";
import { describe, expect, it } from "vitest";
import { MemoryUsageStore } from "./memory-usage-store";
import { TokenTracker } from "./token-tracker";

const secondAttemptOn = (model: string): Policy => ({
  name: "second-attempt",
  stage: "fallback",
  async generate(call, next) {
    await next(call);
    return next({ ...call, request: { ...call.request, model } });
  },
});

const answerFromCache: Policy = {
  name: "test-cache",
  stage: "cache",
  async generate(call) {
    call.emit("cache-hit", { provider: call.provider.id, model: call.request.model, key: "k" });
    const result: ProviderResult & { cached: true } = {
      text: "cached",
      content: [{ type: "text", text: "cached" }],
      toolCalls: [],
      finishReason: "stop",
      usage: { inputTokens: 0, outputTokens: 0, totalTokens: 0 },
      model: call.request.model,
      cached: true,
    };
    return result;
  },
};

function setup(provider: MockProvider, model: string, tracker = new TokenTracker()) {
  return { tracker, manager: new LLMManager({ provider, model }, { plugins: [tracker] }) };
}

describe("TokenTracker", () => {
  it("reports a session's tokens and cost by provider and model, in the guide's form", async () => {
    const provider = new MockProvider({
      id: "openai",
      script: [{ text: "ok", usage: { inputTokens: 1000, outputTokens: 100 } }],
    });
    const { tracker, manager } = setup(provider, "gpt-4o");
    tracker.startSession();
    const result = await manager.generate({ prompt: "hello" });
    await manager.generate({ prompt: "hello" });
    const usage = tracker.getSessionUsage();
    expect(usage.calls).toBe(2);
    expect(usage.usage).toEqual({ inputTokens: 2000, outputTokens: 200, totalTokens: 2200 });
    // gpt-4o: $2.50 per million input, $10 per million output.
    expect(usage.costUsd).toBeCloseTo(2 * (0.0025 + 0.001), 12);
    expect(result.costUsd).toBeCloseTo(0.0035, 12);
    expect(usage.byProvider.openai!.calls).toBe(2);
    expect(usage.byModel["openai:gpt-4o"]!.usage.totalTokens).toBe(2200);
  });

  it("counts tags, users and tenants named like Object.prototype's keys as plain keys", async () => {
    const provider = new MockProvider({
      id: "openai",
      script: [{ text: "ok", usage: { inputTokens: 10, outputTokens: 5 } }],
    });
    const { tracker, manager } = setup(provider, "gpt-4o");
    const metadata = { tags: ["__proto__", "constructor"], userId: "toString", tenantId: "__proto__" };
    await manager.generate({ prompt: "hello", metadata });
    const usage = tracker.getTotalUsage();
    expect(Object.keys(usage.byTag).sort()).toEqual(["__proto__", "constructor"]);
    expect(Object.getOwnPropertyDescriptor(usage.byTag, "__proto__")?.value.calls).toBe(1);
    expect(Object.getOwnPropertyDescriptor(usage.byUser, "toString")?.value.usage.totalTokens).toBe(15);
    expect(Object.getOwnPropertyDescriptor(usage.byTenant, "__proto__")?.value.attempts).toBe(1);
    // Nothing was written to the prototype every object shares.
    expect((Object.prototype as Record<string, unknown>).calls).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).attempts).toBeUndefined();
  });

  it("prices cached input at the cache-read rate and reports what prompt caching saved", async () => {
    const provider = new MockProvider({
      id: "openai",
      script: [
        { text: "ok", usage: { inputTokens: 1_000_000, cacheReadTokens: 400_000, outputTokens: 100_000 } },
      ],
    });
    const { tracker, manager } = setup(provider, "gpt-4o");
    const result = await manager.generate({ prompt: "hello" });
    // TOOLCHAIN.md: $3.00; without the cache the 400k tokens would cost $1.00 instead of $0.50.
    expect(result.costUsd).toBeCloseTo(3, 9);
    expect(tracker.getTotalUsage().promptCacheSavingsUsd).toBeCloseTo(0.5, 9);
  });

  it("prices reasoning tokens at their own rate where the model has one", async () => {
    const provider = new MockProvider({
      id: "openrouter",
      script: [
        { text: "ok", usage: { inputTokens: 1_000_000, outputTokens: 1_000_000, reasoningTokens: 500_000 } },
      ],
    });
    const { manager } = setup(provider, "perplexity/sonar-deep-research");
    // $2 input + 500k output at $8 + 500k reasoning at $3 per million.
    expect((await manager.generate({ prompt: "hello" })).costUsd).toBeCloseTo(7.5, 9);
  });

  it("counts every attempt, each at its own model's price, not only the last", async () => {
    const provider = new MockProvider({
      id: "openai",
      script: [{ text: "ok", usage: { inputTokens: 1_000_000, outputTokens: 0 } }],
    });
    const { tracker, manager } = setup(provider, "gpt-4o");
    const result = await manager.generate({ prompt: "hello", policies: [secondAttemptOn("gpt-4o-mini")] });
    const usage = tracker.getTotalUsage();
    expect(usage.attempts).toBe(2);
    expect(usage.byModel["openai:gpt-4o"]!.knownCostUsd).toBeCloseTo(2.5, 9);
    expect(usage.byModel["openai:gpt-4o-mini"]!.knownCostUsd).toBeCloseTo(0.15, 9);
    expect(result.costUsd).toBeCloseTo(2.65, 9);
  });

  it("charges the estimated usage of an interrupted stream and counts the failed call", async () => {
    const provider = new MockProvider({
      id: "openai",
      script: [{ text: "one two three four five", failAfterParts: 3, error: new TemporaryError("reset") }],
    });
    const { tracker, manager } = setup(provider, "gpt-4o");
    await manager.stream({ prompt: "hello" }).result.catch(() => {});
    const usage = tracker.getTotalUsage();
    expect(usage.attempts).toBe(1);
    expect(usage.estimatedAttempts).toBe(1);
    expect(usage.failedCalls).toBe(1);
    expect(usage.usage.outputTokens).toBeGreaterThan(0);
    expect(usage.knownCostUsd).toBeGreaterThan(0);
  });

  it("reports an unknown price as unknown, never as zero", async () => {
    const provider = new MockProvider({
      script: [{ text: "ok", usage: { inputTokens: 10, outputTokens: 10 } }],
    });
    const { tracker, manager } = setup(provider, "house-model");
    const result = await manager.generate({ prompt: "hello" });
    expect(result.costUsd).toBeNull();
    const usage = tracker.getTotalUsage();
    expect(usage.costUsd).toBeNull();
    expect(usage.unpricedAttempts).toBe(1);
    expect(tracker.formatTable()).toContain("unknown");
  });

  it("uses supplied prices before genai-prices", async () => {
    const provider = new MockProvider({
      id: "openai",
      script: [{ text: "ok", usage: { inputTokens: 1_000_000, outputTokens: 0 } }],
    });
    const tracker = new TokenTracker({
      prices: { "openai:gpt-4o": { inputPerMillion: 1, outputPerMillion: 1 } },
    });
    const { manager } = setup(provider, "gpt-4o", tracker);
    expect((await manager.generate({ prompt: "hello" })).costUsd).toBeCloseTo(1, 9);
  });

  it("reports results served from a response cache as hits that cost nothing", async () => {
    const provider = new MockProvider({ id: "openai" });
    const { tracker, manager } = setup(provider, "gpt-4o");
    const result = await manager.generate({ prompt: "hello", policies: [answerFromCache] });
    expect(result.costUsd).toBe(0);
    const usage = tracker.getTotalUsage();
    expect(usage).toMatchObject({ calls: 1, cacheHits: 1, attempts: 0, costUsd: 0 });
    expect(provider.callCount).toBe(0);
  });

  it("groups usage by tag, user and the session a call names", async () => {
    const provider = new MockProvider({
      id: "openai",
      script: [{ text: "ok", usage: { inputTokens: 10, outputTokens: 10 } }],
    });
    const { tracker, manager } = setup(provider, "gpt-4o");
    await manager.generate({
      prompt: "a",
      metadata: { userId: "ada", tags: ["search", "beta"], sessionId: "s1" },
    });
    await manager.generate({ prompt: "b", metadata: { userId: "bob", tags: ["search"] } });
    const usage = tracker.getTotalUsage();
    expect(usage.byTag.search!.calls).toBe(2);
    expect(usage.byTag.beta!.calls).toBe(1);
    expect(usage.byUser.ada!.usage.totalTokens).toBe(20);
    expect(tracker.getSessionUsage("s1").calls).toBe(1);
  });

  it("ends a session and keeps counting overall", async () => {
    const provider = new MockProvider({
      id: "openai",
      script: [{ text: "ok", usage: { inputTokens: 10, outputTokens: 10 } }],
    });
    const { tracker, manager } = setup(provider, "gpt-4o");
    const id = tracker.startSession("batch-1");
    await manager.generate({ prompt: "a" });
    const ended = tracker.endSession();
    await manager.generate({ prompt: "b" });
    expect(ended).toMatchObject({ sessionId: "batch-1", calls: 1 });
    expect(ended.endedAt).toBeDefined();
    expect(tracker.getSessionUsage(id).calls).toBe(1);
    expect(tracker.getTotalUsage().calls).toBe(2);
  });

  it("exports as JSON and as a readable table", async () => {
    const provider = new MockProvider({
      id: "openai",
      script: [{ text: "ok", usage: { inputTokens: 10, outputTokens: 10 } }],
    });
    const { tracker, manager } = setup(provider, "gpt-4o");
    await manager.generate({ prompt: "a", metadata: { tags: ["t"] } });
    const parsed = JSON.parse(JSON.stringify(tracker));
    expect(parsed.byModel["openai:gpt-4o"].calls).toBe(1);
    const table = tracker.formatTable();
    expect(table.split("\n")[0]).toMatch(/^group\s+calls/);
    expect(table).toContain("model openai:gpt-4o");
    expect(table).toContain("tag t");
  });

  it("rejects a negative price, naming the field", () => {
    expect(
      () => new TokenTracker({ prices: { "x:y": { inputPerMillion: -1, outputPerMillion: 1 } } }),
    ).toThrow(/"prices\.x:y\.inputPerMillion"/);
    expect(
      () => new TokenTracker({ prices: { "x:y": { inputPerMillion: -1, outputPerMillion: 1 } } }),
    ).toThrow(ConfigError);
  });
  it("refuses an unknown option, naming it in error.field", () => {
    let caught: unknown;
    try {
      new TokenTracker({ price: {} } as never);
    } catch (error) {
      caught = error;
    }
    expect(ConfigError.isInstance(caught) && caught.field).toBe("price");
    expect((caught as Error).message).toContain('(did you mean "prices"?)');
    expect(() => new TokenTracker({ store: { add: () => {} } } as never)).toThrow(
      /"store" must be a UsageStore with add, get/,
    );
    expect(() => new MemoryUsageStore({ ttl: 5 } as never)).toThrow(/"ttl" is not an option/);
  });
});
