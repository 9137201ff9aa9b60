import { FFCError } from "./errors/ffc-error";
import type { GenerateResult } from "./result";
import type { StreamPart } from "./stream-part";

/**
 * The answer of `LLMManager.stream`: iterate it for typed parts, or `.text` for text deltas,
 * and await `.result` for the final result. It can be iterated once; awaiting `.result`
 * without iterating drains the stream.
 */
export class StreamResponse implements AsyncIterable<StreamPart> {
  readonly #source: () => AsyncIterable<StreamPart>;
  readonly #settled: Promise<GenerateResult>;
  #resolve!: (result: GenerateResult) => void;
  #reject!: (error: unknown) => void;
  #started = false;

  /** `source` must call `finish(result)` or `fail(error)` once it ends. */
  constructor(
    source: (
      finish: (result: GenerateResult) => void,
      fail: (error: unknown) => void,
    ) => AsyncIterable<StreamPart>,
  ) {
    this.#settled = new Promise<GenerateResult>((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
    // A stream whose result nobody awaits must not crash the process with an unhandled rejection.
    this.#settled.catch(() => {});
    this.#source = () => source(this.#resolve, this.#reject);
  }

  [Symbol.asyncIterator](): AsyncIterator<StreamPart> {
    if (this.#started) {
      throw new FFCError("This stream was already consumed; call llm.stream() again for another one.");
    }
    this.#started = true;
    return this.#source()[Symbol.asyncIterator]();
  }

  /** Only the text, delta by delta. */
  get text(): AsyncIterable<string> {
    const parts = this;
    return {
      async *[Symbol.asyncIterator]() {
        for await (const part of parts) if (part.type === "text-delta") yield part.text;
      },
    };
  }

  /** The final result, once the stream has ended. */
  get result(): Promise<GenerateResult> {
    const settled = this.#settled;
    const self = this;
    return {
      // biome-ignore lint/suspicious/noThenProperty: a lazy thenable; awaiting it drains an unread stream.
      then(onFulfilled, onRejected) {
        // Let a consumer that starts iterating in the same tick go first.
        queueMicrotask(() => {
          if (!self.#started) void self.#drain();
        });
        return settled.then(onFulfilled, onRejected);
      },
      catch(onRejected) {
        return this.then(undefined, onRejected);
      },
      finally(onFinally) {
        return this.then(
          (value) => {
            onFinally?.();
            return value;
          },
          (error) => {
            onFinally?.();
            throw error;
          },
        );
      },
      [Symbol.toStringTag]: "Promise",
    } as Promise<GenerateResult>;
  }

  async #drain(): Promise<void> {
    try {
      for await (const _part of this) {
        // Drained only for the result.
      }
    } catch {
      // The error reaches the caller through `result`.
    }
  }
}
