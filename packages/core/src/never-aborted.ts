/**
 * The signal of a call that has neither a caller's signal nor a deadline. Attempts compare
 * against it to skip creating per-attempt signals when nothing can abort them.
 */
export const neverAbortedSignal: AbortSignal = new AbortController().signal;
