import { FFCError, type FFCErrorOptions, isErrorKind } from "./ffc-error";

/** The caller aborted the call through its AbortSignal; never retried. */
export class AbortError extends FFCError {
  constructor(message: string, options: FFCErrorOptions = {}) {
    super(message, { retryable: false, ...options });
  }

  static override isInstance(error: unknown): error is AbortError {
    return isErrorKind(error, "AbortError");
  }
}
