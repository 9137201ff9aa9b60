import { FakeServer } from "./fake-server";
import {
  googleError,
  googleInvalidKeyError,
  googlePermissionDeniedError,
  googleResponseBody,
  googleTextStream,
} from "./google-replies";
import type { RecordedRequest, Reply } from "./reply";

/** Options of the fake Gemini server. */
export interface GoogleServerOptions {
  /** Accept only this API key (others get Gemini's 400 API_KEY_INVALID); any key by default. */
  apiKey?: string;
  /** The answer of the default handler, fixed or computed from the request. */
  text?: string | ((request: RecordedRequest) => string);
}

const routePattern =
  /^\/(v1beta|v1|v1alpha)\/(?:models\/)?([^:/?]+):(generateContent|streamGenerateContent|countTokens)(?:\?.*)?$/;

/**
 * Starts a local server on 127.0.0.1 that speaks the Gemini REST API:
 * POST /v1beta/models/{model}:generateContent, :streamGenerateContent?alt=sse (data-only SSE,
 * CRLF CRLF between events) and :countTokens, authenticated by `x-goog-api-key` (or `?key=`).
 * Queued replies (`server.enqueue(...)`) answer first; otherwise any valid request gets a
 * generated text answer, streamed or not as the path asks.
 */
export async function createGoogleServer(options: GoogleServerOptions = {}): Promise<FakeServer> {
  return new FakeServer((request) => answerGoogleRequest(request, options)).start();
}

/** The default handler of `createGoogleServer`, usable with any FakeServer. */
export function answerGoogleRequest(request: RecordedRequest, options: GoogleServerOptions = {}): Reply {
  const route = routePattern.exec(request.path);
  if (!route || request.method !== "POST") {
    return googleError(
      404,
      "NOT_FOUND",
      `The fake Gemini server has no route for ${request.method} ${request.path}.`,
    );
  }
  const [, , model, method] = route as unknown as [string, string, string, string];
  const key =
    headerValue(request, "x-goog-api-key") ??
    new URL(request.path, "http://fake").searchParams.get("key") ??
    undefined;
  if (!key) return googlePermissionDeniedError();
  if (options.apiKey !== undefined && key !== options.apiKey) return googleInvalidKeyError();
  if (typeof request.body !== "object" || request.body === null) {
    return googleError(400, "INVALID_ARGUMENT", "Invalid JSON payload received.");
  }
  const generateRequest =
    method === "countTokens" && request.body.generateContentRequest
      ? request.body.generateContentRequest
      : request.body;
  if (!Array.isArray(generateRequest.contents) || generateRequest.contents.length === 0) {
    return googleError(
      400,
      "INVALID_ARGUMENT",
      "* GenerateContentRequest.contents: contents is not specified\n",
    );
  }
  const promptTokens = Math.max(1, Math.ceil(promptText(generateRequest).length / 4));
  if (method === "countTokens") {
    return {
      kind: "json",
      body: {
        totalTokens: promptTokens,
        promptTokensDetails: [{ modality: "TEXT", tokenCount: promptTokens }],
      },
    };
  }
  const text =
    typeof options.text === "function"
      ? options.text(request)
      : (options.text ?? "Hello from the fake Gemini server.");
  const usage = { inputTokens: promptTokens, outputTokens: Math.max(1, Math.ceil(text.length / 4)) };
  if (method === "streamGenerateContent") {
    const chunks = text.match(/\S+\s*/g) ?? [text];
    return googleTextStream({ chunks, usage, model });
  }
  return {
    kind: "json",
    body: googleResponseBody({ parts: [{ text }], usage, model, finishReason: "STOP" }),
  };
}

function headerValue(request: RecordedRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function promptText(body: any): string {
  const texts: string[] = [];
  const collect = (content: any) => {
    for (const part of content?.parts ?? []) if (typeof part.text === "string") texts.push(part.text);
  };
  collect(body.systemInstruction);
  for (const content of body.contents) collect(content);
  return texts.join("\n");
}
