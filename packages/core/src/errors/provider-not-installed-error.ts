import { FFCError, type FFCErrorOptions, isErrorKind } from "./ffc-error";

/** A provider id was used whose package is not installed; the message names the package. */
export class ProviderNotInstalledError extends FFCError {
  constructor(message: string, options: FFCErrorOptions = {}) {
    super(message, { retryable: false, ...options });
  }

  static override isInstance(error: unknown): error is ProviderNotInstalledError {
    return isErrorKind(error, "ProviderNotInstalledError");
  }
}
