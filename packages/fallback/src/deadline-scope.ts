import { type DerivedSignal, deadlineError, deriveSignal } from "@ffc/core/plugin";

/** A signal for the whole fallback chain: it follows the call's and fires after `deadlineMs`. */
export function deadlineScope(parent: AbortSignal, deadlineMs: number | undefined): DerivedSignal {
  return deriveSignal(parent, {
    timeoutMs: deadlineMs,
    timeoutReason: () => deadlineError("The fallback chain", deadlineMs!),
  });
}
