import type { FinishPart } from "@ffc/core/provider";

/** A vendor stream once its request was answered: what the part mappers read and how they end. */
export interface OpenedStream {
  /** The SDK's chunks (Chat Completions) or events (Responses). */
  events: AsyncIterable<any>;
  /** Puts the response's rate-limit headers and the model's warnings on the finish part. */
  finish(part: FinishPart): FinishPart;
}
