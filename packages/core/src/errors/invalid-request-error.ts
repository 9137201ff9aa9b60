import { FFCError, type FFCErrorOptions, isErrorKind } from "./ffc-error";

/** The vendor rejected the request as malformed (400, 404, 422 ...); retrying will not help. */
export class InvalidRequestError extends FFCError {
  constructor(message: string, options: FFCErrorOptions = {}) {
    super(message, { retryable: false, ...options });
  }

  static override isInstance(error: unknown): error is InvalidRequestError {
    return isErrorKind(error, "InvalidRequestError");
  }
}
