import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import { deriveSignal } from "./derived-signal";
import { StreamInterruptedError, TimeoutError } from "./errors/index";
import { LLMManager } from "./llm-manager";
import { neverAbortedSignal } from "./never-aborted";
import { sleep } from "./sleep";
import { scriptedProvider } from "./test-support/scripted-provider";

/** A provider whose stream sends `parts` parts `gapMs` apart, then waits `stallMs` before its end. */
function pacedProvider(parts: number, gapMs: number, stallMs = 0) {
  return {
    ...scriptedProvider([]),
    async *stream(request: { signal?: AbortSignal }) {
      for (let index = 0; index < parts; index += 1) {
        await sleep(gapMs, request.signal);
        yield { type: "text-delta" as const, text: `${index} ` };
      }
      if (stallMs > 0) await sleep(stallMs, request.signal);
      yield {
        type: "finish" as const,
        finishReason: "stop" as const,
        usage: { inputTokens: 1, outputTokens: parts, totalTokens: parts + 1 },
      };
    },
  };
}

describe("the lazy stall clock of a stream", () => {
  it("does not abort a stream whose parts come steadily within the limit, though it lasts longer", async () => {
    const llm = new LLMManager(
      { provider: pacedProvider(12, 10), model: "m" },
      { timeouts: { streamStallMs: 40 } },
    );
    const response = llm.stream({ prompt: "hi" });
    let parts = 0;
    for await (const _ of response.text) parts += 1;
    expect(parts).toBe(12);
    expect((await response.result).finishReason).toBe("stop");
  });

  it("still aborts a stall that follows steady parts (after the timer re-armed itself)", async () => {
    const llm = new LLMManager(
      { provider: pacedProvider(8, 10, 5_000), model: "m" },
      { timeouts: { streamStallMs: 40 } },
    );
    const failure = await (async () => {
      for await (const _ of llm.stream({ prompt: "hi" })) {
        // read every part
      }
    })().catch((error: unknown) => error);
    expect(StreamInterruptedError.isInstance(failure)).toBe(true);
    expect(TimeoutError.isInstance((failure as Error).cause)).toBe(true);
    expect((failure as Error).message).toContain("sent nothing for 40 ms after part 8");
  });
});

describe("deriveSignal on the shared never-aborted signal", () => {
  it("adds no abort listener to it, however many derived signals are in flight", () => {
    const derived = Array.from({ length: 1_000 }, () =>
      deriveSignal(neverAbortedSignal, { timeoutMs: 60_000 }),
    );
    expect(getEventListeners(neverAbortedSignal, "abort")).toHaveLength(0);
    for (const signal of derived) signal.dispose();
  });

  it("still follows a caller's signal that can abort", () => {
    const caller = new AbortController();
    const derived = deriveSignal(caller.signal, { timeoutMs: 60_000 });
    expect(getEventListeners(caller.signal, "abort")).toHaveLength(1);
    caller.abort(new Error("stop"));
    expect(derived.signal.aborted).toBe(true);
    derived.dispose();
    expect(getEventListeners(caller.signal, "abort")).toHaveLength(0);
  });
});
