import {
  AbortError,
  LLMManager,
  RateLimitError,
  StreamInterruptedError,
  TemporaryError,
  TimeoutError,
} from "@ffc/core";
import { createTestManager, MockProvider, settled } from "@ffc/testing";
import { afterEach, describe, expect, it, vi } from "vitest";
import { RetryBudget } from "./retry-budget";
import { RetryConfig } from "./retry-config";

const temporary = () => new TemporaryError("overloaded", { status: 529 });
const quick = { initialDelayMs: 1, maxDelayMs: 1, jitter: "none" } as const;

afterEach(() => {
  vi.useRealTimers();
});

describe("RetryConfig with generate", () => {
  it("retries a temporary error and returns the next attempt's result", async () => {
    const { llm, provider } = createTestManager({ steps: [{ error: temporary() }, { text: "recovered" }] });
    const result = await llm.generate({ prompt: "hi", retryConfig: new RetryConfig(quick) });
    expect(result.text).toBe("recovered");
    expect(provider.callCount).toBe(2);
    expect(result.attempts.map((attempt) => TemporaryError.isInstance(attempt.error))).toEqual([true, false]);
  });

  it("accepts the guide's form verbatim and retries only the listed classes", async () => {
    vi.useFakeTimers();
    const retryConfig = new RetryConfig({
      maxRetries: 3,
      backoffFactor: 1.5,
      errorsToRetry: [RateLimitError, TemporaryError],
    });
    const limited = createTestManager({
      steps: [{ error: new RateLimitError("slow down") }, { text: "ok" }],
    });
    const pending = settled(limited.llm.generate({ prompt: "hi", retryConfig }));
    await vi.runAllTimersAsync();
    expect((await pending).value?.text).toBe("ok");

    const timedOut = createTestManager({ steps: [{ error: new TimeoutError("slow") }, { text: "ok" }] });
    const failed = await settled(timedOut.llm.generate({ prompt: "hi", retryConfig }));
    expect(TimeoutError.isInstance(failed.error)).toBe(true);
    expect(timedOut.provider.callCount).toBe(1);
    expect(timedOut.eventsOf("retry-give-up")[0]?.reason).toMatch(
      /^not-retryable: TimeoutError is not in errorsToRetry/,
    );
  });

  it("gives up after maxRetries with the last error and a retries-exhausted event", async () => {
    const { llm, provider, eventsOf } = createTestManager({ steps: [{ error: temporary() }] });
    const failed = await settled(
      llm.generate({ prompt: "hi", retryConfig: new RetryConfig({ ...quick, maxRetries: 2 }) }),
    );
    expect(TemporaryError.isInstance(failed.error)).toBe(true);
    expect(provider.callCount).toBe(3);
    expect(eventsOf("retry-scheduled").map((event) => event.attempt)).toEqual([2, 3]);
    const giveUp = eventsOf("retry-give-up");
    expect(giveUp).toHaveLength(1);
    expect(giveUp[0]).toMatchObject({ provider: "mock", model: "mock-model", attempts: 3 });
    expect(giveUp[0]!.reason).toMatch(/^retries-exhausted: gave up after 2 retries/);
  });

  it("sends one request only when maxRetries is 0", async () => {
    const { llm, provider } = createTestManager({ steps: [{ error: temporary() }, { text: "never" }] });
    await settled(llm.generate({ prompt: "hi", retryConfig: new RetryConfig({ maxRetries: 0 }) }));
    expect(provider.callCount).toBe(1);
  });

  it("waits for retry-after before the second attempt", async () => {
    vi.useFakeTimers();
    const hinted = new RateLimitError("slow down", { retryAfterMs: 2000 });
    const { llm, provider, eventsOf } = createTestManager({ steps: [{ error: hinted }, { text: "ok" }] });
    const pending = settled(
      llm.generate({ prompt: "hi", retryConfig: new RetryConfig({ initialDelayMs: 10, jitter: "none" }) }),
    );
    await vi.advanceTimersByTimeAsync(1999);
    expect(provider.callCount).toBe(1);
    expect(eventsOf("retry-scheduled")[0]?.delayMs).toBe(2000);
    await vi.advanceTimersByTimeAsync(1);
    expect(provider.callCount).toBe(2);
    expect((await pending).value?.text).toBe("ok");
  });

  it("keeps the backoff delay when it is longer than the vendor's hint", async () => {
    const hinted = new RateLimitError("slow down", { retryAfterMs: 1 });
    const { llm, eventsOf } = createTestManager({ steps: [{ error: hinted }, { text: "ok" }] });
    await llm.generate({
      prompt: "hi",
      retryConfig: new RetryConfig({ initialDelayMs: 30, jitter: "none" }),
    });
    expect(eventsOf("retry-scheduled")[0]?.delayMs).toBe(30);
  });

  it("gives up at once when retry-after is longer than maxRetryAfterMs, saying why", async () => {
    const hinted = new RateLimitError("slow down", { retryAfterMs: 120_000 });
    const { llm, provider, eventsOf } = createTestManager({ steps: [{ error: hinted }, { text: "ok" }] });
    const failed = await settled(
      llm.generate({ prompt: "hi", retryConfig: new RetryConfig({ maxRetryAfterMs: 60_000 }) }),
    );
    expect(failed.error).toBe(hinted);
    expect(provider.callCount).toBe(1);
    expect(eventsOf("retry-scheduled")).toHaveLength(0);
    expect(eventsOf("retry-give-up")[0]?.reason).toBe(
      "retry-after-too-long: the vendor asked to wait 120000 ms, more than maxRetryAfterMs (60000 ms)",
    );
  });

  it("ignores retry-after hints when respectRetryAfter is false", async () => {
    const hinted = new RateLimitError("slow down", { retryAfterMs: 120_000 });
    const { llm, eventsOf } = createTestManager({ steps: [{ error: hinted }, { text: "ok" }] });
    const result = await llm.generate({
      prompt: "hi",
      retryConfig: new RetryConfig({ ...quick, respectRetryAfter: false }),
    });
    expect(result.text).toBe("ok");
    expect(eventsOf("retry-scheduled")[0]?.delayMs).toBe(1);
  });

  it("does not retry an exhausted quota even though RateLimitError is listed", async () => {
    const quota = new RateLimitError("insufficient_quota", { quotaExhausted: true });
    const { llm, provider, eventsOf } = createTestManager({ steps: [{ error: quota }, { text: "ok" }] });
    const failed = await settled(
      llm.generate({
        prompt: "hi",
        retryConfig: new RetryConfig({ ...quick, errorsToRetry: [RateLimitError] }),
      }),
    );
    expect(failed.error).toBe(quota);
    expect(provider.callCount).toBe(1);
    expect(eventsOf("retry-give-up")[0]?.reason).toBe(
      "not-retryable: RateLimitError is marked as not retryable",
    );
  });

  it("never retries an AbortError, even with a predicate that accepts everything", async () => {
    const { llm, provider } = createTestManager({
      steps: [{ error: new AbortError("stopped") }, { text: "ok" }],
    });
    const failed = await settled(
      llm.generate({ prompt: "hi", retryConfig: new RetryConfig({ ...quick, errorsToRetry: () => true }) }),
    );
    expect(AbortError.isInstance(failed.error)).toBe(true);
    expect(provider.callCount).toBe(1);
  });

  it("retries any error a predicate accepts, including plain errors", async () => {
    const { llm, provider } = createTestManager({
      steps: [{ error: new Error("flaky socket") }, { text: "ok" }],
    });
    const retryConfig = new RetryConfig({
      ...quick,
      errorsToRetry: (error) => String(error).includes("flaky"),
    });
    expect((await llm.generate({ prompt: "hi", retryConfig })).text).toBe("ok");
    expect(provider.callCount).toBe(2);
  });

  it("recognises an error class from another installed copy of core by its marker, not instanceof", async () => {
    // What a TemporaryError built by a second copy of @ffc/core looks like to this copy.
    const foreign = Object.assign(new Error("overloaded elsewhere"), {
      name: "TemporaryError",
      retryable: true,
      [Symbol.for("ffc.error")]: true,
      [Symbol.for("ffc.error.TemporaryError")]: true,
    });
    expect(foreign instanceof TemporaryError).toBe(false);
    const { llm, provider } = createTestManager({ steps: [{ error: foreign }, { text: "ok" }] });
    await llm.generate({
      prompt: "hi",
      retryConfig: new RetryConfig({ ...quick, errorsToRetry: [TemporaryError] }),
    });
    expect(provider.callCount).toBe(2);
  });

  it("stops a pending wait at once when the call is aborted and sends nothing more", async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const { llm, provider, eventsOf } = createTestManager({
      steps: [{ error: temporary() }, { text: "never" }],
    });
    const pending = settled(
      llm.generate({
        prompt: "hi",
        signal: controller.signal,
        retryConfig: new RetryConfig({ initialDelayMs: 10_000, jitter: "none" }),
      }),
    );
    await vi.advanceTimersByTimeAsync(5);
    expect(eventsOf("retry-scheduled")).toHaveLength(1);
    controller.abort();
    const outcome = await pending;
    expect(AbortError.isInstance(outcome.error)).toBe(true);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(provider.callCount).toBe(1);
    expect(eventsOf("retry-give-up")[0]?.reason).toMatch(/^aborted: /);
  });

  it("ends a wait that outlives the call's deadline with a TimeoutError", async () => {
    vi.useFakeTimers();
    const { llm, provider } = createTestManager({ steps: [{ error: temporary() }, { text: "never" }] });
    const pending = settled(
      llm.generate({
        prompt: "hi",
        deadlineMs: 50,
        retryConfig: new RetryConfig({ initialDelayMs: 10_000, jitter: "none" }),
      }),
    );
    await vi.advanceTimersByTimeAsync(60);
    const outcome = await pending;
    expect(TimeoutError.isInstance(outcome.error)).toBe(true);
    expect((outcome.error as Error).message).toMatch(/deadline of 50 ms/);
    expect(provider.callCount).toBe(1);
  });

  it("works as a plugin of LLMManager for every call", async () => {
    const provider = new MockProvider({ script: [{ error: temporary() }, { text: "ok" }] });
    const llm = new LLMManager({ provider, model: "m" }, { plugins: [new RetryConfig(quick)] });
    expect((await llm.generate({ prompt: "hi" })).text).toBe("ok");
    expect(provider.callCount).toBe(2);
  });

  it("stops retrying when the provider's retry budget is spent", async () => {
    // The reserve allows one retry in the window, and the ratio adds none.
    const budget = new RetryBudget({ ratio: 0, minRetriesPerSecond: 0.1, windowMs: 10_000 });
    const retryConfig = new RetryConfig({ ...quick, retryBudget: budget });
    const { llm, provider, eventsOf } = createTestManager({
      steps: [{ error: temporary() }, { text: "first" }, { error: temporary() }],
    });
    expect((await llm.generate({ prompt: "hi", retryConfig })).text).toBe("first");
    const failed = await settled(llm.generate({ prompt: "hi", retryConfig }));
    expect(TemporaryError.isInstance(failed.error)).toBe(true);
    expect(provider.callCount).toBe(3);
    expect(eventsOf("retry-give-up")[0]?.reason).toBe(
      "retry-budget-exhausted: 1 retries for 2 calls to mock in the last 10000 ms",
    );
  });
});

describe("RetryConfig with streams", () => {
  it("retries a stream that fails before its first part", async () => {
    const { llm, provider } = createTestManager({
      steps: [{ error: temporary() }, { text: "hello stream" }],
    });
    const stream = llm.stream({ prompt: "hi", retryConfig: new RetryConfig(quick) });
    let text = "";
    for await (const delta of stream.text) text += delta;
    expect(text).toBe("hello stream");
    expect(provider.callCount).toBe(2);
  });

  it("does not retry a stream that failed after its first part and hands back the partial output", async () => {
    const { llm, provider, eventsOf } = createTestManager({
      steps: [{ text: "one two three four", failAfterParts: 2, error: temporary() }, { text: "never" }],
    });
    const stream = llm.stream({ prompt: "hi", retryConfig: new RetryConfig(quick) });
    const seen: string[] = [];
    const outcome = await settled(
      (async () => {
        for await (const delta of stream.text) seen.push(delta);
      })(),
    );
    expect(StreamInterruptedError.isInstance(outcome.error)).toBe(true);
    expect((outcome.error as StreamInterruptedError).partialText).toBe("one two ");
    expect(seen).toEqual(["one ", "two "]);
    expect(provider.callCount).toBe(1);
    expect(eventsOf("retry-give-up")[0]?.reason).toMatch(/^stream-started: /);
  });
});
