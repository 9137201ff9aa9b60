import { parseSentOutput, type WireAdapter } from "../conformance/wire-adapter";
import { openaiChatInBandError, openaiErrorReply, openaiResponsesInBandError } from "./openai-error-replies";
import { openaiChatChunks, openaiChatCompletion } from "./openai-replies";
import { openaiResponse, openaiResponseEvents } from "./openai-responses-replies";

/** Speaks OpenAI Chat Completions (`POST /v1/chat/completions`) for the conformance suite. */
export const openaiWireAdapter: WireAdapter = {
  name: "OpenAI Chat Completions",
  text: ({ text, usage, model }) => ({ kind: "json", body: openaiChatCompletion({ text, usage, model }) }),
  textStream: ({ chunks, usage, model }) => ({
    kind: "sse",
    events: openaiChatChunks({ chunks, usage, model }),
  }),
  toolCall: ({ toolCallId, toolName, input, usage, model }) => ({
    kind: "json",
    body: openaiChatCompletion({ toolCalls: [{ toolCallId, toolName, input }], usage, model }),
  }),
  toolCallStream: ({ toolCallId, toolName, input, usage, model }) => ({
    kind: "sse",
    events: openaiChatChunks({ toolCalls: [{ toolCallId, toolName, input }], usage, model }),
  }),
  error: (kind, options = {}) => openaiErrorReply(kind, options),
  inBandError: ({ model }) => openaiChatInBandError(model),
  readPrompt: (body) => readChatPrompt(body),
  readToolResults: (body) =>
    ((body?.messages ?? []) as any[])
      .filter((message) => message.role === "tool")
      .map((message) => ({ toolCallId: message.tool_call_id, output: parseSentOutput(message.content) })),
};

/** Speaks the OpenAI Responses API (`POST /v1/responses`) for the conformance suite. */
export const openaiResponsesWireAdapter: WireAdapter = {
  name: "OpenAI Responses",
  text: ({ text, usage, model }) => ({ kind: "json", body: openaiResponse({ text, usage, model }) }),
  textStream: ({ chunks, usage, model }) => ({
    kind: "sse",
    events: openaiResponseEvents({ chunks, usage, model }),
  }),
  toolCall: ({ toolCallId, toolName, input, usage, model }) => ({
    kind: "json",
    body: openaiResponse({ toolCalls: [{ toolCallId, toolName, input }], usage, model }),
  }),
  toolCallStream: ({ toolCallId, toolName, input, usage, model }) => ({
    kind: "sse",
    events: openaiResponseEvents({ toolCalls: [{ toolCallId, toolName, input }], usage, model }),
  }),
  error: (kind, options = {}) => openaiErrorReply(kind, options),
  inBandError: ({ model }) => openaiResponsesInBandError(model),
  readPrompt: (body) => readResponsesPrompt(body),
  readToolResults: (body) =>
    ((Array.isArray(body?.input) ? body.input : []) as any[])
      .filter((item) => item.type === "function_call_output")
      .map((item) => ({ toolCallId: item.call_id, output: parseSentOutput(item.output) })),
};

/** The system prompt and user texts of a Chat Completions request body. */
export function readChatPrompt(body: any): { system?: string; user: string[] } {
  const messages: any[] = Array.isArray(body?.messages) ? body.messages : [];
  const system = messages
    .filter((message) => message.role === "system" || message.role === "developer")
    .map((message) => textOf(message.content))
    .join("\n");
  const user = messages
    .filter((message) => message.role === "user")
    .map((message) => textOf(message.content));
  return system ? { system, user } : { user };
}

/** The system prompt (instructions or system items) and user texts of a Responses request body. */
export function readResponsesPrompt(body: any): { system?: string; user: string[] } {
  const input: any[] =
    typeof body?.input === "string" ? [{ role: "user", content: body.input }] : (body?.input ?? []);
  const systemParts = [
    ...(typeof body?.instructions === "string" && body.instructions ? [body.instructions] : []),
    ...input
      .filter((item) => item.role === "system" || item.role === "developer")
      .map((item) => textOf(item.content)),
  ];
  const user = input.filter((item) => item.role === "user").map((item) => textOf(item.content));
  return systemParts.length > 0 ? { system: systemParts.join("\n"), user } : { user };
}

function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .filter((part) => typeof part?.text === "string")
    .map((part) => part.text as string)
    .join(" ");
}
