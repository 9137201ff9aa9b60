import { FFCError, type FFCErrorOptions, isErrorKind } from "./ffc-error";

/** The vendor rejected the API key (401/403, or Gemini's API_KEY_INVALID). */
export class AuthenticationError extends FFCError {
  constructor(message: string, options: FFCErrorOptions = {}) {
    super(message, { retryable: false, ...options });
  }

  static override isInstance(error: unknown): error is AuthenticationError {
    return isErrorKind(error, "AuthenticationError");
  }
}
