import { type CallContext, StreamInterruptedError, type StreamNext, type StreamPart } from "@ffc/core";
import { peekStream } from "@ffc/core/plugin";
import type { Admission, BreakerOutcome } from "./breaker-transitions";
import type { FallbackRun } from "./fallback-run";

const ended: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

/**
 * The stream of a fallback chain: the first target whose stream starts, then its parts handed
 * through with one `then` each (an `async *` layer with `yield*` costs a generator promise and
 * several microtask hops per part). Before the first part any target may take over; after it,
 * only with `restartStream`. A consumer that stops early closes the target's stream.
 */
export function fallbackStream(
  call: CallContext,
  next: StreamNext,
  startRun: (call: CallContext) => FallbackRun,
  restartStream: boolean,
): AsyncIterable<StreamPart> {
  return {
    [Symbol.asyncIterator](): AsyncIterator<StreamPart> {
      let run: FallbackRun | undefined;
      let index = 0;
      let admission: Admission | undefined;
      let target: { call: CallContext; dispose(): void } | undefined;
      let source: AsyncIterator<StreamPart> | undefined;
      let started = false;
      let finished = false;

      // The target's stream is over: release it and count the outcome for its breaker.
      const settleTarget = async (outcome: BreakerOutcome) => {
        const current = target!;
        source = undefined;
        target = undefined;
        current.dispose();
        await run!.settle(index, admission!, outcome);
      };
      const finish = () => {
        finished = true;
        run?.dispose();
      };
      const onStep = (
        step: IteratorResult<StreamPart>,
      ): IteratorResult<StreamPart> | Promise<IteratorResult<StreamPart>> => {
        if (!step.done) return step;
        return settleTarget("success").then((): IteratorResult<StreamPart> => {
          finish();
          return ended;
        }, failAll);
      };
      const failAll = (error: unknown): never => {
        finish();
        throw error;
      };
      const onError = async (failure: unknown): Promise<IteratorResult<StreamPart>> => {
        try {
          await settleTarget(run!.outcomeOf(failure));
          // After the first part, only an opted-in restart moves on, judged by what broke the stream.
          if (started && !restartStream) throw failure;
          const decisive =
            started && StreamInterruptedError.isInstance(failure) ? (failure.cause ?? failure) : failure;
          index = await run!.next(index, failure, decisive);
        } catch (error) {
          failAll(error);
        }
        return open();
      };
      // Finds the next target that admits the call and starts its stream; resolves to its first step.
      const open = async (): Promise<IteratorResult<StreamPart>> => {
        try {
          while (true) {
            const admitted = await run!.admit(index);
            if (typeof admitted !== "string") {
              index = await run!.next(index, admitted);
              continue;
            }
            admission = admitted;
            break;
          }
        } catch (error) {
          failAll(error);
        }
        target = run!.callFor(index);
        started = false;
        let peeked: Awaited<ReturnType<typeof peekStream>>;
        try {
          peeked = await peekStream(next(target.call));
        } catch (error) {
          return onError(error);
        }
        started = peeked.first !== undefined;
        source = peeked.stream[Symbol.asyncIterator]();
        return source.next().then(onStep, onError);
      };
      return {
        next() {
          if (finished) return Promise.resolve(ended);
          if (source !== undefined) return source.next().then(onStep, onError);
          run ??= startRun(call);
          return open();
        },
        async return() {
          if (finished) return ended;
          finished = true;
          try {
            if (source !== undefined) await source.return?.();
          } finally {
            // Neutral: a consumer that stops early says nothing about the target.
            try {
              if (target !== undefined) await settleTarget("neutral");
            } finally {
              run?.dispose();
            }
          }
          return ended;
        },
      };
    },
  };
}
