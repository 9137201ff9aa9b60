import type { StepResult } from "../result";
import type { Usage } from "../usage";
import { FFCError, type FFCErrorOptions, isErrorKind } from "./ffc-error";

/** The figures behind a budget refusal. */
export interface BudgetExceededDetails {
  /** What the budget measures: "tokens" or "usd". */
  unit: "tokens" | "usd";
  /** The configured limit for the period. */
  limit: number;
  /** Already spent in the period. */
  spent: number;
  /** Held by calls in flight. */
  reserved: number;
  /** What this call asked to reserve. */
  requested: number;
  /** The budget scope, e.g. "global" or "user:42". */
  scope: string;
}

/** A call was refused before any request was sent because it could overspend a budget. */
export class BudgetExceededError extends FFCError {
  readonly details: BudgetExceededDetails;
  /** When the budget refused a later step of a tool loop: the steps done before the refusal. */
  steps?: StepResult[];
  /** When the budget refused a later step of a tool loop: the usage of the steps done. */
  usage?: Usage;

  constructor(message: string, details: BudgetExceededDetails, options: FFCErrorOptions = {}) {
    super(message, { retryable: false, ...options });
    this.details = details;
  }

  static override isInstance(error: unknown): error is BudgetExceededError {
    return isErrorKind(error, "BudgetExceededError");
  }

  override toJSON(): Record<string, unknown> {
    const json: Record<string, unknown> = { ...super.toJSON(), details: this.details };
    // Step count and usage only: tool inputs and outputs are the app's data, not log material.
    if (this.steps) json.steps = this.steps.length;
    if (this.usage) json.usage = this.usage;
    return json;
  }
}
