import { FFCError } from "./errors/ffc-error";
import { type PartialObject, partialObjects } from "./partial-object";
import type { GenerateResult } from "./result";
import type { StreamPart } from "./stream-part";
import { textDeltas } from "./text-deltas";

/**
 * The answer of `LLMManager.stream`: iterate it for typed parts, `.text` for text deltas or
 * `.partialObjects` for a JSON answer as it grows, and await `.result` for the final result.
 * It can be iterated once; awaiting `.result` without iterating drains the stream.
 */
export class StreamResponse<Result extends GenerateResult<any> = GenerateResult>
  implements AsyncIterable<StreamPart>
{
  readonly #source: () => AsyncIterable<StreamPart>;
  readonly #settled: Promise<Result>;
  #resolve!: (result: Result) => void;
  #reject!: (error: unknown) => void;
  #started = false;

  /** `source` must call `finish(result)` or `fail(error)` once it ends. */
  constructor(
    source: (finish: (result: Result) => void, fail: (error: unknown) => void) => AsyncIterable<StreamPart>,
  ) {
    this.#settled = new Promise<Result>((resolve, reject) => {
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
    return textDeltas(this);
  }

  /**
   * For a JSON answer (`responseFormat: { type: "json" }`): the object so far, each time it
   * grows. Partial objects are not validated; `result.object` is, once the stream ends.
   */
  get partialObjects(): AsyncIterable<PartialObject<NonNullable<Result["object"]>>> {
    return partialObjects(this) as AsyncIterable<PartialObject<NonNullable<Result["object"]>>>;
  }

  /** The final result, once the stream has ended. */
  get result(): Promise<Result> {
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
    } as Promise<Result>;
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
