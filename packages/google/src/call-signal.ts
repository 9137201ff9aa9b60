/** The signal of one provider call: the caller's signal plus the provider's own time limit. */
export interface CallSignal {
  signal: AbortSignal;
  /** True when the time limit (not the caller) ended the call. */
  timedOut(): boolean;
  /** Stops the timer; `abort` also cancels the request (e.g. a stream its consumer left). */
  dispose(abort?: boolean): void;
}

/** Combines the caller's signal with `timeoutMs`. */
export function callSignal(parent: AbortSignal | undefined, timeoutMs: number | undefined): CallSignal {
  const controller = new AbortController();
  let timedOut = false;
  const onAbort = () => controller.abort(parent?.reason);
  if (parent?.aborted) controller.abort(parent.reason);
  else parent?.addEventListener("abort", onAbort, { once: true });
  const timer =
    timeoutMs === undefined
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          controller.abort(new Error(`timeoutMs (${timeoutMs} ms) passed`));
        }, timeoutMs);
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    dispose(abort = false) {
      if (timer !== undefined) clearTimeout(timer);
      parent?.removeEventListener("abort", onAbort);
      if (abort && !controller.signal.aborted) controller.abort(new Error("the stream was closed early"));
    },
  };
}
