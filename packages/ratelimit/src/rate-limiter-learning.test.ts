import { type CallContext, ConfigError, type Policy, RateLimitError, TemporaryError } from "@ffc/core";
import type { MockStep } from "@ffc/testing";
import { afterEach, describe, expect, it, vi } from "vitest";
import { MemoryRateLimitStore } from "./memory-rate-limit-store";
import { RateLimiter } from "./rate-limiter";
import type { RateLimiterOptions } from "./rate-limiter-options";
import { remaining, setup } from "./test-support/limiter-setup";

afterEach(() => {
  vi.useRealTimers();
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

  it("learns from the rate-limit headers a provider put on its result, without being told", async () => {
    vi.useFakeTimers({ now: 0 });
    const headers = { "x-ratelimit-remaining-requests": "0", "x-ratelimit-reset-requests": "3s" };
    const { provider, llm } = setup({ limits: [], onLimit: "refuse" }, [
      { text: "ok", rateLimitHeaders: headers },
      { text: "ok" },
    ]);
    await llm.generate({ prompt: "hi" });
    await vi.advanceTimersByTimeAsync(0);
    const refused = await llm.generate({ prompt: "hi" }).catch((error: unknown) => error);
    expect(RateLimitError.isInstance(refused)).toBe(true);
    expect((refused as RateLimitError).retryAfterMs).toBeGreaterThan(2_000);
    expect(provider.callCount).toBe(1);
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
    expect(limiter.stage).toBe("attempt");
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
