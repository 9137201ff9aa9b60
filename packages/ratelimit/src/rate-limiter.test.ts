import {
  type CallContext,
  ConfigError,
  type LLMEvent,
  LLMManager,
  type Policy,
  RateLimitError,
  type RateLimitStore,
  TemporaryError,
} from "@ffc/core";
import { MockProvider, type MockStep } from "@ffc/testing";
import { afterEach, describe, expect, it, vi } from "vitest";
import { isLocalRateLimitError } from "./local-rate-limit-error";
import { MemoryRateLimitStore } from "./memory-rate-limit-store";
import { RateLimiter } from "./rate-limiter";
import type { RateLimiterOptions } from "./rate-limiter-options";

function setup(
  options: RateLimiterOptions,
  steps: MockStep[] = [{ text: "ok", usage: { inputTokens: 10, outputTokens: 5 } }],
) {
  const provider = new MockProvider({ id: "openai", script: steps });
  const limiter = new RateLimiter(options);
  const llm = new LLMManager({ provider, model: "gpt-4o" }, { plugins: [limiter] });
  const events: LLMEvent[] = [];
  llm.on("*", (event) => events.push(event));
  return { provider, limiter, llm, events };
}

/** What is left under a key, read without taking anything (an amount above the limit records nothing). */
async function remaining(store: RateLimitStore, key: string, limit: number): Promise<number> {
  return (await store.take({ key, id: "probe", amount: limit + 1, limit, windowMs: 60_000 })).remaining;
}

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

describe("RateLimiter learning from vendors", () => {
  it("pauses a provider and model after the vendor's 429 with retry-after", async () => {
    vi.useFakeTimers({ now: 0 });
    const vendorError = new RateLimitError("429 from the vendor", { provider: "openai", retryAfterMs: 5000 });
    const { provider, llm } = setup({ limits: [] }, [{ error: vendorError }, { text: "ok" }]);
    await expect(llm.generate({ prompt: "hi" })).rejects.toBe(vendorError);
    let done = false;
    const next = llm.generate({ prompt: "hi" }).then(() => {
      done = true;
    });
    await vi.advanceTimersByTimeAsync(4_900);
    expect(done).toBe(false);
    expect(provider.callCount).toBe(1);
    await vi.advanceTimersByTimeAsync(100);
    await next;
    expect(provider.callCount).toBe(2);
  });

  it("does not pause for an exhausted quota, which waiting does not fix", async () => {
    const quota = new RateLimitError("insufficient_quota", { quotaExhausted: true, retryAfterMs: 60_000 });
    const { provider, llm } = setup({ limits: [], onLimit: "refuse" }, [{ error: quota }, { text: "ok" }]);
    await expect(llm.generate({ prompt: "hi" })).rejects.toBe(quota);
    await llm.generate({ prompt: "hi" });
    expect(provider.callCount).toBe(2);
  });

  it("waits for the reset when the vendor's headers say no requests are left", async () => {
    vi.useFakeTimers({ now: 0 });
    const { provider, llm, limiter } = setup({ limits: [] });
    const learned = await limiter.learnFromHeaders("openai", "gpt-4o", {
      "x-ratelimit-remaining-requests": "0",
      "x-ratelimit-reset-requests": "2s",
    });
    expect(learned.requests).toEqual({ remaining: 0, resetMs: 2000 });
    const call = llm.generate({ prompt: "hi" });
    await vi.advanceTimersByTimeAsync(1999);
    expect(provider.callCount).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    await call;
    expect(provider.callCount).toBe(1);
  });

  it("lets small calls through but holds a call bigger than the vendor's remaining tokens", async () => {
    vi.useFakeTimers({ now: 0 });
    const { provider, llm, limiter } = setup({ limits: [], onLimit: "refuse" });
    await limiter.learnFromHeaders("openai", "gpt-4o", {
      "x-ratelimit-remaining-tokens": "500",
      "x-ratelimit-reset-tokens": "10s",
    });
    await llm.generate({ prompt: "hi", maxTokens: 100 });
    const error = await llm.generate({ prompt: "hi", maxTokens: 800 }).catch((caught: unknown) => caught);
    expect((error as Error).message).toMatch(/vendor's tokens limit/);
    expect((error as RateLimitError).retryAfterMs).toBe(10_000);
    expect(provider.callCount).toBe(1);
  });
});

describe("RateLimiter placement", () => {
  const retryOnce: Policy = {
    name: "retry-once",
    stage: "retry",
    async generate(call: CallContext, next) {
      try {
        return await next(call);
      } catch {
        return next(call);
      }
    },
  };
  const steps: MockStep[] = [{ error: new TemporaryError("503") }, { text: "ok" }];

  it("counts a call's retries after it by default", async () => {
    const store = new MemoryRateLimitStore();
    const { provider, llm } = setup({ limits: [{ requestsPerMinute: 5 }], onLimit: "refuse", store }, steps);
    await llm.generate({ prompt: "hi", policies: [retryOnce] });
    expect(provider.callCount).toBe(2);
    expect(await remaining(store, "global:*:*:requests", 5)).toBe(3);
  });

  it("limits every attempt, retries included, with perAttempt", async () => {
    const { provider, llm, limiter } = setup(
      { limits: [{ requestsPerMinute: 1 }], onLimit: "refuse", perAttempt: true },
      steps,
    );
    expect(limiter.stage).toBe("custom");
    await expect(llm.generate({ prompt: "hi", policies: [retryOnce] })).rejects.toThrow(/local limiter/);
    expect(provider.callCount).toBe(1);
  });
});

describe("RateLimiter options", () => {
  it.each([
    [
      { limits: [{ requestsPerMinute: -1 }] },
      /"limits.0.requestsPerMinute" must be a positive finite number \(got -1\)/,
    ],
    [
      { limits: [{ tokensPerMinute: Number.POSITIVE_INFINITY }] },
      /"limits.0.tokensPerMinute" must be a positive finite number/,
    ],
    [{ limits: [{ requestsPerMinute: Number.NaN }] }, /"limits.0.requestsPerMinute"/],
    [
      { limits: [{ provider: "openai" }] },
      /"limits.0" sets neither "requestsPerMinute" nor "tokensPerMinute"/,
    ],
    [{ limits: [], onLimit: "queue" }, /"onLimit" must be "wait" or "refuse"/],
    [{ limits: [], maxWaitMs: -5 }, /"maxWaitMs" must be a non-negative finite number/],
    [{ limits: [], scope: "user" }, /"scope" must be a function/],
    [{ limits: [], store: {} }, /"store" must be a RateLimitStore/],
    [{}, /"limits" must be an array/],
  ])("rejects %j with a ConfigError naming the field", (options, message) => {
    const build = () => new RateLimiter(options as unknown as RateLimiterOptions);
    expect(build).toThrow(ConfigError);
    expect(build).toThrow(message);
  });

  it("fails the call before sending when the scope function returns nothing", async () => {
    const { provider, llm } = setup({
      limits: [{ requestsPerMinute: 5 }],
      scope: () => undefined as unknown as string,
    });
    const error = await llm.generate({ prompt: "hi" }).catch((caught: unknown) => caught);
    expect(ConfigError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/RateLimiter "scope" returned undefined/);
    expect(provider.callCount).toBe(0);
  });
});
