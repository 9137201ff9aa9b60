import { LLMManager, RateLimitError, TemporaryError } from "@ffc/core";
import type { RateLimitStore } from "@ffc/core/plugin";
import { MockProvider } from "@ffc/testing";
import { afterEach, describe, expect, it, vi } from "vitest";
import { isLocalRateLimitError } from "./local-rate-limit-error";
import { MemoryRateLimitStore } from "./memory-rate-limit-store";
import { RateLimiter } from "./rate-limiter";
import { remaining, setup } from "./test-support/limiter-setup";

afterEach(() => {
  vi.useRealTimers();
});

describe("RateLimiter requests per minute", () => {
  it("makes the request over the limit wait until the window frees a slot", async () => {
    vi.useFakeTimers({ now: 0 });
    const { provider, llm, events } = setup({
      limits: [{ provider: "openai", requestsPerMinute: 3 }],
      onLimit: "wait",
    });
    for (let index = 0; index < 3; index += 1) await llm.generate({ prompt: "hi" });
    let done = false;
    const fourth = llm.generate({ prompt: "hi" }).then(() => {
      done = true;
    });
    await vi.advanceTimersByTimeAsync(59_999);
    expect(done).toBe(false);
    expect(provider.callCount).toBe(3);
    await vi.advanceTimersByTimeAsync(1);
    await fourth;
    expect(provider.callCount).toBe(4);
    expect(events.find((event) => event.type === "rate-limit-waited")).toMatchObject({
      provider: "openai",
      model: "gpt-4o",
      waitedMs: 60_000,
      scope: "global",
    });
  });

  it("refuses the request over the limit with retryAfterMs, saying it was FFC's own limiter", async () => {
    vi.useFakeTimers({ now: 0 });
    const { provider, llm, events } = setup({ limits: [{ requestsPerMinute: 2 }], onLimit: "refuse" });
    await llm.generate({ prompt: "hi" });
    vi.advanceTimersByTime(15_000);
    await llm.generate({ prompt: "hi" });
    const error = await llm.generate({ prompt: "hi" }).catch((caught: unknown) => caught);
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(isLocalRateLimitError(error)).toBe(true);
    expect((error as RateLimitError).retryAfterMs).toBe(45_000);
    expect((error as RateLimitError).retryable).toBe(true);
    expect((error as Error).message).toMatch(
      /^FFC rate limit reached: 2 requests per minute .*\(local limiter\)\.$/,
    );
    expect(provider.callCount).toBe(2);
    expect(events.some((event) => event.type === "rate-limit-refused")).toBe(true);
  });

  it("refuses at once when the wait would be longer than maxWaitMs", async () => {
    vi.useFakeTimers({ now: 0 });
    const { provider, llm } = setup({ limits: [{ requestsPerMinute: 1 }], maxWaitMs: 30_000 });
    await llm.generate({ prompt: "hi" });
    const error = await llm.generate({ prompt: "hi" }).catch((caught: unknown) => caught);
    expect((error as RateLimitError).retryAfterMs).toBe(60_000);
    expect(provider.callCount).toBe(1);
  });

  it("keeps each scope's counters apart and names the scope", async () => {
    const { provider, llm } = setup({
      limits: [{ requestsPerMinute: 1 }],
      onLimit: "refuse",
      scope: (call) => call.request.metadata?.userId ?? "anonymous",
    });
    await llm.generate({ prompt: "hi", metadata: { userId: "ada" } });
    await llm.generate({ prompt: "hi", metadata: { userId: "bob" } });
    const error = await llm
      .generate({ prompt: "hi", metadata: { userId: "ada" } })
      .catch((caught: unknown) => caught);
    expect((error as Error).message).toContain('scope "ada"');
    expect(provider.callCount).toBe(2);
  });

  it("applies only the rules that match the call's provider and model", async () => {
    const { provider, llm } = setup({
      limits: [
        { provider: "anthropic", requestsPerMinute: 1 },
        { provider: "openai", model: "gpt-4o-mini", requestsPerMinute: 1 },
      ],
      onLimit: "refuse",
    });
    for (let index = 0; index < 3; index += 1) await llm.generate({ prompt: "hi" });
    await llm.generate({ prompt: "hi", model: "gpt-4o-mini" });
    await expect(llm.generate({ prompt: "hi", model: "gpt-4o-mini" })).rejects.toThrow(/local limiter/);
    expect(provider.callCount).toBe(4);
  });

  it("lets 200 concurrent calls through a 50-per-minute limit without ever sending more than 50 in a minute", async () => {
    vi.useFakeTimers({ now: 0 });
    const sentAt: number[] = [];
    const provider = new MockProvider({
      id: "openai",
      respond: () => {
        sentAt.push(Date.now());
        return { text: "ok", usage: { inputTokens: 5, outputTokens: 5 } };
      },
    });
    const limiter = new RateLimiter({ limits: [{ requestsPerMinute: 50 }], maxWaitMs: 10 * 60_000 });
    const llm = new LLMManager({ provider, model: "gpt-4o" }, { plugins: [limiter] });
    const calls = Array.from({ length: 200 }, () => llm.generate({ prompt: "hi" }));
    for (let minute = 0; minute < 5; minute += 1) await vi.advanceTimersByTimeAsync(60_000);
    await Promise.all(calls);
    expect(sentAt).toHaveLength(200);
    for (const start of sentAt) {
      const inWindow = sentAt.filter((time) => time >= start && time < start + 60_000).length;
      expect(inWindow).toBeLessThanOrEqual(50);
    }
  });

  it("stops waiting when the call is aborted, and holds nothing afterwards", async () => {
    vi.useFakeTimers({ now: 0 });
    const store = new MemoryRateLimitStore();
    const { llm } = setup({ limits: [{ requestsPerMinute: 1, tokensPerMinute: 100_000 }], store });
    await llm.generate({ prompt: "hi" });
    const controller = new AbortController();
    const waiting = llm
      .generate({ prompt: "hi", signal: controller.signal })
      .catch((caught: unknown) => caught);
    await vi.advanceTimersByTimeAsync(1000);
    controller.abort();
    expect(((await waiting) as Error).name).toBe("AbortError");
    expect(await remaining(store, "global:*:*:tokens", 100_000)).toBe(100_000 - 15);
  });
});

describe("RateLimiter with a failing store", () => {
  it("fails the call before sending anything when the store cannot be reached", async () => {
    const down: RateLimitStore = {
      take: async () => {
        throw new Error("connect ECONNREFUSED 127.0.0.1:6390");
      },
      settle: async () => {},
      pause: async () => {},
      pausedFor: async () => 0,
    };
    const { provider, llm } = setup({ limits: [{ requestsPerMinute: 10 }], store: down });
    await expect(llm.generate({ prompt: "hi" })).rejects.toThrow(/ECONNREFUSED/);
    expect(provider.callCount).toBe(0);
  });
});

describe("RateLimiter tokens per minute", () => {
  it("replaces the estimate by the actual usage after the call", async () => {
    const store = new MemoryRateLimitStore();
    const { provider, llm } = setup({ limits: [{ tokensPerMinute: 2000 }], onLimit: "refuse", store }, [
      { text: "ok", usage: { inputTokens: 60, outputTokens: 40 } },
    ]);
    // Each call is estimated at about 900 tokens (maxTokens 890 plus the prompt) but uses 100.
    for (let index = 0; index < 5; index += 1) await llm.generate({ prompt: "hi", maxTokens: 890 });
    expect(provider.callCount).toBe(5);
    expect(await remaining(store, "global:*:*:tokens", 2000)).toBe(1500);
  });

  it("counts usage above the estimate, so the next call has to wait for it", async () => {
    const { provider, llm } = setup({ limits: [{ tokensPerMinute: 2000 }], onLimit: "refuse" }, [
      { text: "ok", usage: { inputTokens: 1000, outputTokens: 600 } },
    ]);
    await llm.generate({ prompt: "hi", maxTokens: 100 });
    await expect(llm.generate({ prompt: "hi", maxTokens: 500 })).rejects.toThrow(/2000 tokens per minute/);
    expect(provider.callCount).toBe(1);
  });

  it("refuses at once, not retryable, a call that alone needs more than the limit", async () => {
    const { provider, llm } = setup({ limits: [{ tokensPerMinute: 1000 }], onLimit: "wait" });
    const error = await llm.generate({ prompt: "hi", maxTokens: 4000 }).catch((caught: unknown) => caught);
    expect((error as RateLimitError).retryable).toBe(false);
    expect((error as Error).message).toMatch(/can never fit.*local limiter/);
    expect(provider.callCount).toBe(0);
  });

  it("gives back the request slot when the tokens do not fit", async () => {
    const store = new MemoryRateLimitStore();
    const { llm } = setup(
      { limits: [{ requestsPerMinute: 10, tokensPerMinute: 1000 }], onLimit: "refuse", store },
      [{ text: "ok", usage: { inputTokens: 500, outputTokens: 400 } }],
    );
    await llm.generate({ prompt: "hi", maxTokens: 100 });
    await expect(llm.generate({ prompt: "hi", maxTokens: 200 })).rejects.toThrow(/tokens per minute/);
    expect(await remaining(store, "global:*:*:requests", 10)).toBe(9);
  });

  it("limits streams too and settles them with the streamed usage", async () => {
    const store = new MemoryRateLimitStore();
    const { provider, llm } = setup(
      { limits: [{ requestsPerMinute: 1, tokensPerMinute: 5000 }], onLimit: "refuse", store },
      [{ text: "one two three", usage: { inputTokens: 30, outputTokens: 3 } }],
    );
    let text = "";
    for await (const delta of llm.stream({ prompt: "hi", maxTokens: 1000 }).text) text += delta;
    expect(text).toBe("one two three");
    expect(await remaining(store, "global:*:*:tokens", 5000)).toBe(5000 - 33);
    const second = llm.stream({ prompt: "hi" });
    await expect(second.result).rejects.toThrow(/local limiter/);
    expect(provider.callCount).toBe(1);
  });

  it("counts the tokens a failed call consumed and releases the rest", async () => {
    const store = new MemoryRateLimitStore();
    const { llm } = setup({ limits: [{ requestsPerMinute: 10, tokensPerMinute: 5000 }], store }, [
      { text: "partial answer here", failAfterParts: 2, error: new TemporaryError("connection reset") },
    ]);
    await expect(llm.stream({ prompt: "hi", maxTokens: 1000 }).result).rejects.toThrow(/connection reset/);
    const left = await remaining(store, "global:*:*:tokens", 5000);
    expect(left).toBeLessThan(5000);
    expect(left).toBeGreaterThan(5000 - 100);
    expect(await remaining(store, "global:*:*:requests", 10)).toBe(9);
  });
});
