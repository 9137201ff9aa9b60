import {
  type AssistantMessage,
  type ImagePart,
  InvalidRequestError,
  type LanguageRequest,
  type Message,
  type ToolChoice,
  type ToolResultPart,
} from "@ffc/core";
import { toGeminiSchema } from "./schema-transform";
import { isGeneratedToolCallId } from "./tool-call-id";
import type { GeminiContent, GeminiPart, GeminiRequest, GeminiTool, GeminiToolConfig } from "./wire-types";

/** The Gemini request for an FFC request, plus the vendor extras to merge into its body. */
export interface MappedRequest {
  request: GeminiRequest;
  /** `providerOptions.google`, deep-merged into the HTTP body by the transport. */
  extraBody?: Record<string, unknown>;
}

/**
 * Maps FFC's request to Gemini's wire shape. Metadata has no slot on the Gemini Developer API
 * (Vertex `labels` can be sent through providerOptions.google), and Gemini caches prompts on
 * its own or through `cachedContent` (also providerOptions), so neither is mapped here.
 */
export function mapRequest(request: LanguageRequest): MappedRequest {
  const system: Array<{ text: string }> = [];
  const contents: GeminiContent[] = [];
  request.messages.forEach((message, index) => {
    if (message.role === "system") system.push({ text: message.content });
    else contents.push(mapMessage(message, index));
  });
  const mapped: GeminiRequest = { contents, generationConfig: {} };
  if (system.length > 0) mapped.systemInstruction = { parts: system };
  if (request.tools && request.tools.length > 0) mapped.tools = [mapTools(request.tools)];
  if (request.toolChoice) mapped.toolConfig = mapToolChoice(request.toolChoice);
  const config = mapped.generationConfig;
  if (request.temperature !== undefined) config.temperature = request.temperature;
  if (request.topP !== undefined) config.topP = request.topP;
  if (request.maxTokens !== undefined) config.maxOutputTokens = request.maxTokens;
  if (request.stop && request.stop.length > 0) config.stopSequences = [...request.stop];
  if (request.responseFormat?.type === "json") {
    config.responseMimeType = "application/json";
    // Gemini supports a subset of JSON Schema: the rest moves into descriptions (schema-transform.ts).
    if (request.responseFormat.schema)
      config.responseJsonSchema = toGeminiSchema(request.responseFormat.schema);
  }
  const extraBody = request.providerOptions?.google;
  return extraBody && Object.keys(extraBody).length > 0
    ? { request: mapped, extraBody }
    : { request: mapped };
}

function mapMessage(message: Exclude<Message, { role: "system" }>, index: number): GeminiContent {
  switch (message.role) {
    case "user": {
      if (typeof message.content === "string") return { role: "user", parts: [{ text: message.content }] };
      const parts = message.content.map((part, partIndex) =>
        part.type === "text"
          ? { text: part.text }
          : mapImage(part, `messages[${index}].content[${partIndex}]`),
      );
      return { role: "user", parts };
    }
    case "assistant":
      return { role: "model", parts: mapAssistant(message) };
    case "tool":
      return { role: "user", parts: message.content.map(mapToolResult) };
  }
}

/**
 * Gemini 3 needs each part's `thoughtSignature` back. Results carry a signature that belongs to
 * a text or function-call part as an empty reasoning part just before it (see
 * response-mapping.ts), so here it is attached to the part that follows.
 */
function mapAssistant(message: AssistantMessage): GeminiPart[] {
  if (typeof message.content === "string") return [{ text: message.content }];
  const parts: GeminiPart[] = [];
  let pendingSignature: string | undefined;
  const push = (part: GeminiPart) => {
    if (pendingSignature !== undefined) part.thoughtSignature = pendingSignature;
    pendingSignature = undefined;
    parts.push(part);
  };
  for (const part of message.content) {
    if (part.type === "reasoning") {
      if (part.text === "" && part.signature) {
        pendingSignature = part.signature;
        continue;
      }
      const thought: GeminiPart = { text: part.text, thought: true };
      if (part.signature) thought.thoughtSignature = part.signature;
      parts.push(thought);
    } else if (part.type === "text") {
      push({ text: part.text });
    } else {
      const call: GeminiPart["functionCall"] = { name: part.toolName, args: toArgs(part.input) };
      if (!isGeneratedToolCallId(part.toolCallId)) call.id = part.toolCallId;
      push({ functionCall: call });
    }
  }
  // A signature with nothing after it came on an empty closing part: send it the same way.
  if (pendingSignature !== undefined) parts.push({ text: "", thoughtSignature: pendingSignature });
  return parts;
}

function mapToolResult(part: ToolResultPart): GeminiPart {
  // Gemini's convention: the function's output under "output", a failure under "error".
  const response = part.isError ? { error: part.output } : { output: part.output };
  const functionResponse: NonNullable<GeminiPart["functionResponse"]> = { name: part.toolName, response };
  if (!isGeneratedToolCallId(part.toolCallId)) functionResponse.id = part.toolCallId;
  return { functionResponse };
}

function mapImage(part: ImagePart, field: string): GeminiPart {
  if (part.data) {
    const dataUrl = /^data:([^;,]+);base64,(.*)$/s.exec(part.data);
    if (dataUrl) return { inlineData: { mimeType: dataUrl[1]!, data: dataUrl[2]! } };
    if (!part.mediaType) {
      throw new InvalidRequestError(
        `${field}: an image given as "data" needs "mediaType" (e.g. "image/png") for Gemini's inlineData.`,
        { provider: "google" },
      );
    }
    return { inlineData: { mimeType: part.mediaType, data: part.data } };
  }
  if (part.url) {
    const dataUrl = /^data:([^;,]+);base64,(.*)$/s.exec(part.url);
    if (dataUrl) return { inlineData: { mimeType: dataUrl[1]!, data: dataUrl[2]! } };
    const mimeType = part.mediaType ?? mediaTypeFromUrl(part.url);
    return { fileData: mimeType ? { mimeType, fileUri: part.url } : { fileUri: part.url } };
  }
  throw new InvalidRequestError(`${field}: an image needs "data" (base64) or "url".`, { provider: "google" });
}

const mediaTypesByExtension: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  webp: "image/webp",
  gif: "image/gif",
  heic: "image/heic",
  heif: "image/heif",
};

function mediaTypeFromUrl(url: string): string | undefined {
  const extension = /\.([a-z0-9]+)(?:[?#].*)?$/i.exec(url)?.[1]?.toLowerCase();
  return extension ? mediaTypesByExtension[extension] : undefined;
}

function mapTools(tools: NonNullable<LanguageRequest["tools"]>): GeminiTool {
  return {
    functionDeclarations: tools.map((tool) => {
      const declaration: GeminiTool["functionDeclarations"][number] = {
        name: tool.name,
        parametersJsonSchema: toGeminiSchema(tool.inputSchema),
      };
      if (tool.description) declaration.description = tool.description;
      return declaration;
    }),
  };
}

function mapToolChoice(choice: ToolChoice): GeminiToolConfig {
  if (choice === "auto") return { functionCallingConfig: { mode: "AUTO" } };
  if (choice === "none") return { functionCallingConfig: { mode: "NONE" } };
  if (choice === "required") return { functionCallingConfig: { mode: "ANY" } };
  return { functionCallingConfig: { mode: "ANY", allowedFunctionNames: [choice.toolName] } };
}

function toArgs(input: unknown): Record<string, unknown> {
  if (typeof input === "object" && input !== null && !Array.isArray(input))
    return input as Record<string, unknown>;
  if (typeof input === "string") {
    try {
      const parsed = JSON.parse(input);
      if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) return parsed;
    } catch {
      // Not JSON: fall through and wrap it.
    }
  }
  return input === undefined ? {} : { input };
}
