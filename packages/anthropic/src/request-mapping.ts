import type Anthropic from "@anthropic-ai/sdk";
import type { MessageCreateParamsBase } from "@anthropic-ai/sdk/resources/messages";
import {
  type AssistantMessage,
  type ImagePart,
  InvalidRequestError,
  type LanguageRequest,
  type TextPart,
  type ToolChoice,
  type ToolResultPart,
  type UserMessage,
} from "@ffc/core";
import { toAnthropicSchema } from "./schema-transform";

/**
 * The body sent. SDK 1.x no longer types `temperature` and `top_p` (newer models reject
 * them), but older models still take them, so they are sent when a request sets them.
 */
export type MessageBody = MessageCreateParamsBase & { temperature?: number; top_p?: number };
type BodyBase = MessageBody;
type Block = Anthropic.ContentBlockParam;

/** What request mapping needs beyond the request. */
export interface RequestMappingContext {
  /** `max_tokens` when the request sets none (the API requires one). */
  defaultMaxTokens: number;
}

/** The instruction used for JSON output without a schema: Anthropic has no schemaless JSON mode. */
export const jsonInstruction = "Answer with a single valid JSON value and nothing else.";

/**
 * Anthropic's Messages body for an FFC request (without `stream`). System messages become
 * the top-level `system`; tool results become user turns of `tool_result` blocks; turns of
 * the same role are merged because the API wants user and assistant to alternate;
 * `providerOptions.anthropic` is merged in last, so it can set any vendor field.
 */
export function toMessageBody(request: LanguageRequest, context: RequestMappingContext): BodyBase {
  const systemTexts: string[] = [];
  const turns: Array<{ role: "user" | "assistant"; content: Block[] }> = [];
  const addTurn = (role: "user" | "assistant", content: Block[]) => {
    if (content.length === 0) return;
    const last = turns.at(-1);
    if (last?.role === role) last.content.push(...content);
    else turns.push({ role, content });
  };
  request.messages.forEach((message, index) => {
    const where = `messages[${index}]`;
    switch (message.role) {
      case "system":
        systemTexts.push(message.content);
        break;
      case "user":
        addTurn("user", userBlocks(message, where));
        break;
      case "assistant":
        addTurn("assistant", assistantBlocks(message));
        break;
      case "tool":
        addTurn("user", message.content.map(toolResultBlock));
        break;
    }
  });
  const format = request.responseFormat;
  if (format?.type === "json" && !format.schema) systemTexts.push(jsonInstruction);

  const body: BodyBase = {
    model: request.model,
    max_tokens: request.maxTokens ?? context.defaultMaxTokens,
    messages: turns.map((turn) => ({ role: turn.role, content: simplify(turn.content) })),
  };
  if (systemTexts.length > 0) body.system = systemTexts.join("\n\n");
  if (request.temperature !== undefined) body.temperature = request.temperature;
  if (request.topP !== undefined) body.top_p = request.topP;
  if (request.stop && request.stop.length > 0) body.stop_sequences = request.stop;
  if (request.tools && request.tools.length > 0) {
    body.tools = request.tools.map((tool) => ({
      name: tool.name,
      ...(tool.description ? { description: tool.description } : {}),
      input_schema: tool.inputSchema as Anthropic.Tool.InputSchema,
    }));
  }
  if (request.toolChoice) body.tool_choice = toolChoice(request.toolChoice);
  if (format?.type === "json" && format.schema) {
    // Native structured output: the API constrains the answer text to the schema, and accepts
    // only a subset of JSON Schema (see schema-transform.ts). Tools are sent without `strict`,
    // for which the API takes any JSON Schema, so their input schemas go as given.
    body.output_config = {
      format: { type: "json_schema", schema: toAnthropicSchema(format.schema, "responseFormat.schema") },
    };
  }
  if (request.metadata?.userId) body.metadata = { user_id: request.metadata.userId };
  // Anthropic has no cache key; a key means "cache this prompt", which automatic caching does.
  if (request.promptCacheKey) body.cache_control = { type: "ephemeral" };
  const extra = request.providerOptions?.anthropic;
  if (!extra) return body;
  const merged = { ...body, ...extra } as BodyBase;
  // output_config holds both the JSON format and vendor knobs such as effort: keep both.
  if (body.output_config && extra.output_config) {
    merged.output_config = { ...body.output_config, ...(extra.output_config as Anthropic.OutputConfig) };
  }
  return merged;
}

function userBlocks(message: UserMessage, where: string): Block[] {
  if (typeof message.content === "string") return [{ type: "text", text: message.content }];
  return message.content.map((part, index) =>
    part.type === "text" ? textBlock(part) : imageBlock(part, `${where}.content[${index}]`),
  );
}

function assistantBlocks(message: AssistantMessage): Block[] {
  if (typeof message.content === "string") return [{ type: "text", text: message.content }];
  const blocks: Block[] = [];
  for (const part of message.content) {
    if (part.type === "text") blocks.push(textBlock(part));
    else if (part.type === "tool-call") {
      blocks.push({ type: "tool_use", id: part.toolCallId, name: part.toolName, input: part.input ?? {} });
    } else if (part.signature && part.text) {
      blocks.push({ type: "thinking", thinking: part.text, signature: part.signature });
    } else if (part.signature) {
      // Redacted thinking comes back as reasoning without text; its encrypted data is the signature.
      blocks.push({ type: "redacted_thinking", data: part.signature });
    }
    // Reasoning without a signature cannot be verified by the API, which would reject it: left out.
  }
  return blocks;
}

function textBlock(part: TextPart): Anthropic.TextBlockParam {
  const block: Anthropic.TextBlockParam = { type: "text", text: part.text };
  if (part.cacheControl) block.cache_control = { type: "ephemeral" };
  return block;
}

function imageBlock(part: ImagePart, where: string): Anthropic.ImageBlockParam {
  if (part.url) return { type: "image", source: { type: "url", url: part.url } };
  if (part.data && part.mediaType) {
    return {
      type: "image",
      source: {
        type: "base64",
        data: part.data,
        media_type: part.mediaType as Anthropic.Base64ImageSource["media_type"],
      },
    };
  }
  throw new InvalidRequestError(
    part.data
      ? `${where}: an image given as "data" needs "mediaType" (e.g. "image/png").`
      : `${where}: an image needs "url" or "data" with "mediaType".`,
    { provider: "anthropic" },
  );
}

function toolResultBlock(part: ToolResultPart): Anthropic.ToolResultBlockParam {
  const block: Anthropic.ToolResultBlockParam = {
    type: "tool_result",
    tool_use_id: part.toolCallId,
    content: typeof part.output === "string" ? part.output : JSON.stringify(part.output ?? null),
  };
  if (part.isError) block.is_error = true;
  return block;
}

function toolChoice(choice: ToolChoice): Anthropic.ToolChoice {
  if (choice === "auto") return { type: "auto" };
  if (choice === "required") return { type: "any" };
  if (choice === "none") return { type: "none" };
  return { type: "tool", name: choice.toolName };
}

/** A lone plain text block is sent as a string, the compact form the API documents. */
function simplify(content: Block[]): string | Block[] {
  const only = content[0];
  if (content.length === 1 && only?.type === "text" && !only.cache_control) return only.text;
  return content;
}
