import type { StreamPart } from "./stream-part";

/** A stream split into its first part and an iterator over the rest. */
export interface PeekedStream {
  /** The first part, or undefined when the stream ended at once. */
  first: StreamPart | undefined;
  /** The whole stream again, starting with `first`. */
  stream: AsyncIterable<StreamPart>;
}

/**
 * Waits for the first part of a stream. Retry and fallback use this: a failure before the
 * first part can be tried again invisibly, a failure after it cannot.
 */
export async function peekStream(source: AsyncIterable<StreamPart>): Promise<PeekedStream> {
  const iterator = source[Symbol.asyncIterator]();
  const head = await iterator.next();
  const first = head.done ? undefined : head.value;
  // The rest is handed through as a plain iterator: its next() is the source's next() (no promise
  // of its own per part, where an `async *` wrapper costs one and several microtask hops).
  let headTaken = false;
  const rest: AsyncIterator<StreamPart> = {
    next() {
      if (head.done) return Promise.resolve(head);
      if (!headTaken) {
        headTaken = true;
        return Promise.resolve(head);
      }
      return iterator.next();
    },
    async return() {
      headTaken = true;
      await iterator.return?.();
      return { done: true, value: undefined };
    },
  };
  return { first, stream: { [Symbol.asyncIterator]: () => rest } };
}
