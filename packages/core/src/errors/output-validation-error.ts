import { FFCError, type FFCErrorOptions, isErrorKind } from "./ffc-error";

/** One way an answer failed its schema: what is wrong, and where (a path of keys and indexes). */
export interface OutputIssue {
  readonly message: string;
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }>;
}

/**
 * The model's answer did not match the call's schema (or was not JSON at all), and no repair
 * attempt was left. `issues` are the schema's complaints; `text` is the raw answer, kept whole.
 */
export class OutputValidationError extends FFCError {
  /** The schema's issues with the answer, as its validator reported them. */
  readonly issues: readonly OutputIssue[];
  /** The raw text the model answered with. */
  readonly text: string;

  constructor(message: string, issues: readonly OutputIssue[], text: string, options: FFCErrorOptions = {}) {
    super(message, { retryable: false, ...options });
    this.issues = issues;
    this.text = text;
  }

  static override isInstance(error: unknown): error is OutputValidationError {
    return isErrorKind(error, "OutputValidationError");
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), issues: this.issues, text: this.text };
  }
}
