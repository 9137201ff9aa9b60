import { parse } from "yaml";
import { parseRawSse, readFixture } from "./fixtures";
import type { Reply } from "./reply";

/** One recorded request and the reply that replays its response. */
export interface OpenAICassetteInteraction {
  method: string;
  /** The request path, e.g. "/v1/chat/completions". */
  path: string;
  /** The request body as recorded (re-serialised by VCR, so key order may differ). */
  requestBody: any;
  /** The recorded response: JSON or SSE with the recorded status and vendor headers. */
  reply: Reply;
}

/** Response headers worth replaying; transport headers (content-length ...) no longer fit the body. */
const keptHeaders = /^(x-request-id|openai-|retry-after|x-ratelimit-)/i;

/**
 * Reads a pydantic-ai VCR cassette (YAML) from the fixtures folder and turns each
 * interaction into a reply for the fake OpenAI server: `parsed_body` becomes a JSON reply,
 * a raw `body.string` with `text/event-stream` becomes an SSE reply with the recorded framing.
 */
export function readOpenAICassette(path: string): OpenAICassetteInteraction[] {
  const cassette = parse(readFixture(path)) as { interactions?: any[] };
  return (cassette.interactions ?? []).map((interaction) => {
    const { request, response } = interaction;
    const status: number = response.status?.code ?? 200;
    const headers: Record<string, string> = {};
    let contentType = "application/json";
    for (const [name, values] of Object.entries<any>(response.headers ?? {})) {
      const value = Array.isArray(values) ? String(values[0]) : String(values);
      if (name.toLowerCase() === "content-type") contentType = value;
      else if (keptHeaders.test(name)) headers[name.toLowerCase()] = value;
    }
    let reply: Reply;
    if (response.parsed_body !== undefined) {
      reply = { kind: "json", status, headers, body: response.parsed_body };
    } else if (contentType.includes("text/event-stream")) {
      reply = { kind: "sse", status, headers, events: parseRawSse(String(response.body?.string ?? "")) };
    } else {
      reply = { kind: "raw", status, headers, contentType, body: String(response.body?.string ?? "") };
    }
    return {
      method: String(request.method ?? "POST"),
      path: new URL(String(request.uri)).pathname,
      requestBody: request.parsed_body ?? request.body,
      reply,
    };
  });
}
