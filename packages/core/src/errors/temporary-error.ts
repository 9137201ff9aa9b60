import { FFCError, type FFCErrorOptions, isErrorKind } from "./ffc-error";

/** A transient failure: 5xx, 529 overloaded, a network reset, an in-band stream error. */
export class TemporaryError extends FFCError {
  constructor(message: string, options: FFCErrorOptions = {}) {
    super(message, { retryable: true, ...options });
  }

  static override isInstance(error: unknown): error is TemporaryError {
    return isErrorKind(error, "TemporaryError");
  }
}
