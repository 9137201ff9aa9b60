import { FFCError, type FFCErrorOptions, isErrorKind } from "./ffc-error";

/** A circuit breaker is open for this target, so it was skipped without a request. */
export class CircuitOpenError extends FFCError {
  constructor(message: string, options: FFCErrorOptions = {}) {
    super(message, { retryable: true, ...options });
  }

  static override isInstance(error: unknown): error is CircuitOpenError {
    return isErrorKind(error, "CircuitOpenError");
  }
}
