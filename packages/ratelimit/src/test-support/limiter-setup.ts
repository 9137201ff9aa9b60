import { type LLMEvent, LLMManager } from "@ffc/core";
import type { RateLimitStore } from "@ffc/core/plugin";
import { MockProvider, type MockStep } from "@ffc/testing";
import { RateLimiter } from "../rate-limiter";
import type { RateLimiterOptions } from "../rate-limiter-options";

/** A manager on a MockProvider "openai" / "gpt-4o" with one RateLimiter, recording every event. */
export function setup(
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
export async function remaining(store: RateLimitStore, key: string, limit: number): Promise<number> {
  return (await store.take({ key, id: "probe", amount: limit + 1, limit, windowMs: 60_000 })).remaining;
}
