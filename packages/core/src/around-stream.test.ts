import { describe, expect, it } from "vitest";
import { aroundStream, type StreamEnd } from "./around-stream";
import type { StreamPart } from "./stream-part";

async function* parts(count: number, failAfter?: number): AsyncGenerator<StreamPart> {
  for (let index = 0; index < count; index += 1) {
    if (index === failAfter) throw new Error("connection reset");
    yield { type: "text-delta", text: `w${index} ` };
  }
}

function bracket(source: () => AsyncIterable<StreamPart>) {
  const log: string[] = [];
  const ends: StreamEnd[] = [];
  const stream = aroundStream(
    async () => {
      log.push("start");
      return "state";
    },
    (state) => {
      log.push(`open ${state}`);
      return source();
    },
    async (state, how) => {
      log.push(`end ${state}`);
      ends.push(how);
    },
  );
  return { stream, log, ends };
}

describe("aroundStream", () => {
  it("starts lazily, passes every part through as the same object and ends once", async () => {
    const part: StreamPart = { type: "text-delta", text: "x" };
    const { stream, log, ends } = bracket(async function* () {
      yield part;
      yield part;
    });
    expect(log).toEqual([]);
    const seen: StreamPart[] = [];
    for await (const value of stream) seen.push(value);
    expect(seen).toEqual([part, part]);
    expect(seen[0]).toBe(part);
    expect(log).toEqual(["start", "open state", "end state"]);
    expect(ends).toEqual([{ completed: true, failed: false }]);
  });

  it("ends as failed before the error reaches the consumer", async () => {
    const { stream, log, ends } = bracket(() => parts(5, 2));
    const seen: StreamPart[] = [];
    await expect(async () => {
      for await (const value of stream) seen.push(value);
    }).rejects.toThrow("connection reset");
    expect(seen).toHaveLength(2);
    expect(log.at(-1)).toBe("end state");
    expect(ends).toEqual([{ completed: false, failed: true }]);
  });

  it("ends as stopped when the consumer breaks early, and closes the source", async () => {
    let closed = false;
    const { stream, ends } = bracket(async function* () {
      try {
        yield* parts(10);
      } finally {
        closed = true;
      }
    });
    for await (const _ of stream) break;
    expect(closed).toBe(true);
    expect(ends).toEqual([{ completed: false, failed: false }]);
  });

  it("never opens the source or ends when start fails", async () => {
    const stream = aroundStream(
      async () => {
        throw new Error("refused");
      },
      () => {
        throw new Error("opened");
      },
      async () => {
        throw new Error("ended");
      },
    );
    await expect(async () => {
      for await (const _ of stream) break;
    }).rejects.toThrow("refused");
  });
});
