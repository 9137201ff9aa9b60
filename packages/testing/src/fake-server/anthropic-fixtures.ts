import { parse } from "yaml";
import { parseRawSse, readChunkFixture, readFixture, readJsonFixture } from "./fixtures";
import type { JsonReply, Reply, SseReply } from "./reply";

/**
 * Replays a vercel-style `*.chunks.txt` Anthropic recording (one event JSON per line) with
 * the vendor's real framing: an `event:` line named after each JSON's `type`, then `data:`.
 */
export function anthropicChunkFixtureReply(path: string): SseReply {
  return { kind: "sse", status: 200, events: readChunkFixture(path, (data) => data?.type) };
}

/** Replays a raw SSE recording (`event:` and `data:` lines, e.g. the anthropic-sdk fixtures) as is. */
export function anthropicRawSseFixtureReply(path: string): SseReply {
  return { kind: "sse", status: 200, events: parseRawSse(readFixture(path)) };
}

/**
 * Replays a JSON recording: a message with status 200, or an error envelope with the status
 * its `error.type` stands for; a top-level `request_id` also becomes the `request-id` header.
 */
export function anthropicJsonFixtureReply(path: string, status?: number): JsonReply {
  const body = readJsonFixture(path);
  const headers: Record<string, string> = {};
  if (typeof body?.request_id === "string") headers["request-id"] = body.request_id;
  const errorStatus = body?.type === "error" ? statusOfErrorType[body.error?.type] : undefined;
  return { kind: "json", status: status ?? errorStatus ?? 200, headers, body };
}

/** One recorded request and the reply that replays its response. */
export interface AnthropicCassetteInteraction {
  /** Method, URI and parsed JSON body of the recorded request. */
  request: { method: string; uri: string; body: any };
  /** The recorded response: status, kept headers (e.g. `retry-after`) and body or SSE events. */
  reply: Reply;
}

/** Response headers that describe the recorded transfer, not the response; the fake server sets its own. */
const transferHeaders = new Set(["content-length", "transfer-encoding", "connection", "content-encoding"]);

/**
 * Reads a pydantic-ai VCR cassette (YAML) of Anthropic calls, in order. JSON bodies were
 * re-serialised as YAML by the recorder, so they replay as equal JSON, not byte for byte.
 */
export function readAnthropicCassette(path: string): AnthropicCassetteInteraction[] {
  const cassette = parse(readFixture(path)) as { interactions: any[] };
  return cassette.interactions.map((interaction) => {
    const recorded = interaction.response;
    const headers: Record<string, string> = {};
    for (const [name, values] of Object.entries(recorded.headers ?? {})) {
      if (!transferHeaders.has(name.toLowerCase()))
        headers[name] = ([] as unknown[]).concat(values).join(", ");
    }
    const status = recorded.status?.code ?? 200;
    const text = recorded.body?.string;
    const isStream = typeof text === "string" && !/json/.test(headers["content-type"] ?? "");
    let reply: Reply;
    if (isStream) reply = { kind: "sse", status, headers, events: parseRawSse(text) };
    else if (typeof text === "string")
      reply = { kind: "raw", status, headers, body: text, contentType: "application/json" };
    else reply = { kind: "json", status, headers, body: recorded.parsed_body };
    return {
      request: {
        method: interaction.request.method,
        uri: interaction.request.uri,
        body: interaction.request.parsed_body,
      },
      reply,
    };
  });
}

const statusOfErrorType: Record<string, number> = {
  invalid_request_error: 400,
  authentication_error: 401,
  billing_error: 402,
  permission_error: 403,
  not_found_error: 404,
  request_too_large: 413,
  rate_limit_error: 429,
  api_error: 500,
  timeout_error: 504,
  overloaded_error: 529,
};
