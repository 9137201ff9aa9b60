import type { CallContext, StreamPart } from "@ffc/core";
import { describe, expect, it } from "vitest";
import { RetryConfig } from "./retry-config";

/** A stream of `count` text parts whose steps are already resolved; notes return(). */
function resolvedSource(count: number) {
  const spy = { returned: false };
  let sent = 0;
  const iterable: AsyncIterable<StreamPart> = {
    [Symbol.asyncIterator]: () => ({
      next: () =>
        Promise.resolve(
          sent < count
            ? { done: false as const, value: { type: "text-delta" as const, text: `${++sent}` } }
            : { done: true as const, value: undefined },
        ),
      return: async () => {
        spy.returned = true;
        return { done: true as const, value: undefined };
      },
    }),
  };
  return { spy, iterable };
}

const call = {
  callId: "call_test",
  operation: "stream",
  provider: { id: "mock" },
  request: { model: "m", messages: [] },
  signal: new AbortController().signal,
  attempts: [],
  emit: () => {},
  state: new Map(),
} as unknown as CallContext;

describe("RetryConfig hands a started stream through", () => {
  it("with a plain iterator (no async generator per part) that closes the source on break", async () => {
    const { spy, iterable } = resolvedSource(5);
    const stream = new RetryConfig().stream(call, () => iterable)[Symbol.asyncIterator]();
    expect(Object.prototype.toString.call(stream)).not.toBe("[object AsyncGenerator]");
    expect((await stream.next()).value).toEqual({ type: "text-delta", text: "1" });
    expect((await stream.next()).value).toEqual({ type: "text-delta", text: "2" });
    await stream.return?.();
    expect(spy.returned).toBe(true);
    expect(await stream.next()).toEqual({ done: true, value: undefined });
  });
});
