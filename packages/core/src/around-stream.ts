import type { StreamPart } from "./stream-part";
import { attachEnd, type StreamEndHook, withAttachEnd } from "./tap-stream";

/** How a stream wrapped by `aroundStream` ended. */
export interface StreamEnd {
  /** True when the stream ran to its end; false when it failed or the consumer stopped early. */
  completed: boolean;
  /** True when the stream failed (the error then reaches the consumer after `end`). */
  failed: boolean;
}

/**
 * Runs `start` before the first part, then passes the parts of `open(state)` through as they
 * are (no copy, no extra async generator per part: an `async *` wrapper with `for await … yield`
 * costs about twice the promise hops per part), and awaits `end` exactly once, when the stream
 * ends, fails, or the consumer stops early. For plugins that only bracket a stream, such as a
 * reservation taken before it and settled after it.
 */
export function aroundStream<State>(
  start: () => Promise<State>,
  open: (state: State) => AsyncIterable<StreamPart>,
  end: (state: State, how: StreamEnd) => Promise<void>,
): AsyncIterable<StreamPart> {
  return {
    [Symbol.asyncIterator](): AsyncIterator<StreamPart> {
      let state: State;
      let inner: AsyncIterator<StreamPart> | undefined;
      let ended = false;
      // True when the inner stream runs the end hooks (ours and those attached to us): the parts
      // then pass with no `then` of ours at all.
      let handedThrough = false;
      const outer: StreamEndHook[] = [];
      const ownEnd = async (how: StreamEnd) => {
        if (ended) return;
        ended = true;
        await end(state, how);
      };
      const finish = async (completed: boolean, failed: boolean) => {
        if (ended || inner === undefined) return;
        await ownEnd({ completed, failed });
        for (const hook of outer) await hook({ completed, failed });
      };
      const onStep = (
        step: IteratorResult<StreamPart>,
      ): IteratorResult<StreamPart> | Promise<IteratorResult<StreamPart>> =>
        step.done ? finish(true, false).then(() => step) : step;
      const onError = (error: unknown): Promise<never> =>
        finish(false, true).then(() => {
          throw error;
        });
      const first = async (): Promise<IteratorResult<StreamPart>> => {
        try {
          state = await start();
          inner = open(state)[Symbol.asyncIterator]();
        } catch (error) {
          // Layers around that handed us their end hooks still hear of the failure.
          for (const hook of outer.splice(0)) await hook({ completed: false, failed: true });
          throw error;
        }
        handedThrough = attachEnd(inner, ownEnd);
        if (handedThrough) {
          for (const hook of outer.splice(0)) attachEnd(inner, hook);
          return inner.next();
        }
        return inner.next().then(onStep, onError);
      };
      const iterator: AsyncIterator<StreamPart> = {
        next() {
          if (handedThrough) return inner!.next();
          if (ended) return Promise.resolve({ done: true, value: undefined });
          if (inner === undefined) return first();
          return inner.next().then(onStep, onError);
        },
        async return() {
          if (handedThrough) {
            await inner!.return?.();
            return { done: true, value: undefined };
          }
          if (inner !== undefined && !ended) {
            try {
              await inner.return?.();
            } finally {
              await finish(false, false);
            }
          }
          ended = true;
          return { done: true, value: undefined };
        },
      };
      return withAttachEnd(iterator, (hook) => {
        if (ended) return false;
        if (handedThrough) return attachEnd(inner!, hook);
        outer.push(hook);
        return true;
      });
    },
  };
}
