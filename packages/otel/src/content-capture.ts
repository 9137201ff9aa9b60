import type { ContentPart, GenerateResult, ImagePart, Message, ToolResultPart } from "@ffc/core";
import type { Attributes } from "@opentelemetry/api";
import { GenAIAttributes } from "./attribute-names";
import { finishReasonName } from "./genai-mapping";

/** One part of a message in the conventions' JSON schema for input and output messages. */
type SchemaPart = Record<string, unknown>;

/**
 * The prompt as `gen_ai.system_instructions` and `gen_ai.input.messages`, JSON strings in the
 * conventions' schema (JavaScript span attributes cannot hold structured values). System
 * messages go to the instructions, as the conventions ask when an API takes them separately.
 */
export function inputContentAttributes(messages: readonly Message[]): Attributes {
  const instructions: SchemaPart[] = [];
  const history: Array<{ role: string; parts: SchemaPart[] }> = [];
  for (const message of messages) {
    if (message.role === "system") {
      instructions.push({ type: "text", content: message.content });
      continue;
    }
    history.push({ role: message.role, parts: messageParts(message) });
  }
  const attributes: Attributes = { [GenAIAttributes.INPUT_MESSAGES]: JSON.stringify(history) };
  if (instructions.length > 0) attributes[GenAIAttributes.SYSTEM_INSTRUCTIONS] = JSON.stringify(instructions);
  return attributes;
}

/** The answer as `gen_ai.output.messages`: one assistant message, since FFC asks for one choice. */
export function outputContentAttributes(result: GenerateResult): Attributes {
  const parts = result.content.map(contentPart);
  if (parts.length === 0 && result.text !== "") parts.push({ type: "text", content: result.text });
  const output = [{ role: "assistant", parts, finish_reason: finishReasonName(result.finishReason) }];
  return { [GenAIAttributes.OUTPUT_MESSAGES]: JSON.stringify(output) };
}

function messageParts(message: Exclude<Message, { role: "system" }>): SchemaPart[] {
  if (typeof message.content === "string") return [{ type: "text", content: message.content }];
  const parts: SchemaPart[] = [];
  for (const part of message.content) {
    if (part.type === "image") parts.push(imagePart(part));
    else if (part.type === "tool-result") parts.push(toolResultPart(part));
    else parts.push(contentPart(part));
  }
  return parts;
}

function contentPart(part: ContentPart): SchemaPart {
  switch (part.type) {
    case "text":
      return { type: "text", content: part.text };
    case "reasoning":
      return { type: "reasoning", content: part.text };
    case "tool-call":
      return { type: "tool_call", id: part.toolCallId, name: part.toolName, arguments: part.input };
  }
}

/** Images are described, never copied: base64 data would bloat every span by megabytes. */
function imagePart(part: ImagePart): SchemaPart {
  if (part.url !== undefined) return { type: "uri", modality: "image", uri: part.url };
  return { type: "image", modality: "image", ...(part.mediaType ? { mime_type: part.mediaType } : {}) };
}

function toolResultPart(part: ToolResultPart): SchemaPart {
  return { type: "tool_call_response", id: part.toolCallId, response: part.output };
}
