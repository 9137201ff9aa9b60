import { FFCError, type FFCErrorOptions, isErrorKind } from "./ffc-error";

/** The vendor refused the request or the output on safety grounds. */
export class ContentFilterError extends FFCError {
  constructor(message: string, options: FFCErrorOptions = {}) {
    super(message, { retryable: false, ...options });
  }

  static override isInstance(error: unknown): error is ContentFilterError {
    return isErrorKind(error, "ContentFilterError");
  }
}
