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
  return {
    first,
    stream: {
      async *[Symbol.asyncIterator]() {
        if (head.done) return;
        yield head.value;
        try {
          while (true) {
            const step = await iterator.next();
            if (step.done) return;
            yield step.value;
          }
        } finally {
          await iterator.return?.();
        }
      },
    },
  };
}
