import { FakeServer } from "./fake-server";
import { openaiChatChunks, openaiChatCompletion } from "./openai-replies";
import { openaiResponse, openaiResponseEvents } from "./openai-responses-replies";
import { readChatPrompt, readResponsesPrompt } from "./openai-wire-adapter";
import type { RecordedRequest, Reply } from "./reply";

/** Options of the fake OpenAI server. */
export interface OpenAIServerOptions {
  /** The text every generated answer holds; by default it echoes the last user message. */
  text?: string;
  /** Wait between stream events of generated answers, in ms (default 0). */
  eventDelayMs?: number;
}

/**
 * Starts a local server on 127.0.0.1 that speaks OpenAI's wire protocol:
 * `POST /v1/chat/completions` and `POST /v1/responses` (the `/v1` prefix is optional, so a
 * client pointed at the bare origin works too). Queued replies (`server.enqueue(...)`) win;
 * otherwise any valid request gets a generated text answer, streamed when the request asks
 * for `stream: true`, with usage estimated from the text lengths. Requests without a bearer
 * key get OpenAI's 401, unknown paths its 404.
 *
 * Point the SDK at it with `new OpenAI({ apiKey, baseURL: server.url + "/v1" })`.
 */
export async function createOpenAIServer(options: OpenAIServerOptions = {}): Promise<FakeServer> {
  return new FakeServer((request) => answerOpenAIRequest(request, options)).start();
}

/** The generated answer of the fake OpenAI server to one request. */
export function answerOpenAIRequest(request: RecordedRequest, options: OpenAIServerOptions = {}): Reply {
  const path = request.path.split("?")[0]!.replace(/^\/v1(?=\/)/, "");
  const api = path === "/chat/completions" ? "chat" : path === "/responses" ? "responses" : undefined;
  if (request.method !== "POST" || !api) {
    return errorReply(404, "invalid_request_error", null, `Invalid URL (${request.method} ${request.path})`);
  }
  const authorization = String(request.headers.authorization ?? "");
  if (!/^Bearer \S+/.test(authorization)) {
    return errorReply(
      401,
      "invalid_request_error",
      null,
      "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
    );
  }
  const body = request.body;
  if (typeof body !== "object" || body === null) {
    return errorReply(
      400,
      "invalid_request_error",
      null,
      "We could not parse the JSON body of your request.",
    );
  }
  if (typeof body.model !== "string" || body.model.length === 0) {
    return errorReply(
      400,
      "invalid_request_error",
      "missing_required_parameter",
      "Missing required parameter: 'model'.",
      "model",
    );
  }
  const prompt = api === "chat" ? readChatPrompt(body) : readResponsesPrompt(body);
  const lastUserText = prompt.user.at(-1) ?? "";
  const text = options.text ?? `You said: ${lastUserText}`;
  const inputTokens = Math.max(
    1,
    Math.ceil((JSON.stringify(body.messages ?? body.input ?? "").length + 1) / 4),
  );
  const usage = { inputTokens, outputTokens: Math.max(1, Math.ceil(text.length / 4)) };
  const answer = { model: body.model, text, usage };
  const delay = options.eventDelayMs ? { eventDelayMs: options.eventDelayMs } : {};
  if (api === "chat") {
    if (body.stream !== true) return { kind: "json", body: openaiChatCompletion(answer) };
    const includeUsage = body.stream_options?.include_usage === true;
    return {
      kind: "sse",
      ...delay,
      events: openaiChatChunks({ ...answer, chunks: words(text), includeUsage }),
    };
  }
  if (body.stream !== true) return { kind: "json", body: openaiResponse(answer) };
  return { kind: "sse", ...delay, events: openaiResponseEvents({ ...answer, chunks: words(text) }) };
}

function errorReply(
  status: number,
  type: string,
  code: string | null,
  message: string,
  param: string | null = null,
): Reply {
  return {
    kind: "json",
    status,
    headers: { "x-request-id": `req_ffc_fake_${status}` },
    body: { error: { message, type, param, code } },
  };
}

/** Splits text into word-sized stream pieces, keeping the spaces. */
function words(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [text];
}
