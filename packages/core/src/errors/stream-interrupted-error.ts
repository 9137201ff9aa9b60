import type { StreamPart } from "../stream-part";
import { FFCError, type FFCErrorOptions, isErrorKind } from "./ffc-error";

/**
 * A stream failed after parts had already reached the caller. Retrying silently would
 * duplicate text the caller has shown, so the partial output is handed back instead.
 */
export class StreamInterruptedError extends FFCError {
  /** Every part delivered before the failure. */
  readonly parts: readonly StreamPart[];
  /** The text delivered before the failure. */
  readonly partialText: string;

  constructor(message: string, parts: readonly StreamPart[], options: FFCErrorOptions = {}) {
    super(message, { retryable: false, ...options });
    this.parts = parts;
    this.partialText = parts.map((part) => (part.type === "text-delta" ? part.text : "")).join("");
  }

  static override isInstance(error: unknown): error is StreamInterruptedError {
    return isErrorKind(error, "StreamInterruptedError");
  }
}
