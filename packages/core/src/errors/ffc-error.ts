const baseMarker = Symbol.for("ffc.error");

/** Fields every FFC error may carry; each is optional because not every failure knows them. */
export interface FFCErrorOptions {
  /** The underlying error, kept for debugging. */
  cause?: unknown;
  /** Whether trying the same request again may succeed. */
  retryable?: boolean;
  /** Provider id the failure came from, e.g. "openai". */
  provider?: string;
  /** Model the failing request asked for. */
  model?: string;
  /** HTTP status the vendor answered with, where there was one. */
  status?: number;
  /** How long the vendor asked us to wait before trying again, in milliseconds. */
  retryAfterMs?: number;
  /** The vendor's request id, to quote in a support ticket. */
  requestId?: string;
}

/**
 * Base class of every error FFC throws. Checks use `isInstance` rather than `instanceof`
 * because two installed copies of @ffc/core (a common result of nested installs) would
 * otherwise not recognise each other's errors.
 */
export class FFCError extends Error {
  /** Marks every FFC error across installed copies (non-enumerable: util.inspect stays clean). */
  declare readonly [baseMarker]: true;
  readonly retryable: boolean;
  readonly provider?: string;
  readonly model?: string;
  readonly status?: number;
  readonly retryAfterMs?: number;
  readonly requestId?: string;

  constructor(message: string, options: FFCErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.retryable = options.retryable ?? false;
    if (options.provider !== undefined) this.provider = options.provider;
    if (options.model !== undefined) this.model = options.model;
    if (options.status !== undefined) this.status = options.status;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
    if (options.requestId !== undefined) this.requestId = options.requestId;
    markKind(this, new.target);
  }

  /** True for any error thrown by any installed copy of FFC. */
  static isInstance(error: unknown): error is FFCError {
    return typeof error === "object" && error !== null && (error as any)[baseMarker] === true;
  }

  /** A plain object for logs; it never holds request headers, so it never holds a key. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      retryable: this.retryable,
      provider: this.provider,
      model: this.model,
      status: this.status,
      retryAfterMs: this.retryAfterMs,
      requestId: this.requestId,
    };
  }
}

/** Marks an error with its class name and every FFC ancestor's, as `Symbol.for` keys. */
function markKind(error: FFCError, errorClass: Function): void {
  Object.defineProperty(error, baseMarker, { value: true });
  let current: any = errorClass;
  while (current && current !== Error) {
    // Non-enumerable, so util.inspect(error) and logs do not list internal flags.
    Object.defineProperty(error, Symbol.for(`ffc.error.${current.name}`), { value: true });
    if (current === FFCError) break;
    current = Object.getPrototypeOf(current);
  }
}

/** True when `error` was built by the FFC error class called `className`, from any installed copy. */
export function isErrorKind(error: unknown, className: string): boolean {
  return (
    typeof error === "object" &&
    error !== null &&
    (error as any)[Symbol.for(`ffc.error.${className}`)] === true
  );
}
