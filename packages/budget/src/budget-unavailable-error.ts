import { FFCError, type FFCErrorOptions, isErrorKind } from "@ffc/core";

/**
 * The budget store (e.g. Redis) could not be reached, so the call was refused before any
 * request was sent: budgets fail closed by default. Retryable, because the store may return.
 */
export class BudgetUnavailableError extends FFCError {
  /** The budget scope the call would have spent. */
  readonly scope: string;

  constructor(message: string, scope: string, options: FFCErrorOptions = {}) {
    super(message, { retryable: true, ...options });
    this.scope = scope;
  }

  static override isInstance(error: unknown): error is BudgetUnavailableError {
    return isErrorKind(error, "BudgetUnavailableError");
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), scope: this.scope };
  }
}
