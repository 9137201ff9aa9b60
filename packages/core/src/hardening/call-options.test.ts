import { describe, expect, it } from "vitest";
import { ConfigError, StreamInterruptedError, TimeoutError } from "../errors/index";
import { LLMManager } from "../llm-manager";
import { sleep } from "../sleep";
import { scriptedProvider } from "../test-support/scripted-provider";

function manager() {
  const provider = scriptedProvider([{ text: "ok", delayMs: 200 }]);
  return { provider, llm: new LLMManager({ provider, model: "gpt-4o" }) };
}

describe("per-call options are checked like LLMConfig (issue 10, finding 4)", () => {
  it.each([
    [
      { temperature: 5 },
      "temperature",
      /"temperature" must be a finite number at least 0 and at most 2, got 5/,
    ],
    [{ model: "   " }, "model", /"model" must be a non-empty string/],
    [{ maxToken: 5 }, "maxToken", /"maxToken" is not an option \(did you mean "maxTokens"\?\)/],
    [
      { maxTokens: 1e12 },
      "maxTokens",
      /"maxTokens" must be a whole number at least 1 and at most 2147483647/,
    ],
    [{ timeoutMs: 2 ** 31 }, "timeoutMs", /"timeoutMs" must be a whole number/],
    [{ deadlineMs: Number.POSITIVE_INFINITY }, "deadlineMs", /"deadlineMs" must be a finite number/],
    [{ stop: ["ok", 3] }, "stop[1]", /"stop\[1\]" must be a non-empty string/],
    [{ signal: {} }, "signal", /"signal" must be an AbortSignal/],
    [{ messages: [null] }, "messages", /"messages" must hold messages/],
  ])("%j is refused before anything is sent", async (bad, field, message) => {
    const { provider, llm } = manager();
    const failure = await llm.generate({ prompt: "hi", ...(bad as object) }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ConfigError);
    expect((failure as ConfigError).field).toBe(field);
    expect((failure as Error).message).toMatch(message);
    expect(() => llm.stream({ prompt: "hi", ...(bad as object) })).toThrow(ConfigError);
    expect(provider.requests).toHaveLength(0);
  });

  it("undefined values count as absent and valid options pass", async () => {
    const { llm } = manager();
    const result = await llm.generate({
      prompt: "hi",
      model: undefined,
      maxTokens: 100,
      temperature: 0.5,
      topP: 1,
      stop: [""],
      timeoutMs: 5_000,
      deadlineMs: 10_000.5,
      fitContext: true,
      metadata: { userId: "u" },
    });
    expect(result.text).toBe("ok");
  });
});

describe("timeouts (issue 10, finding 9)", () => {
  it("AbortSignal.timeout ends in a TimeoutError that is not retried", async () => {
    const { llm } = manager();
    const failure = await llm
      .generate({ prompt: "hi", signal: AbortSignal.timeout(20) })
      .catch((error) => error);
    expect(TimeoutError.isInstance(failure)).toBe(true);
    expect((failure as TimeoutError).retryable).toBe(false);
    expect((failure as Error).message).toContain("AbortSignal.timeout");
  });

  it("an already timed-out signal is a TimeoutError before anything is sent", async () => {
    const { provider, llm } = manager();
    const signal = AbortSignal.timeout(1);
    await new Promise((resolve) => setTimeout(resolve, 10));
    await expect(llm.generate({ prompt: "hi", signal })).rejects.toBeInstanceOf(TimeoutError);
    expect(provider.requests).toHaveLength(0);
  });

  it("the manager's default attempt timeout applies when no timeoutMs is set", async () => {
    const provider = scriptedProvider([{ text: "late", delayMs: 300 }]);
    const llm = new LLMManager({ provider, model: "m" }, { timeouts: { attemptMs: 30 } });
    await expect(llm.generate({ prompt: "hi" })).rejects.toThrow(/took longer than 30 ms/);
  });

  it("a stream that stalls after its first part ends after the stall timeout", async () => {
    const provider = {
      ...scriptedProvider([]),
      async *stream(request: { signal?: AbortSignal }) {
        yield { type: "text-delta" as const, text: "first" };
        await sleep(5_000, request.signal);
      },
    };
    const llm = new LLMManager(
      { provider, model: "m" },
      { timeouts: { attemptMs: 5_000, streamStallMs: 30 } },
    );
    const started = performance.now();
    const response = llm.stream({ prompt: "hi" });
    const failure = await (async () => {
      for await (const _ of response) {
        // read every part
      }
    })().catch((error: unknown) => error);
    expect(StreamInterruptedError.isInstance(failure)).toBe(true);
    expect(TimeoutError.isInstance((failure as Error).cause)).toBe(true);
    expect((failure as Error).message).toContain("sent nothing for 30 ms after part 1");
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("timeouts options are checked", () => {
    expect(
      () =>
        new LLMManager({ provider: scriptedProvider([]), model: "m" }, { timeouts: { attemptMs: 2 ** 40 } }),
    ).toThrow(/"timeouts.attemptMs" must be a whole number at least 1 and at most 2147483647/);
  });
});

describe("the stream stall clock stops while the consumer holds a part", () => {
  it("a slow reader does not turn into a stall timeout", async () => {
    const provider = {
      ...scriptedProvider([]),
      async *stream(request: { signal?: AbortSignal }) {
        yield { type: "text-delta" as const, text: "a" };
        yield { type: "text-delta" as const, text: "b" };
        // A vendor connection ends when its signal aborts.
        if (request.signal?.aborted) throw request.signal.reason;
        yield { type: "text-delta" as const, text: "c" };
      },
    };
    const llm = new LLMManager({ provider, model: "m" }, { timeouts: { streamStallMs: 30 } });
    let text = "";
    for await (const part of llm.stream({ prompt: "hi" })) {
      if (part.type === "text-delta") text += part.text;
      await sleep(80);
    }
    expect(text).toBe("abc");
  });
});
