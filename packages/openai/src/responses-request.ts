import { ConfigError, type LanguageRequest, type Message } from "@ffc/core";
import type { RequestSettings } from "./chat-request";
import { imageUrl, requestExtras, stringifyOutput } from "./request-common";
import { outgoingSchema } from "./schema-transform";

/** The Responses API body (`POST /responses`) for a request. */
export function responsesRequestBody(
  request: LanguageRequest,
  settings: RequestSettings,
  stream: boolean,
): Record<string, any> {
  if (request.stop !== undefined && request.stop.length > 0) {
    // Sending the request without them would silently ignore what the caller asked for.
    throw new ConfigError(
      'The OpenAI Responses API has no stop sequences: remove "stop" from the call, or use the Chat Completions API (createOpenAI({ api: "chat" }) or providerOptions.openai.api = "chat").',
    );
  }
  const body: Record<string, any> = {
    model: request.model,
    input: request.messages.flatMap((message, index) => inputItems(message, index)),
  };
  if (request.maxTokens !== undefined) body.max_output_tokens = request.maxTokens;
  if (request.temperature !== undefined) body.temperature = request.temperature;
  if (request.topP !== undefined) body.top_p = request.topP;
  if (request.tools && request.tools.length > 0) {
    body.tools = request.tools.map((tool, index) => ({
      type: "function",
      name: tool.name,
      ...(tool.description === undefined ? {} : { description: tool.description }),
      parameters: outgoingSchema(tool.inputSchema, settings.strictJsonSchema, `tools[${index}].inputSchema`),
      strict: settings.strictJsonSchema,
    }));
  }
  if (request.toolChoice !== undefined) {
    body.tool_choice =
      typeof request.toolChoice === "string"
        ? request.toolChoice
        : { type: "function", name: request.toolChoice.toolName };
  }
  const format = request.responseFormat;
  if (format?.type === "json") {
    body.text = {
      format: format.schema
        ? {
            type: "json_schema",
            name: format.name ?? "response",
            schema: outgoingSchema(format.schema, settings.strictJsonSchema, "responseFormat.schema"),
            strict: settings.strictJsonSchema,
          }
        : { type: "json_object" },
    };
  }
  Object.assign(body, requestExtras(request, settings.openaiHost));
  if (stream) body.stream = true;
  return body;
}

function inputItems(message: Message, index: number): Record<string, any>[] {
  switch (message.role) {
    case "system":
      return [{ role: "system", content: message.content }];
    case "user":
      if (typeof message.content === "string") return [{ role: "user", content: message.content }];
      return [
        {
          role: "user",
          content: message.content.map((part, partIndex) =>
            part.type === "text"
              ? { type: "input_text", text: part.text }
              : {
                  type: "input_image",
                  image_url: imageUrl(part, `messages[${index}].content[${partIndex}]`),
                  detail: "auto",
                },
          ),
        },
      ];
    case "assistant": {
      if (typeof message.content === "string") return [{ role: "assistant", content: message.content }];
      const items: Record<string, any>[] = [];
      for (const part of message.content) {
        if (part.type === "text") items.push({ role: "assistant", content: part.text });
        else if (part.type === "tool-call") {
          items.push({
            type: "function_call",
            call_id: part.toolCallId,
            name: part.toolName,
            arguments: JSON.stringify(part.input ?? {}),
          });
        }
        // Reasoning items can only be sent back with their vendor id; plain text would be rejected.
      }
      return items;
    }
    case "tool":
      return message.content.map((part) => ({
        type: "function_call_output",
        call_id: part.toolCallId,
        output: stringifyOutput(part.output),
      }));
  }
}
