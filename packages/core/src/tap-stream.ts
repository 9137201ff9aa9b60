import type { StreamPart } from "./stream-part";

/** What `tapStream` calls around a source stream; every hook runs synchronously. */
export interface StreamTap {
  /** Opens the source, at the consumer's first `next()`; may throw (then `fail` runs). */
  open(): AsyncIterable<StreamPart> | Promise<AsyncIterable<StreamPart>>;
  /** Sees each part before the consumer gets it. */
  part(part: StreamPart): void;
  /** The consumer asks for the next part after the first (it no longer holds the last one). */
  resume?(): void;
  /** The source ended; a throw here ends the stream as a failure (then `fail` runs). */
  done(): void;
  /** The source (or `open`, or `done`) failed: returns the error the consumer gets. */
  fail(error: unknown): unknown;
  /** The consumer stopped early; runs after the source's `return()`, also when that throws. */
  closed(): void;
}

const ended: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

/**
 * A stream that hands the parts of `tap.open()` through with hooks around them, as a plain
 * iterator: one `then` per part, where an `async *` layer with `for await … yield` costs a
 * generator promise and several microtask hops per part. Like a generator it opens lazily and
 * passes `return()` on to the source, so a consumer that breaks early closes the request.
 */
export function tapStream(tap: StreamTap): AsyncIterable<StreamPart> {
  return {
    [Symbol.asyncIterator]() {
      let source: AsyncIterator<StreamPart> | undefined;
      let finished = false;
      const onStep = (step: IteratorResult<StreamPart>): IteratorResult<StreamPart> => {
        if (!step.done) {
          tap.part(step.value);
          return step;
        }
        finished = true;
        try {
          tap.done();
        } catch (error) {
          throw tap.fail(error);
        }
        return ended;
      };
      const onError = (error: unknown): never => {
        finished = true;
        throw tap.fail(error);
      };
      const first = async (): Promise<IteratorResult<StreamPart>> => {
        try {
          source = (await tap.open())[Symbol.asyncIterator]();
        } catch (error) {
          onError(error);
        }
        return source!.next().then(onStep, onError);
      };
      return {
        next(): Promise<IteratorResult<StreamPart>> {
          if (finished) return Promise.resolve(ended);
          if (source === undefined) return first();
          tap.resume?.();
          return source.next().then(onStep, onError);
        },
        async return(): Promise<IteratorResult<StreamPart>> {
          if (finished) return ended;
          finished = true;
          if (source === undefined) return ended;
          try {
            await source.return?.();
          } finally {
            tap.closed();
          }
          return ended;
        },
      };
    },
  };
}
