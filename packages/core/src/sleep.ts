import { abortErrorFor } from "./attempt";
import { neverAbortedSignal } from "./never-aborted";

/**
 * Waits `ms` milliseconds; an abort ends the wait at once with the signal's error
 * (AbortError, or the TimeoutError of a deadline).
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortErrorFor(signal));
  // Nothing can abort it: a listener there would only pile up across concurrent waits.
  if (signal === neverAbortedSignal) return new Promise((resolve) => setTimeout(resolve, ms));
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortErrorFor(signal!));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
