import type { CallContext, StreamPart } from "@ffc/core";
import { createTestManager, MockProvider } from "@ffc/testing";
import { describe, expect, it } from "vitest";
import { FallbackConfig } from "./fallback-config";

/** A primary whose stream sends `count` text parts and notes when its consumer closes it. */
function closablePrimary(count: number) {
  const primary = new MockProvider({ id: "primary" });
  const spy = { closed: false };
  primary.stream = async function* (): AsyncGenerator<StreamPart> {
    try {
      for (let index = 1; index <= count; index += 1) yield { type: "text-delta", text: `${index} ` };
      yield {
        type: "finish",
        finishReason: "stop",
        usage: { inputTokens: 1, outputTokens: 1, totalTokens: 2 },
      };
    } finally {
      spy.closed = true;
    }
  };
  return { primary, spy };
}

describe("FallbackConfig hands a started stream through", () => {
  it("as a plain iterator (no async generator per part)", () => {
    const fallbackConfig = new FallbackConfig({ targets: [{ provider: new MockProvider(), model: "a" }] });
    const stream = fallbackConfig.stream({} as CallContext, () => ({
      [Symbol.asyncIterator]: () => ({ next: async () => ({ done: true, value: undefined }) }),
    }));
    expect(Object.prototype.toString.call(stream[Symbol.asyncIterator]())).not.toBe(
      "[object AsyncGenerator]",
    );
  });

  it("reads every part of the target, then counts it a success", async () => {
    const { primary } = closablePrimary(4);
    const secondary = new MockProvider({ id: "secondary", script: [{ text: "never" }] });
    const { llm } = createTestManager({ provider: primary, model: "a" });
    const fallbackConfig = new FallbackConfig({
      targets: [
        { provider: primary, model: "a" },
        { provider: secondary, model: "b" },
      ],
    });
    const texts: string[] = [];
    const stream = llm.stream({ prompt: "hi", fallbackConfig });
    for await (const text of stream.text) texts.push(text);
    expect(texts).toEqual(["1 ", "2 ", "3 ", "4 "]);
    expect((await stream.result).provider).toBe("primary");
    expect(secondary.callCount).toBe(0);
  });

  it("closes the target's stream when the consumer breaks after the first part", async () => {
    const { primary, spy } = closablePrimary(5);
    const { llm } = createTestManager({ provider: primary, model: "a" });
    const fallbackConfig = new FallbackConfig({ targets: [{ provider: primary, model: "a" }] });
    for await (const _ of llm.stream({ prompt: "hi", fallbackConfig }).text) break;
    expect(spy.closed).toBe(true);
  });
});
