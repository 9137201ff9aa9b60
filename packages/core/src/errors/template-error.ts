import { FFCError, type FFCErrorOptions, isErrorKind } from "./ffc-error";

/** A template is malformed or its variables are missing, unknown or invalid. */
export class TemplateError extends FFCError {
  constructor(message: string, options: FFCErrorOptions = {}) {
    super(message, { retryable: false, ...options });
  }

  static override isInstance(error: unknown): error is TemplateError {
    return isErrorKind(error, "TemplateError");
  }
}
