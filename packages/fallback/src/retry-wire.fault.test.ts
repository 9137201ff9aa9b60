import { AbortError, RateLimitError, StreamInterruptedError, TemporaryError } from "@ffc/core";
import { RetryConfig } from "@ffc/retry";
import {
  anthropicStreamErrorReply,
  createTestManager,
  openaiChatChunks,
  openaiChatInBandError,
  openaiErrorReply,
} from "@ffc/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FallbackConfig } from "./fallback-config";
import { readStream } from "./test-support/read-stream";
import { startWireBench, type WireBench } from "./test-support/wire-bench";

let bench: WireBench;
const quickRetry = (maxRetries = 3) => new RetryConfig({ maxRetries, initialDelayMs: 1, maxDelayMs: 5 });

beforeAll(async () => {
  bench = await startWireBench();
});
afterAll(async () => {
  await bench.close();
});
beforeEach(() => {
  bench.openaiServer.reset();
  bench.anthropicServer.reset();
});

describe("retry through the real OpenAI and Anthropic SDKs", () => {
  it("waits for retry-after: 1 after a 429 and sends exactly two requests", async () => {
    bench.openaiServer.enqueue(openaiErrorReply("rate-limit", { retryAfterSeconds: 1 }));
    const { llm, eventsOf } = createTestManager({ provider: bench.openai, model: "gpt-4o" });
    const result = await llm.generate({ prompt: "hello", retryConfig: quickRetry() });
    expect(result.text).toBe("You said: hello");
    const [first, second] = bench.openaiServer.requests;
    expect(bench.openaiServer.requests).toHaveLength(2);
    expect(second!.receivedAt - first!.receivedAt).toBeGreaterThanOrEqual(1000);
    expect(eventsOf("retry-scheduled")[0]?.delayMs).toBe(1000);
    expect(RateLimitError.isInstance(eventsOf("retry-scheduled")[0]?.error)).toBe(true);
  });

  it("retries a connection reset as a temporary error", async () => {
    bench.openaiServer.enqueue({ kind: "reset" });
    const { llm, eventsOf } = createTestManager({ provider: bench.openai, model: "gpt-4o" });
    const result = await llm.generate({ prompt: "again", retryConfig: quickRetry() });
    expect(result.text).toBe("You said: again");
    expect(bench.openaiServer.requests).toHaveLength(2);
    expect(TemporaryError.isInstance(eventsOf("retry-scheduled")[0]?.error)).toBe(true);
  });

  it("types an OpenAI error event sent after HTTP 200 and retries it before the first part", async () => {
    bench.openaiServer.enqueue(openaiChatInBandError("gpt-4o", "server"));
    const { llm, eventsOf } = createTestManager({ provider: bench.openai, model: "gpt-4o" });
    const read = await readStream(llm.stream({ prompt: "stream me", retryConfig: quickRetry() }));
    expect(read.error).toBeUndefined();
    expect(read.texts.join("")).toBe("You said: stream me");
    expect(bench.openaiServer.requests).toHaveLength(2);
    expect(TemporaryError.isInstance(eventsOf("retry-scheduled")[0]?.error)).toBe(true);
  });

  it("types an Anthropic overloaded event sent after HTTP 200 and retries it", async () => {
    bench.anthropicServer.enqueue(anthropicStreamErrorReply({ model: "claude-haiku-4-5" }));
    const { llm, eventsOf } = createTestManager({ provider: bench.openai, model: "gpt-4o" });
    const fallbackConfig = new FallbackConfig({
      targets: [{ provider: bench.anthropic, model: "claude-haiku-4-5" }],
    });
    const read = await readStream(
      llm.stream({ prompt: "stream me", retryConfig: quickRetry(), fallbackConfig }),
    );
    expect(read.error).toBeUndefined();
    expect(read.texts.join("")).toContain("stream me");
    expect(bench.anthropicServer.requests).toHaveLength(2);
    expect(TemporaryError.isInstance(eventsOf("retry-scheduled")[0]?.error)).toBe(true);
  });

  it("ends a stream cut after 3 parts in StreamInterruptedError holding those 3 parts, with no retry", async () => {
    // A role chunk (no part), then three text chunks, then the connection dies.
    const events = openaiChatChunks({ model: "gpt-4o", chunks: ["one ", "two ", "three ", "four ", "five"] });
    bench.openaiServer.enqueue({ kind: "sse", events, cutAfterEvents: 4 });
    const { llm } = createTestManager({ provider: bench.openai, model: "gpt-4o" });
    const read = await readStream(llm.stream({ prompt: "count", retryConfig: quickRetry() }));
    const error = read.error as StreamInterruptedError;
    expect(StreamInterruptedError.isInstance(error)).toBe(true);
    expect(error.parts).toEqual([
      { type: "text-delta", text: "one " },
      { type: "text-delta", text: "two " },
      { type: "text-delta", text: "three " },
    ]);
    expect(read.texts).toEqual(["one ", "two ", "three "]);
    expect(bench.openaiServer.requests).toHaveLength(1);
  });

  it("does not retry an exhausted quota", async () => {
    bench.openaiServer.enqueue(openaiErrorReply("quota-exhausted"));
    const { llm, eventsOf } = createTestManager({ provider: bench.openai, model: "gpt-4o" });
    const outcome = await llm
      .generate({ prompt: "hi", retryConfig: quickRetry() })
      .catch((error: unknown) => error);
    expect(RateLimitError.isInstance(outcome)).toBe(true);
    expect((outcome as RateLimitError).quotaExhausted).toBe(true);
    expect(bench.openaiServer.requests).toHaveLength(1);
    expect(eventsOf("retry-give-up")[0]?.reason).toMatch(/^not-retryable: /);
  });

  it("ends a backoff wait with AbortError within 50 ms of the abort and sends no further request", async () => {
    bench.openaiServer.enqueue(openaiErrorReply("overloaded"));
    const controller = new AbortController();
    const { llm } = createTestManager({ provider: bench.openai, model: "gpt-4o" });
    let abortedAt = 0;
    llm.on("retry-scheduled", () => {
      setTimeout(() => {
        abortedAt = performance.now();
        controller.abort();
      }, 10);
    });
    const retryConfig = new RetryConfig({ initialDelayMs: 5000, maxDelayMs: 5000, jitter: "none" });
    const outcome = await llm
      .generate({ prompt: "hi", retryConfig, signal: controller.signal })
      .catch((error: unknown) => error);
    const rejectedAfterMs = performance.now() - abortedAt;
    expect(AbortError.isInstance(outcome)).toBe(true);
    expect(rejectedAfterMs).toBeLessThan(50);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(bench.openaiServer.requests).toHaveLength(1);
  });
});
