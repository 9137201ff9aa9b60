import type { RateLimitStore } from "@ffc/core/plugin";
import { createTestManager, type MockStep } from "@ffc/testing";
import { RateLimiter } from "../rate-limiter";
import type { RateLimiterOptions } from "../rate-limiter-options";

/** A manager on a MockProvider "openai" / "gpt-4o" with one RateLimiter, recording every event. */
export function setup(
  options: RateLimiterOptions,
  steps: MockStep[] = [{ text: "ok", usage: { inputTokens: 10, outputTokens: 5 } }],
) {
  const limiter = new RateLimiter(options);
  return {
    limiter,
    ...createTestManager({ providerId: "openai", model: "gpt-4o", steps, plugins: [limiter] }),
  };
}

/** What is left under a key, read without taking anything (an amount above the limit records nothing). */
export async function remaining(store: RateLimitStore, key: string, limit: number): Promise<number> {
  return (await store.take({ key, id: "probe", amount: limit + 1, limit, windowMs: 60_000 })).remaining;
}
