import { describe, expect, it } from "vitest";
import { aroundStream } from "./around-stream";
import type { StreamPart } from "./stream-part";
import { tapStream } from "./tap-stream";

/** A tapStream over `count` text parts, failing after them when `failure` is given. */
function tapped(count: number, failure?: Error) {
  const spy = { returned: false };
  let sent = 0;
  const source: AsyncIterable<StreamPart> = {
    [Symbol.asyncIterator]: () => ({
      next: async () => {
        if (sent < count) return { done: false, value: { type: "text-delta", text: `${++sent}` } };
        if (failure) throw failure;
        return { done: true, value: undefined };
      },
      return: async () => {
        spy.returned = true;
        return { done: true, value: undefined };
      },
    }),
  };
  const noop = () => {};
  return {
    spy,
    stream: tapStream({ open: () => source, part: noop, done: noop, fail: (e) => e, closed: noop }),
  };
}

/** Two aroundStream layers (as BudgetManager over RateLimiter) over `inner`, logging their ends. */
function nested(inner: AsyncIterable<StreamPart>, log: string[]) {
  const layer = (name: string, open: () => AsyncIterable<StreamPart>) =>
    aroundStream(
      async () => name,
      () => open(),
      async (state, how) => {
        log.push(`${state} ${how.completed ? "completed" : how.failed ? "failed" : "closed"}`);
      },
    );
  return layer("outer", () => layer("inner", () => inner));
}

describe("aroundStream over a tapStream", () => {
  it("hands the parts through: after the first, next() is the tap's own next()", async () => {
    const { stream } = tapped(3);
    const tapIterator = stream[Symbol.asyncIterator]();
    const wrapped = aroundStream(
      async () => undefined,
      () => ({ [Symbol.asyncIterator]: () => tapIterator }),
      async () => {},
    )[Symbol.asyncIterator]();
    await wrapped.next();
    const originalNext = tapIterator.next.bind(tapIterator);
    const handed: Promise<IteratorResult<StreamPart>>[] = [];
    tapIterator.next = () => {
      const promise = originalNext();
      handed.push(promise);
      return promise;
    };
    expect(wrapped.next()).toBe(handed[0]);
  });

  it("runs every layer's end once, innermost first, when the stream completes", async () => {
    const log: string[] = [];
    const texts: string[] = [];
    for await (const part of nested(tapped(2).stream, log)) texts.push((part as { text: string }).text);
    expect(texts).toEqual(["1", "2"]);
    expect(log).toEqual(["inner completed", "outer completed"]);
  });

  it("runs them before the consumer sees a failure", async () => {
    const log: string[] = [];
    const iterator = nested(tapped(1, new Error("cut")).stream, log)[Symbol.asyncIterator]();
    await iterator.next();
    await expect(iterator.next()).rejects.toThrow("cut");
    expect(log).toEqual(["inner failed", "outer failed"]);
  });

  it("closes the source and runs them when the consumer stops early", async () => {
    const log: string[] = [];
    const { spy, stream } = tapped(5);
    for await (const _ of nested(stream, log)) break;
    expect(spy.returned).toBe(true);
    expect(log).toEqual(["inner closed", "outer closed"]);
  });

  it("tells the outer layer when the inner layer's start fails", async () => {
    const log: string[] = [];
    const failing = aroundStream(
      async () => {
        throw new Error("refused");
      },
      () => tapped(1).stream,
      async () => {},
    );
    const outer = aroundStream(
      async () => "outer",
      () => failing,
      async (state, how) => {
        log.push(`${state} ${how.failed ? "failed" : "other"}`);
      },
    );
    await expect(outer[Symbol.asyncIterator]().next()).rejects.toThrow("refused");
    expect(log).toEqual(["outer failed"]);
  });
});
