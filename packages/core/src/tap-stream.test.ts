import { describe, expect, it } from "vitest";
import type { StreamPart } from "./stream-part";
import { peekStream } from "./stream-utilities";
import { tapStream } from "./tap-stream";
import { textDeltas } from "./text-deltas";

/** An async iterable of `count` text parts that counts its next() calls and notes return(). */
function spySource(count: number) {
  const spy = { nextCalls: 0, returned: false, promises: [] as Promise<IteratorResult<StreamPart>>[] };
  const iterator: AsyncIterator<StreamPart> = {
    next() {
      spy.nextCalls += 1;
      const step: IteratorResult<StreamPart> =
        spy.nextCalls <= count
          ? { done: false, value: { type: "text-delta", text: `${spy.nextCalls}` } }
          : { done: true, value: undefined };
      const promise = Promise.resolve(step);
      spy.promises.push(promise);
      return promise;
    },
    async return() {
      spy.returned = true;
      return { done: true, value: undefined };
    },
  };
  return { spy, iterable: { [Symbol.asyncIterator]: () => iterator } };
}

describe("tapStream", () => {
  it("opens at the first next(), sees every part, resumes between parts and ends once", async () => {
    const { iterable } = spySource(3);
    const calls: string[] = [];
    const stream = tapStream({
      open: () => {
        calls.push("open");
        return iterable;
      },
      part: (part) => calls.push(`part ${(part as { text: string }).text}`),
      resume: () => calls.push("resume"),
      done: () => calls.push("done"),
      fail: (error) => error,
      closed: () => calls.push("closed"),
    });
    expect(calls).toEqual([]);
    for await (const _ of stream) {
      // read every part
    }
    expect(calls).toEqual(["open", "part 1", "resume", "part 2", "resume", "part 3", "resume", "done"]);
  });

  it("hands the consumer the error `fail` returns", async () => {
    const broken = new Error("vendor");
    const stream = tapStream({
      open: () => ({
        [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(broken) }),
      }),
      part: () => {},
      done: () => {},
      fail: (error) => new Error(`mapped: ${(error as Error).message}`),
      closed: () => {},
    });
    await expect(stream[Symbol.asyncIterator]().next()).rejects.toThrow("mapped: vendor");
  });

  it("closes the source when the consumer breaks early, then runs `closed`", async () => {
    const { spy, iterable } = spySource(5);
    let closed = false;
    const stream = tapStream({
      open: () => iterable,
      part: () => {},
      done: () => {},
      fail: (error) => error,
      closed: () => {
        closed = spy.returned;
      },
    });
    for await (const _ of stream) break;
    expect(spy.returned).toBe(true);
    expect(closed).toBe(true);
  });
});

describe("peekStream", () => {
  it("hands the rest through: after the first part, next() is the source's own next()", async () => {
    const { spy, iterable } = spySource(3);
    const peeked = await peekStream(iterable);
    expect(peeked.first).toEqual({ type: "text-delta", text: "1" });
    const rest = peeked.stream[Symbol.asyncIterator]();
    expect((await rest.next()).value).toEqual(peeked.first);
    const second = rest.next();
    expect(second).toBe(spy.promises[1]);
    await rest.return?.();
    expect(spy.returned).toBe(true);
  });
});

describe("textDeltas", () => {
  it("keeps only the text deltas and closes the parts when the consumer breaks", async () => {
    const parts: StreamPart[] = [
      { type: "reasoning-delta", text: "thinking" },
      { type: "text-delta", text: "a" },
      { type: "usage", usage: { inputTokens: 1, outputTokens: 1, totalTokens: 2 } },
      { type: "text-delta", text: "b" },
    ];
    let returned = false;
    const source: AsyncIterable<StreamPart> = {
      [Symbol.asyncIterator]() {
        let index = 0;
        return {
          next: async () =>
            index < parts.length ? { done: false, value: parts[index++]! } : { done: true, value: undefined },
          return: async () => {
            returned = true;
            return { done: true, value: undefined };
          },
        };
      },
    };
    const texts: string[] = [];
    for await (const text of textDeltas(source)) texts.push(text);
    expect(texts).toEqual(["a", "b"]);
    for await (const _ of textDeltas(source)) break;
    expect(returned).toBe(true);
  });
});
