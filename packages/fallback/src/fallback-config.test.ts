import {
  AbortError,
  AllProvidersFailedError,
  AuthenticationError,
  ContextLengthError,
  InvalidRequestError,
  registerProvider,
  StreamInterruptedError,
  TemporaryError,
  TimeoutError,
  unregisterProvider,
} from "@ffc/core";
import { RetryConfig } from "@ffc/retry";
import { createTestManager, MockProvider, settled } from "@ffc/testing";
import { afterEach, describe, expect, it } from "vitest";
import { FallbackConfig } from "./fallback-config";
import { readStream } from "./test-support/read-stream";

const temporary = () => new TemporaryError("overloaded", { status: 503 });
const quickRetry = () => new RetryConfig({ maxRetries: 2, initialDelayMs: 1, maxDelayMs: 1 });

afterEach(() => {
  unregisterProvider("primary");
  unregisterProvider("secondary");
});

describe("FallbackConfig with generate", () => {
  it("pairs providers with models and moves to the next target, naming the provider used", async () => {
    const primary = new MockProvider({ id: "primary", script: [{ error: temporary() }] });
    const secondary = new MockProvider({ id: "secondary", script: [{ text: "from secondary" }] });
    registerProvider("primary", primary);
    registerProvider("secondary", secondary);
    const { llm, eventsOf } = createTestManager({ provider: primary, model: "primary-model" });
    const fallbackConfig = new FallbackConfig({
      providers: ["primary", "secondary"],
      models: ["model-a", "model-b"],
    });
    const result = await llm.generate({ prompt: "hi", fallbackConfig });
    expect(result.text).toBe("from secondary");
    expect(result.provider).toBe("secondary");
    expect(secondary.requests[0]?.model).toBe("model-b");
    expect(primary.requests[0]?.model).toBe("model-a");
    expect(eventsOf("fallback")).toMatchObject([
      { from: { provider: "primary", model: "model-a" }, to: { provider: "secondary", model: "model-b" } },
    ]);
  });

  it("accepts explicit targets with provider objects", async () => {
    const primary = new MockProvider({ id: "primary", script: [{ error: temporary() }] });
    const secondary = new MockProvider({ id: "secondary", script: [{ text: "ok" }] });
    const { llm } = createTestManager({ provider: primary, model: "primary-model" });
    const fallbackConfig = new FallbackConfig({
      targets: [
        { provider: primary, model: "a" },
        { provider: secondary, model: "b" },
      ],
    });
    expect((await llm.generate({ prompt: "hi", fallbackConfig })).provider).toBe("secondary");
  });

  it("spends the retries of each target before falling back", async () => {
    const primary = new MockProvider({ id: "primary", script: [{ error: temporary() }] });
    const secondary = new MockProvider({
      id: "secondary",
      script: [{ error: temporary() }, { text: "second try" }],
    });
    const { llm, eventsOf } = createTestManager({ provider: primary, model: "primary-model" });
    const fallbackConfig = new FallbackConfig({
      targets: [
        { provider: primary, model: "a" },
        { provider: secondary, model: "b" },
      ],
    });
    const result = await llm.generate({ prompt: "hi", retryConfig: quickRetry(), fallbackConfig });
    expect(result.text).toBe("second try");
    expect(primary.callCount).toBe(3);
    expect(secondary.callCount).toBe(2);
    expect(result.attempts.map((attempt) => attempt.provider)).toEqual([
      "primary",
      "primary",
      "primary",
      "secondary",
      "secondary",
    ]);
    expect(eventsOf("retry-give-up").map((event) => event.provider)).toEqual(["primary"]);
  });

  it("throws an error that may not move on as it is, without trying the next target", async () => {
    const invalid = new InvalidRequestError("bad tool schema", { status: 400 });
    const primary = new MockProvider({ id: "primary", script: [{ error: invalid }] });
    const secondary = new MockProvider({ id: "secondary" });
    const { llm } = createTestManager({ provider: primary, model: "primary-model" });
    const fallbackConfig = new FallbackConfig({
      targets: [
        { provider: primary, model: "a" },
        { provider: secondary, model: "b" },
      ],
    });
    const outcome = await settled(llm.generate({ prompt: "hi", fallbackConfig }));
    expect(outcome.error).toBe(invalid);
    expect(secondary.callCount).toBe(0);
  });

  it("never falls back on an abort", async () => {
    const controller = new AbortController();
    const primary = new MockProvider({ id: "primary", script: [{ text: "slow", delayMs: 1000 }] });
    const secondary = new MockProvider({ id: "secondary" });
    const { llm } = createTestManager({ provider: primary, model: "primary-model" });
    const fallbackConfig = new FallbackConfig({
      targets: [
        { provider: primary, model: "a" },
        { provider: secondary, model: "b" },
      ],
    });
    const pending = settled(llm.generate({ prompt: "hi", fallbackConfig, signal: controller.signal }));
    setTimeout(() => controller.abort(), 5);
    const outcome = await pending;
    expect(AbortError.isInstance(outcome.error)).toBe(true);
    expect(secondary.callCount).toBe(0);
  });

  it("moves a context-length error only to a target with a larger window", async () => {
    const tooLong = new ContextLengthError("prompt too long");
    const small = new MockProvider({
      id: "small",
      script: [{ error: tooLong }],
      modelInfo: { contextWindow: 8000 },
    });
    const smaller = new MockProvider({ id: "smaller", modelInfo: { contextWindow: 4000 } });
    const large = new MockProvider({
      id: "large",
      script: [{ text: "fits" }],
      modelInfo: { contextWindow: 200_000 },
    });
    const { llm } = createTestManager({ provider: small, model: "primary-model" });
    const fallbackConfig = new FallbackConfig({
      targets: [
        { provider: small, model: "s" },
        { provider: smaller, model: "xs" },
        { provider: large, model: "l" },
      ],
    });
    const result = await llm.generate({ prompt: "hi", fallbackConfig });
    expect(result.provider).toBe("large");
    expect(smaller.callCount).toBe(0);
  });

  it("fails with every attempt when no target has a larger window, saying why the others were not tried", async () => {
    const small = new MockProvider({
      id: "small",
      script: [{ error: new ContextLengthError("prompt too long") }],
      modelInfo: { contextWindow: 8000 },
    });
    const unknown = new MockProvider({ id: "unknown" });
    const { llm } = createTestManager({ provider: small, model: "primary-model" });
    const fallbackConfig = new FallbackConfig({
      targets: [
        { provider: small, model: "s" },
        { provider: unknown, model: "u" },
      ],
    });
    const outcome = await settled(llm.generate({ prompt: "hi", fallbackConfig }));
    expect(AllProvidersFailedError.isInstance(outcome.error)).toBe(true);
    expect((outcome.error as Error).message).toBe(
      "All 2 fallback targets failed: 1. small/s: ContextLengthError: prompt too long (1 attempt); 2. unknown/u: not tried, because its context window is not known to be larger than that of small/s.",
    );
    expect(unknown.callCount).toBe(0);
  });

  it("moves an authentication error only to another vendor", async () => {
    const rejected = new AuthenticationError("invalid x-api-key", { status: 401 });
    const openaiA = new MockProvider({ id: "openai", script: [{ error: rejected }] });
    const openaiB = new MockProvider({ id: "openai", script: [{ text: "same key, never" }] });
    const anthropic = new MockProvider({ id: "anthropic", script: [{ text: "other vendor" }] });
    const { llm } = createTestManager({ provider: openaiA, model: "primary-model" });
    const fallbackConfig = new FallbackConfig({
      targets: [
        { provider: openaiA, model: "gpt-4o" },
        { provider: openaiB, model: "gpt-4o-mini" },
        { provider: anthropic, model: "claude-sonnet-4-5" },
      ],
    });
    const result = await llm.generate({ prompt: "hi", retryConfig: quickRetry(), fallbackConfig });
    expect(result.text).toBe("other vendor");
    expect(openaiA.callCount).toBe(1);
    expect(openaiB.callCount).toBe(0);
  });

  it("throws AllProvidersFailedError holding every attempt when every target fails", async () => {
    const primary = new MockProvider({ id: "primary", script: [{ error: temporary() }] });
    const secondary = new MockProvider({
      id: "secondary",
      script: [{ error: new TimeoutError("too slow") }],
    });
    const { llm } = createTestManager({ provider: primary, model: "primary-model" });
    const fallbackConfig = new FallbackConfig({
      targets: [
        { provider: primary, model: "a" },
        { provider: secondary, model: "b" },
      ],
    });
    const outcome = await settled(llm.generate({ prompt: "hi", retryConfig: quickRetry(), fallbackConfig }));
    const error = outcome.error as AllProvidersFailedError;
    expect(AllProvidersFailedError.isInstance(error)).toBe(true);
    expect(error.attempts).toHaveLength(6);
    expect(error.attempts.every((attempt) => attempt.error !== undefined && attempt.durationMs >= 0)).toBe(
      true,
    );
    expect(error.message).toBe(
      "All 2 fallback targets failed: 1. primary/a: TemporaryError: overloaded (3 attempts); 2. secondary/b: TimeoutError: too slow (3 attempts).",
    );
    expect(TimeoutError.isInstance(error.cause)).toBe(true);
  });

  it("limits each attempt with the target's attemptTimeoutMs and falls back when it hangs", async () => {
    const hanging = new MockProvider({ id: "hanging", script: [{ text: "late", delayMs: 5000 }] });
    const healthy = new MockProvider({ id: "healthy", script: [{ text: "on time" }] });
    const { llm } = createTestManager({ provider: hanging, model: "primary-model" });
    const fallbackConfig = new FallbackConfig({
      targets: [
        { provider: hanging, model: "h", attemptTimeoutMs: 30 },
        { provider: healthy, model: "ok" },
      ],
    });
    const started = performance.now();
    const result = await llm.generate({ prompt: "hi", fallbackConfig });
    expect(result.text).toBe("on time");
    expect(TimeoutError.isInstance(result.attempts[0]?.error)).toBe(true);
    expect(performance.now() - started).toBeLessThan(4000);
  });

  it("ends the whole chain at its deadlineMs with a TimeoutError and tries no further target", async () => {
    const slow = new MockProvider({ id: "slow", script: [{ text: "late", delayMs: 5000 }] });
    const next = new MockProvider({ id: "next" });
    const { llm } = createTestManager({ provider: slow, model: "primary-model" });
    const fallbackConfig = new FallbackConfig({
      targets: [
        { provider: slow, model: "s" },
        { provider: next, model: "n" },
      ],
      deadlineMs: 40,
    });
    const outcome = await settled(llm.generate({ prompt: "hi", fallbackConfig }));
    expect(TimeoutError.isInstance(outcome.error)).toBe(true);
    expect((outcome.error as Error).message).toBe(
      "The fallback chain took longer than its deadline of 40 ms.",
    );
    expect(next.callCount).toBe(0);
  });

  it("falls back on a predicate's say-so", async () => {
    const primary = new MockProvider({
      id: "primary",
      script: [{ error: new InvalidRequestError("model not found", { status: 404 }) }],
    });
    const secondary = new MockProvider({ id: "secondary", script: [{ text: "ok" }] });
    const { llm } = createTestManager({ provider: primary, model: "primary-model" });
    const fallbackConfig = new FallbackConfig({
      targets: [
        { provider: primary, model: "a" },
        { provider: secondary, model: "b" },
      ],
      fallbackOn: (error) => (error as { status?: number }).status === 404,
    });
    expect((await llm.generate({ prompt: "hi", fallbackConfig })).provider).toBe("secondary");
  });
});

describe("FallbackConfig with streams", () => {
  it("falls back before the first part without the consumer noticing", async () => {
    const primary = new MockProvider({ id: "primary", script: [{ error: temporary() }] });
    const secondary = new MockProvider({ id: "secondary", script: [{ text: "hello from b" }] });
    const { llm } = createTestManager({ provider: primary, model: "primary-model" });
    const fallbackConfig = new FallbackConfig({
      targets: [
        { provider: primary, model: "a" },
        { provider: secondary, model: "b" },
      ],
    });
    const stream = llm.stream({ prompt: "hi", fallbackConfig });
    const read = await readStream(stream);
    expect(read.error).toBeUndefined();
    expect(read.texts.join("")).toBe("hello from b");
    expect((await stream.result).provider).toBe("secondary");
  });

  it("ends in StreamInterruptedError with the parts already delivered when the stream breaks after its first part", async () => {
    const primary = new MockProvider({
      id: "primary",
      script: [{ text: "one two three four", failAfterParts: 3, error: temporary() }],
    });
    const secondary = new MockProvider({ id: "secondary", script: [{ text: "never" }] });
    const { llm } = createTestManager({ provider: primary, model: "primary-model" });
    const fallbackConfig = new FallbackConfig({
      targets: [
        { provider: primary, model: "a" },
        { provider: secondary, model: "b" },
      ],
    });
    const read = await readStream(llm.stream({ prompt: "hi", fallbackConfig }));
    const error = read.error as StreamInterruptedError;
    expect(StreamInterruptedError.isInstance(error)).toBe(true);
    expect(error.parts).toHaveLength(3);
    expect(error.partialText).toBe("one two three ");
    expect(read.texts).toEqual(["one ", "two ", "three "]);
    expect(secondary.callCount).toBe(0);
  });

  it("with restartStream restarts on the next target after the partial parts", async () => {
    const primary = new MockProvider({
      id: "primary",
      script: [{ text: "one two three", failAfterParts: 2, error: temporary() }],
    });
    const secondary = new MockProvider({ id: "secondary", script: [{ text: "fresh answer" }] });
    const { llm, eventsOf } = createTestManager({ provider: primary, model: "primary-model" });
    const fallbackConfig = new FallbackConfig({
      targets: [
        { provider: primary, model: "a" },
        { provider: secondary, model: "b" },
      ],
      restartStream: true,
    });
    const read = await readStream(llm.stream({ prompt: "hi", fallbackConfig }));
    expect(read.error).toBeUndefined();
    expect(read.texts).toEqual(["one ", "two ", "fresh ", "answer"]);
    expect(StreamInterruptedError.isInstance(eventsOf("fallback")[0]?.error)).toBe(true);
  });
});
