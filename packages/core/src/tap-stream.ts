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

/** How a stream ended, for the end hooks of outer layers. */
export interface StreamEnding {
  /** True when the stream ran to its end. */
  completed: boolean;
  /** True when it failed (the error reaches the consumer after the hooks). */
  failed: boolean;
}

/** An outer layer's end hook, run once (awaited, innermost first) when the stream ends. */
export type StreamEndHook = (ending: StreamEnding) => void | Promise<void>;

const attachSymbol = Symbol("ffc.attachEnd");

/** An iterator that can run the end hooks of the layers around it. */
interface Attachable {
  [attachSymbol](hook: StreamEndHook): boolean;
}

/**
 * Hands an outer layer's end hook to `iterator` when it can run it (a tapStream or a layer that
 * forwards to one): the outer layer can then hand its parts through with no `then` per part.
 * False: the outer layer must watch the end itself.
 */
export function attachEnd(iterator: AsyncIterator<StreamPart>, hook: StreamEndHook): boolean {
  const attachable = (iterator as Partial<Attachable>)[attachSymbol];
  return typeof attachable === "function" ? attachable.call(iterator, hook) : false;
}

/** Makes `iterator` attachable with `attach` (for layers that forward hooks inwards). */
export function withAttachEnd<Iterator extends AsyncIterator<StreamPart>>(
  iterator: Iterator,
  attach: (hook: StreamEndHook) => boolean,
): Iterator {
  (iterator as unknown as Attachable)[attachSymbol] = attach;
  return iterator;
}

async function runHooks(hooks: StreamEndHook[], ending: StreamEnding): Promise<void> {
  for (const hook of hooks) await hook(ending);
}

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
      const hooks: StreamEndHook[] = [];
      const onStep = (
        step: IteratorResult<StreamPart>,
      ): IteratorResult<StreamPart> | Promise<IteratorResult<StreamPart>> => {
        if (!step.done) {
          tap.part(step.value);
          return step;
        }
        finished = true;
        try {
          tap.done();
        } catch (error) {
          return onFailure(error);
        }
        if (hooks.length === 0) return ended;
        return runHooks(hooks, { completed: true, failed: false }).then(() => ended);
      };
      const onFailure = (thrown: unknown): never | Promise<never> => {
        const error = tap.fail(thrown);
        if (hooks.length === 0) throw error;
        return runHooks(hooks, { completed: false, failed: true }).then(() => {
          throw error;
        });
      };
      const onError = (error: unknown): never | Promise<never> => {
        finished = true;
        return onFailure(error);
      };
      const first = async (): Promise<IteratorResult<StreamPart>> => {
        try {
          source = (await tap.open())[Symbol.asyncIterator]();
        } catch (error) {
          return onError(error);
        }
        return source.next().then(onStep, onError);
      };
      const iterator: AsyncIterator<StreamPart> = {
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
            if (hooks.length > 0) await runHooks(hooks, { completed: false, failed: false });
          }
          return ended;
        },
      };
      return withAttachEnd(iterator, (hook) => {
        if (finished) return false;
        hooks.push(hook);
        return true;
      });
    },
  };
}
