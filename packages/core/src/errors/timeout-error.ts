import { FFCError, type FFCErrorOptions, isErrorKind } from "./ffc-error";

/** An attempt or the whole call took longer than its time limit. */
export class TimeoutError extends FFCError {
  constructor(message: string, options: FFCErrorOptions = {}) {
    super(message, { retryable: true, ...options });
  }

  static override isInstance(error: unknown): error is TimeoutError {
    return isErrorKind(error, "TimeoutError");
  }
}
