import { FFCError, type FFCErrorOptions, isErrorKind } from "./ffc-error";

/** One invalid option: where it is and what is wrong with it. */
export interface OptionProblem {
  /** Path of the option, e.g. "failMode" or "models.gpt-4o.contextWindow"; "" for the options object itself. */
  readonly field: string;
  /** What is wrong and what to pass instead. */
  readonly message: string;
}

/** Options of a ConfigError beyond those of every FFC error. */
export interface ConfigErrorOptions extends FFCErrorOptions {
  /** Every invalid option found (the first one also becomes `field`). */
  problems?: readonly OptionProblem[];
}

/** A configuration value is invalid; thrown at construction, naming the field. */
export class ConfigError extends FFCError {
  /** Path of the first invalid option, e.g. "failMode"; undefined when no single option is at fault. */
  readonly field?: string;
  /** Every invalid option found, in the order they were checked. */
  readonly problems: readonly OptionProblem[];

  constructor(message: string, options: ConfigErrorOptions = {}) {
    const { problems, ...rest } = options;
    super(message, { retryable: false, ...rest });
    this.problems = problems ?? [];
    const first = this.problems[0];
    if (first !== undefined && first.field !== "") this.field = first.field;
  }

  static override isInstance(error: unknown): error is ConfigError {
    return isErrorKind(error, "ConfigError");
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), field: this.field, problems: this.problems };
  }
}
