import { FFCError, type FFCErrorOptions, isErrorKind } from "./ffc-error";

/** The prompt does not fit the model's context window. */
export class ContextLengthError extends FFCError {
  constructor(message: string, options: FFCErrorOptions = {}) {
    super(message, { retryable: false, ...options });
  }

  static override isInstance(error: unknown): error is ContextLengthError {
    return isErrorKind(error, "ContextLengthError");
  }
}
