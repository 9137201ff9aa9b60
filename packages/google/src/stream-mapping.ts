import { type StreamPart, TemporaryError, type Usage } from "@ffc/core";
import type { FinishPart } from "@ffc/core/provider";
import { mapFinishReason } from "./finish-reason";
import { type ResponseContext, throwIfNotResponse, throwIfPromptBlocked } from "./response-mapping";
import { ToolCallAssembler } from "./tool-call-assembler";
import { generatedToolCallId } from "./tool-call-id";
import { hasTokenCounts, mapUsage, sameUsage } from "./usage";
import type { GeminiErrorBody, GeminiResponse } from "./wire-types";

/** Turns an in-band error chunk into the FFC error to throw. */
export type InBandErrorMapper = (error: GeminiErrorBody) => Error;

/** A Gemini stream once its request was answered. */
export interface OpenedChunks {
  /** The response chunks. */
  events: AsyncIterable<GeminiResponse>;
  /** Puts the model's warnings on the finish part. */
  finish(part: FinishPart): FinishPart;
}

/** How the one generator of a stream ends: the error to throw for a failure, and the clean-up. */
export interface StreamSettlement {
  /** The FFC error for a failure of the request or the stream. */
  fail(error: unknown): unknown;
  /** Runs last; `finished` is false when the consumer stopped early. */
  end(finished: boolean): void;
}

/**
 * Maps Gemini stream chunks to FFC stream parts, in the one generator of a stream (it also opens
 * the request and settles it: each `async *` layer costs microtask hops per part). Usage is cumulative on every chunk, so the
 * last counted one is the answer. The stream must carry a finish reason: one that ends without
 * it was cut short, and fails with a retryable TemporaryError rather than a silently short result.
 */
export async function* mapStream(
  open: () => Promise<OpenedChunks>,
  context: ResponseContext,
  mapInBandError: InBandErrorMapper,
  settle: StreamSettlement,
): AsyncIterable<StreamPart> {
  let finished = false;
  try {
    const opened = await open();
    let usage: Usage | undefined;
    let rawFinishReason: string | undefined;
    let model: string | undefined;
    let responseId: string | undefined;
    let toolCallCount = 0;
    let pending: ToolCallAssembler | undefined;
    const closePending = function* (): Iterable<StreamPart> {
      if (!pending) return;
      const { delta, toolCall } = pending.finish();
      pending = undefined;
      if (delta) yield delta;
      yield { type: "tool-call", toolCall };
    };

    for await (const chunk of opened.events) {
      throwIfNotResponse(chunk, context);
      if (chunk.error) throw mapInBandError(chunk.error);
      throwIfPromptBlocked(chunk, context);
      model = chunk.modelVersion ?? model;
      responseId = chunk.responseId ?? responseId;
      const candidate = chunk.candidates?.[0];
      for (const part of candidate?.content?.parts ?? []) {
        if (part.thought) {
          const delta: StreamPart = { type: "reasoning-delta", text: part.text ?? "" };
          if (part.thoughtSignature) delta.signature = part.thoughtSignature;
          yield delta;
          continue;
        }
        if (part.thoughtSignature)
          yield { type: "reasoning-delta", text: "", signature: part.thoughtSignature };
        const call = part.functionCall;
        if (call) {
          const empty = !call.name && !call.args && !call.partialArgs;
          if (call.name) {
            yield* closePending();
            const id = call.id ?? generatedToolCallId(responseId, toolCallCount, call.name);
            toolCallCount += 1;
            if (call.willContinue) {
              pending = new ToolCallAssembler(id, call.name);
            } else {
              const whole = ToolCallAssembler.whole(id, call);
              yield whole.delta;
              yield { type: "tool-call", toolCall: whole.toolCall };
            }
          }
          if (call.partialArgs && pending) {
            const delta = pending.add(call.partialArgs);
            if (delta) yield delta;
          }
          if (empty || (call.willContinue === false && pending)) yield* closePending();
        } else if (part.text) {
          yield { type: "text-delta", text: part.text };
        }
      }
      if (hasTokenCounts(chunk.usageMetadata)) {
        const next = mapUsage(chunk.usageMetadata);
        if (usage === undefined || !sameUsage(usage, next)) {
          usage = next;
          yield { type: "usage", usage: next };
        }
      }
      if (candidate?.finishReason) rawFinishReason = candidate.finishReason;
    }

    if (rawFinishReason === undefined) {
      throw new TemporaryError(
        `The Gemini stream for ${context.model} ended without a finish reason; the connection was probably cut. Retrying may help.`,
        context,
      );
    }
    yield* closePending();
    const finish: FinishPart = {
      type: "finish",
      finishReason: mapFinishReason(rawFinishReason, toolCallCount > 0),
      rawFinishReason,
      usage: usage ?? mapUsage(undefined),
      model: model ?? context.model,
    };
    if (responseId) finish.responseId = responseId;
    yield opened.finish(finish);
    finished = true;
  } catch (error) {
    finished = true;
    throw settle.fail(error);
  } finally {
    settle.end(finished);
  }
}
