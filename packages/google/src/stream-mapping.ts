import { type StreamPart, TemporaryError, type Usage } from "@ffc/core";
import { mapFinishReason } from "./finish-reason";
import { type ResponseContext, throwIfNotResponse, throwIfPromptBlocked } from "./response-mapping";
import { ToolCallAssembler } from "./tool-call-assembler";
import { generatedToolCallId } from "./tool-call-id";
import { hasTokenCounts, mapUsage } from "./usage";
import type { GeminiErrorBody, GeminiResponse } from "./wire-types";

/** Turns an in-band error chunk into the FFC error to throw. */
export type InBandErrorMapper = (error: GeminiErrorBody) => Error;

/**
 * Maps Gemini stream chunks to FFC stream parts. Usage is cumulative on every chunk, so the
 * last counted one is the answer. The stream must carry a finish reason: one that ends without
 * it was cut short, and fails with a retryable TemporaryError rather than a silently short result.
 */
export async function* mapStream(
  chunks: AsyncIterable<GeminiResponse>,
  context: ResponseContext,
  mapInBandError: InBandErrorMapper,
): AsyncIterable<StreamPart> {
  let usage: Usage | undefined;
  let usageKey = "";
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

  for await (const chunk of chunks) {
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
      const key = JSON.stringify(next);
      if (key !== usageKey) {
        usage = next;
        usageKey = key;
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
  const finish: Extract<StreamPart, { type: "finish" }> = {
    type: "finish",
    finishReason: mapFinishReason(rawFinishReason, toolCallCount > 0),
    rawFinishReason,
    usage: usage ?? mapUsage(undefined),
    model: model ?? context.model,
  };
  if (responseId) finish.responseId = responseId;
  yield finish;
}
