import type { ImagePart, LanguageRequest, Message, TextPart } from "@ffc/core";
import { imageUrl, requestExtras, stringifyOutput } from "./request-common";
import { outgoingSchema } from "./schema-transform";

/** How a request is turned into a vendor body; fixed per provider instance. */
export interface RequestSettings {
  /** The field that carries maxTokens on Chat Completions. */
  maxTokensField: "max_completion_tokens" | "max_tokens";
  /** True for api.openai.com / Azure, false for OpenAI-compatible servers. */
  openaiHost: boolean;
  /** Send JSON schemas with `strict: true`. */
  strictJsonSchema: boolean;
}

/** The Chat Completions body (`POST /chat/completions`) for a request. */
export function chatRequestBody(
  request: LanguageRequest,
  settings: RequestSettings,
  stream: boolean,
): Record<string, any> {
  const body: Record<string, any> = {
    model: request.model,
    messages: request.messages.flatMap((message, index) => chatMessages(message, index)),
  };
  if (request.maxTokens !== undefined) body[settings.maxTokensField] = request.maxTokens;
  if (request.temperature !== undefined) body.temperature = request.temperature;
  if (request.topP !== undefined) body.top_p = request.topP;
  if (request.stop !== undefined && request.stop.length > 0) body.stop = request.stop;
  if (request.tools && request.tools.length > 0) {
    body.tools = request.tools.map((tool, index) => ({
      type: "function",
      function: {
        name: tool.name,
        ...(tool.description === undefined ? {} : { description: tool.description }),
        parameters: outgoingSchema(
          tool.inputSchema,
          settings.strictJsonSchema,
          `tools[${index}].inputSchema`,
        ),
        ...(settings.strictJsonSchema ? { strict: true } : {}),
      },
    }));
  }
  if (request.toolChoice !== undefined) {
    body.tool_choice =
      typeof request.toolChoice === "string"
        ? request.toolChoice
        : { type: "function", function: { name: request.toolChoice.toolName } };
  }
  const format = request.responseFormat;
  if (format?.type === "json") {
    body.response_format = format.schema
      ? {
          type: "json_schema",
          json_schema: {
            name: format.name ?? "response",
            schema: outgoingSchema(format.schema, settings.strictJsonSchema, "responseFormat.schema"),
            strict: settings.strictJsonSchema,
          },
        }
      : { type: "json_object" };
  }
  Object.assign(body, requestExtras(request, settings.openaiHost));
  if (stream) {
    body.stream = true;
    // Without this, Chat Completions streams never report usage.
    body.stream_options = { include_usage: true };
  }
  return body;
}

function chatMessages(message: Message, index: number): Record<string, any>[] {
  switch (message.role) {
    case "system":
      return [{ role: "system", content: message.content }];
    case "user":
      if (typeof message.content === "string") return [{ role: "user", content: message.content }];
      return [
        {
          role: "user",
          content: message.content.map((part, partIndex) =>
            userPart(part, `messages[${index}].content[${partIndex}]`),
          ),
        },
      ];
    case "assistant": {
      if (typeof message.content === "string") return [{ role: "assistant", content: message.content }];
      const text = message.content
        .filter((part): part is TextPart => part.type === "text")
        .map((part) => part.text)
        .join("");
      const toolCalls = message.content.flatMap((part) =>
        part.type === "tool-call"
          ? [
              {
                id: part.toolCallId,
                type: "function",
                function: { name: part.toolName, arguments: JSON.stringify(part.input ?? {}) },
              },
            ]
          : [],
      );
      // Chat Completions has no slot for earlier reasoning, so reasoning parts are not sent back.
      return [
        {
          role: "assistant",
          content: text.length > 0 ? text : null,
          ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
        },
      ];
    }
    case "tool":
      return message.content.map((part) => ({
        role: "tool",
        tool_call_id: part.toolCallId,
        content: stringifyOutput(part.output),
      }));
  }
}

function userPart(part: TextPart | ImagePart, field: string): Record<string, any> {
  if (part.type === "text") return { type: "text", text: part.text };
  return { type: "image_url", image_url: { url: imageUrl(part, field) } };
}
