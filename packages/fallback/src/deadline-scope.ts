import { neverAbortedSignal, TimeoutError } from "@ffc/core";

/** A signal that follows `parent` and also fires after `deadlineMs`; dispose it when done. */
export interface DeadlineScope {
  signal: AbortSignal;
  dispose(): void;
}

/** Wraps `parent` with a deadline for the whole fallback chain (no deadline: `parent` itself). */
export function deadlineScope(parent: AbortSignal, deadlineMs: number | undefined): DeadlineScope {
  if (deadlineMs === undefined) return { signal: parent, dispose: () => {} };
  const controller = new AbortController();
  const onParentAbort = () => controller.abort(parent.reason);
  const timer = setTimeout(
    () =>
      controller.abort(
        new TimeoutError(`The fallback chain took longer than its deadline of ${deadlineMs} ms.`),
      ),
    deadlineMs,
  );
  if (parent.aborted) controller.abort(parent.reason);
  else parent.addEventListener("abort", onParentAbort, { once: true });
  return {
    signal: controller.signal,
    dispose() {
      clearTimeout(timer);
      parent.removeEventListener("abort", onParentAbort);
    },
  };
}

/**
 * A fresh signal that follows `parent`, for one target. SDKs add an abort listener to the
 * signal of every request and never remove it, so handing them a long-lived signal (such as
 * the call's, which may be shared) would pile up listeners; this one is dropped after use.
 */
export function childScope(parent: AbortSignal): DeadlineScope {
  // Nothing can abort it, so there is nothing to follow (and no listener to pile up).
  if (parent === neverAbortedSignal) return { signal: parent, dispose: () => {} };
  const controller = new AbortController();
  const onParentAbort = () => controller.abort(parent.reason);
  if (parent.aborted) controller.abort(parent.reason);
  else parent.addEventListener("abort", onParentAbort, { once: true });
  return {
    signal: controller.signal,
    dispose: () => parent.removeEventListener("abort", onParentAbort),
  };
}
