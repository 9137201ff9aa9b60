import type { StreamPart } from "./stream-part";

/**
 * Only the text of a stream, delta by delta, as a plain iterator (one `then` per part; an
 * `async *` filter costs a generator promise and several microtask hops per part). Like a
 * generator it takes the parts' iterator at the first `next()` and passes `return()` on.
 */
export function textDeltas(parts: AsyncIterable<StreamPart>): AsyncIterable<string> {
  return {
    [Symbol.asyncIterator]() {
      let source: AsyncIterator<StreamPart> | undefined;
      const onStep = (
        step: IteratorResult<StreamPart>,
      ): IteratorResult<string> | Promise<IteratorResult<string>> => {
        if (step.done) return { done: true, value: undefined };
        if (step.value.type === "text-delta") return { done: false, value: step.value.text };
        return source!.next().then(onStep);
      };
      return {
        next(): Promise<IteratorResult<string>> {
          try {
            source ??= parts[Symbol.asyncIterator]();
          } catch (error) {
            return Promise.reject(error);
          }
          return source.next().then(onStep);
        },
        async return(): Promise<IteratorResult<string>> {
          await source?.return?.();
          return { done: true, value: undefined };
        },
      };
    },
  };
}
