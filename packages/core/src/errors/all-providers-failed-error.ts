import type { AttemptRecord } from "../result";
import { FFCError, type FFCErrorOptions, isErrorKind } from "./ffc-error";

/** Every fallback target failed; `attempts` holds each one with its error and duration. */
export class AllProvidersFailedError extends FFCError {
  readonly attempts: readonly AttemptRecord[];

  constructor(message: string, attempts: readonly AttemptRecord[], options: FFCErrorOptions = {}) {
    super(message, { retryable: false, ...options });
    this.attempts = attempts;
  }

  static override isInstance(error: unknown): error is AllProvidersFailedError {
    return isErrorKind(error, "AllProvidersFailedError");
  }
}
