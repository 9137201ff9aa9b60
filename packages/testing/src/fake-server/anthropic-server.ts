import { anthropicErrorBody } from "./anthropic-errors";
import { anthropicId, anthropicMessage, anthropicStreamEvents } from "./anthropic-messages";
import { FakeServer, type ReplyHandler } from "./fake-server";
import type { RecordedRequest, Reply } from "./reply";

/** Options of the fake Anthropic server. */
export interface AnthropicServerOptions {
  /**
   * Keys the server accepts (as `x-api-key` or `Authorization: Bearer`); a request with
   * neither gets the vendor's 401. Default: any key is accepted.
   */
  apiKeys?: string[];
  /** The text of generated replies; default echoes the last user message. */
  respond?: (request: RecordedRequest) => string;
  /** Model id reported in generated replies; default the requested model. */
  model?: string;
}

/**
 * Starts a fake Anthropic Messages server on 127.0.0.1. Queued replies (`server.enqueue`)
 * answer first; otherwise POST /v1/messages answers any valid request with a generated text
 * message (as SSE when the body says `stream: true`) and POST /v1/messages/count_tokens
 * answers with an estimate. Point the SDK at it with `baseURL: server.url` (no `/v1`).
 */
export async function createAnthropicServer(options: AnthropicServerOptions = {}): Promise<FakeServer> {
  return new FakeServer(anthropicDefaultHandler(options)).start();
}

/** The default handler of `createAnthropicServer`, for `server.setDefault(...)` on any FakeServer. */
export function anthropicDefaultHandler(options: AnthropicServerOptions = {}): ReplyHandler {
  return (request) => {
    const path = request.path.split("?")[0];
    if (options.apiKeys && !hasAcceptedKey(request, options.apiKeys)) {
      return errorReply(401, "authentication_error", "invalid x-api-key");
    }
    if (request.method !== "POST" || (path !== "/v1/messages" && path !== "/v1/messages/count_tokens")) {
      return errorReply(404, "not_found_error", `Not Found: ${request.method} ${path}`);
    }
    const problem = checkBody(request.body, path === "/v1/messages");
    if (problem) return errorReply(400, "invalid_request_error", problem);
    const inputTokens = estimateTokens(JSON.stringify([request.body.system ?? "", request.body.messages]));
    if (path === "/v1/messages/count_tokens") {
      return {
        kind: "json",
        status: 200,
        body: { input_tokens: inputTokens },
        headers: { "request-id": anthropicId("req") },
      };
    }
    const text = options.respond
      ? options.respond(request)
      : `You said: ${lastUserText(request.body.messages)}`;
    const message = anthropicMessage({
      model: options.model ?? request.body.model,
      content: [{ type: "text", text }],
      usage: { inputTokens, outputTokens: Math.max(1, estimateTokens(text)) },
    });
    const headers = { "request-id": anthropicId("req") };
    if (request.body.stream === true)
      return { kind: "sse", status: 200, headers, events: anthropicStreamEvents(message) };
    return { kind: "json", status: 200, headers, body: message };
  };
}

function errorReply(status: number, type: string, message: string): Reply {
  const requestId = anthropicId("req");
  return {
    kind: "json",
    status,
    headers: { "request-id": requestId },
    body: anthropicErrorBody(type, message, requestId),
  };
}

function hasAcceptedKey(request: RecordedRequest, keys: string[]): boolean {
  const apiKey = request.headers["x-api-key"];
  const authorization = request.headers.authorization;
  const bearer = typeof authorization === "string" ? authorization.replace(/^Bearer\s+/i, "") : undefined;
  return keys.some((key) => key === apiKey || key === bearer);
}

/** The checks the real API makes first, with its wording, so bad requests fail the same way. */
function checkBody(body: any, needsMaxTokens: boolean): string | undefined {
  if (typeof body !== "object" || body === null) return "The request body is not valid JSON.";
  if (typeof body.model !== "string") return "model: Field required";
  if (!Array.isArray(body.messages)) return "messages: Field required";
  if (needsMaxTokens && typeof body.max_tokens !== "number") return "max_tokens: Field required";
  return undefined;
}

function lastUserText(messages: any[]): string {
  for (let index = messages.length - 1; index >= 0; index -= 1) {
    const message = messages[index];
    if (message?.role !== "user") continue;
    if (typeof message.content === "string") return message.content;
    if (Array.isArray(message.content)) {
      return message.content
        .filter((block: any) => block?.type === "text")
        .map((block: any) => block.text)
        .join(" ");
    }
  }
  return "";
}

/** About four characters a token, the vendors' own rule of thumb. */
function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
