import { TimeoutError } from "@ffc/core";

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
