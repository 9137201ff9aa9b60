import { parseSentOutput, type WireAdapter } from "../conformance/wire-adapter";
import { anthropicErrorReply, anthropicStreamErrorReply } from "./anthropic-errors";
import { anthropicMessageReply, anthropicStreamReply } from "./anthropic-messages";

/** Builds Anthropic Messages replies for the shared provider conformance suite. */
export const anthropicWireAdapter: WireAdapter = {
  name: "Anthropic Messages",
  text: ({ text, usage, model }) =>
    anthropicMessageReply({ model, usage, content: [{ type: "text", text }] }),
  textStream: ({ chunks, usage, model }) =>
    anthropicStreamReply({
      model,
      usage,
      textChunks: chunks,
      content: [{ type: "text", text: chunks.join("") }],
    }),
  toolCall: ({ toolCallId, toolName, input, usage, model }) =>
    anthropicMessageReply({
      model,
      usage,
      content: [{ type: "tool_use", id: toolCallId, name: toolName, input }],
    }),
  toolCallStream: ({ toolCallId, toolName, input, usage, model }) =>
    anthropicStreamReply({
      model,
      usage,
      argumentsChunkSize: 5,
      content: [{ type: "tool_use", id: toolCallId, name: toolName, input }],
    }),
  error: (kind, options = {}) => anthropicErrorReply(kind, options),
  inBandError: ({ model }) => anthropicStreamErrorReply({ model }),
  readPrompt: (body) => ({
    system: typeof body.system === "string" ? body.system : textOf(body.system),
    user: (body.messages as any[])
      .filter((message) => message.role === "user")
      .map((message) => textOf(message.content)),
  }),
  readToolResults: (body) =>
    ((body?.messages ?? []) as any[])
      .flatMap((message) => (Array.isArray(message.content) ? message.content : []))
      .filter((block) => block?.type === "tool_result")
      .map((block) => ({
        toolCallId: block.tool_use_id,
        output: parseSentOutput(typeof block.content === "string" ? block.content : textOf(block.content)),
      })),
};

function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .filter((block) => block?.type === "text")
    .map((block) => block.text)
    .join("");
}
