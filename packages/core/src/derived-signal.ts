import { TimeoutError } from "./errors/timeout-error";
import { neverAbortedSignal } from "./never-aborted";

/** A signal derived from a parent: it follows the parent and may also fire after a time limit. */
export interface DerivedSignal {
  /** The signal to hand to the next layer or the SDK. */
  readonly signal: AbortSignal;
  /** True when the time limit (not the parent) fired it. */
  readonly timedOut: boolean;
  /** The time limit running now, in ms; absent: none. */
  readonly timeoutMs: number | undefined;
  /** Starts the time limit again, with a new limit when given (streams: the limit is on the wait between parts). */
  restart(timeoutMs?: number): void;
  /** Stops the clock until the next `restart` (streams: while the consumer holds a part). */
  pause(): void;
  /** Stops the timer and the parent listener; with `abort`, also aborts the signal (e.g. a stream its consumer left). */
  dispose(abort?: boolean): void;
}

/** Settings of `deriveSignal`. */
export interface DeriveSignalOptions {
  /** Fire after this many milliseconds (from creation and from each `restart`); absent: never. */
  timeoutMs?: number | undefined;
  /** The abort reason when the time limit fires. */
  timeoutReason?: (() => unknown) | undefined;
  /** Always a signal of its own, so `dispose(true)` can cancel a request nothing else could abort. */
  cancellable?: boolean | undefined;
}

const noop = () => {};

/**
 * The one way FFC derives a signal: for the call's deadline, each attempt, each fallback target
 * and each provider request. A fresh signal per layer matters because the SDKs add an abort
 * listener to every request's signal and never remove it: on a long-lived caller's signal those
 * listeners would pile up. Without a parent that can abort and without a time limit there is
 * nothing to follow, so the parent itself is returned and no listener is added.
 */
export function deriveSignal(
  parent: AbortSignal | undefined,
  options: DeriveSignalOptions = {},
): DerivedSignal {
  const { timeoutMs, timeoutReason, cancellable } = options;
  if (!cancellable && timeoutMs === undefined && (parent === undefined || parent === neverAbortedSignal)) {
    return {
      signal: parent ?? neverAbortedSignal,
      timedOut: false,
      timeoutMs: undefined,
      restart: noop,
      pause: noop,
      dispose: noop,
    };
  }
  const controller = new AbortController();
  const onParentAbort = () => controller.abort(parent?.reason);
  // The shared never-aborted signal needs no listener: one per attempt in flight would pile up
  // on that one EventTarget (a MaxListenersExceededWarning at 1,000 concurrent calls).
  const follows = parent !== undefined && parent !== neverAbortedSignal;
  if (parent?.aborted) controller.abort(parent.reason);
  else if (follows) parent?.addEventListener("abort", onParentAbort, { once: true });
  // The clock is lazy: a stream restarts it once per part, and a clearTimeout + setTimeout per
  // part is most of a part's cost. One timer stays armed; `restart` only notes the time, and the
  // timer, when it fires, looks at how long it has really been and aborts or waits for the rest.
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timerDue = 0;
  let startedAt = 0;
  let paused = false;
  let disposed = false;
  const arm = (delayMs: number) => {
    timerDue = performance.now() + delayMs;
    timer = setTimeout(onTimer, delayMs);
  };
  const onTimer = () => {
    timer = undefined;
    const limit = derived.timeoutMs;
    if (disposed || limit === undefined || controller.signal.aborted) return;
    // While the consumer holds a part the clock stands still; the next `restart` arms it again
    // (no timer meanwhile, so a held stream does not keep the process alive by itself).
    if (paused) return;
    const left = startedAt + limit - performance.now();
    if (left > 0) return arm(Math.max(1, Math.ceil(left)));
    derived.timedOut = true;
    controller.abort(timeoutReason ? timeoutReason() : new TimeoutError(`Timed out after ${limit} ms.`));
  };
  const derived = {
    signal: controller.signal,
    timedOut: false,
    timeoutMs,
    restart(nextTimeoutMs?: number) {
      if (nextTimeoutMs !== undefined) derived.timeoutMs = nextTimeoutMs;
      const limit = derived.timeoutMs;
      paused = false;
      if (limit === undefined || disposed) return;
      startedAt = performance.now();
      if (timer === undefined) arm(limit);
      else if (timerDue > startedAt + limit) {
        // A shorter limit than the armed timer's (the first part's limit, then the stall limit).
        clearTimeout(timer);
        arm(limit);
      }
    },
    pause() {
      paused = true;
    },
    dispose(abort = false) {
      disposed = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      if (follows) parent?.removeEventListener("abort", onParentAbort);
      if (abort && !controller.signal.aborted)
        controller.abort(new Error("The consumer closed the stream early."));
    },
  };
  derived.restart();
  return derived;
}

/**
 * The TimeoutError of a deadline that covers a whole call or chain. Not retryable: the deadline
 * covers every retry and fallback, so nothing may follow it. Core and the fallback policy use this one.
 */
export function deadlineError(scope: string, deadlineMs: number): TimeoutError {
  return new TimeoutError(`${scope} took longer than its deadline of ${deadlineMs} ms.`, {
    retryable: false,
  });
}
