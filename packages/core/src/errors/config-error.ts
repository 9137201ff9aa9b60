import { FFCError, type FFCErrorOptions, isErrorKind } from "./ffc-error";

/** A configuration value is invalid; thrown at construction, naming the field. */
export class ConfigError extends FFCError {
  constructor(message: string, options: FFCErrorOptions = {}) {
    super(message, { retryable: false, ...options });
  }

  static override isInstance(error: unknown): error is ConfigError {
    return isErrorKind(error, "ConfigError");
  }
}
