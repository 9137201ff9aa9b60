import {
  defaultUsage,
  nextId,
  type OpenAIScriptedAnswer,
  type OpenAIScriptedToolCall,
  openaiResponsesUsage,
  responseEnvelope,
  splitInto,
} from "./openai-replies";
import type { SseEvent } from "./reply";

/** A whole Responses API `response` body. */
export function openaiResponse(answer: OpenAIScriptedAnswer): Record<string, unknown> {
  const output: Record<string, unknown>[] = [];
  if (answer.text !== undefined) output.push(responseMessage(answer.text));
  for (const call of answer.toolCalls ?? [])
    output.push(responseFunctionCall(call, JSON.stringify(call.input)));
  return responseEnvelope(answer, "completed", output, openaiResponsesUsage(answer.usage ?? defaultUsage));
}

/**
 * Responses API stream events as the API sends them: `event: <type>` lines, a
 * `sequence_number` on every event, usage only in `response.completed`, no `[DONE]`.
 */
export function openaiResponseEvents(
  answer: OpenAIScriptedAnswer & { chunks?: string[]; argumentChunks?: number },
): SseEvent[] {
  const id = answer.id ?? nextId("resp");
  const events: Record<string, unknown>[] = [];
  const inProgress = responseEnvelope({ ...answer, id }, "in_progress", [], null);
  events.push(
    { type: "response.created", response: inProgress },
    { type: "response.in_progress", response: inProgress },
  );
  const output: Record<string, unknown>[] = [];
  const pieces = answer.chunks ?? (answer.text !== undefined ? [answer.text] : []);
  if (pieces.length > 0) {
    const item = responseMessage("");
    const output_index = output.length;
    const text = pieces.join("");
    events.push({
      type: "response.output_item.added",
      output_index,
      item: { ...item, status: "in_progress", content: [] },
    });
    events.push({
      type: "response.content_part.added",
      output_index,
      item_id: item.id,
      content_index: 0,
      part: textPart(""),
    });
    for (const delta of pieces) {
      events.push({
        type: "response.output_text.delta",
        output_index,
        item_id: item.id,
        content_index: 0,
        delta,
        logprobs: [],
      });
    }
    events.push({
      type: "response.output_text.done",
      output_index,
      item_id: item.id,
      content_index: 0,
      text,
      logprobs: [],
    });
    events.push({
      type: "response.content_part.done",
      output_index,
      item_id: item.id,
      content_index: 0,
      part: textPart(text),
    });
    const done = { ...item, content: [textPart(text)] };
    events.push({ type: "response.output_item.done", output_index, item: done });
    output.push(done);
  }
  for (const call of answer.toolCalls ?? []) {
    const argumentsText = JSON.stringify(call.input);
    const item = responseFunctionCall(call, argumentsText);
    const output_index = output.length;
    events.push({
      type: "response.output_item.added",
      output_index,
      item: { ...item, status: "in_progress", arguments: "" },
    });
    for (const delta of splitInto(argumentsText, answer.argumentChunks ?? 3)) {
      events.push({ type: "response.function_call_arguments.delta", output_index, item_id: item.id, delta });
    }
    events.push({
      type: "response.function_call_arguments.done",
      output_index,
      item_id: item.id,
      arguments: argumentsText,
    });
    events.push({ type: "response.output_item.done", output_index, item });
    output.push(item);
  }
  const usage = openaiResponsesUsage(answer.usage ?? defaultUsage);
  events.push({
    type: "response.completed",
    response: responseEnvelope({ ...answer, id }, "completed", output, usage),
  });
  return numbered(events);
}

/** Gives Responses events their `sequence_number` and `event:` line. */
export function numbered(events: Record<string, unknown>[]): SseEvent[] {
  return events.map((event, index) => ({
    event: String(event.type),
    data: JSON.stringify({ ...event, sequence_number: index }),
  }));
}

function responseMessage(text: string) {
  return {
    id: nextId("msg"),
    type: "message",
    status: "completed",
    role: "assistant",
    content: [textPart(text)],
  };
}

function textPart(text: string) {
  return { type: "output_text", annotations: [], logprobs: [], text };
}

function responseFunctionCall(call: OpenAIScriptedToolCall, argumentsText: string) {
  return {
    id: nextId("fc"),
    type: "function_call",
    status: "completed",
    arguments: argumentsText,
    call_id: call.toolCallId,
    name: call.toolName,
  };
}
