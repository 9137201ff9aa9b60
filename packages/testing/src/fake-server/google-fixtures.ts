import { parse } from "yaml";
import { parseRawSse, readChunkFixture, readFixture, readJsonFixture } from "./fixtures";
import { googleSse, googleSseSeparator } from "./google-replies";
import type { JsonReply, Reply } from "./reply";

/**
 * A recorded Gemini fixture (path below fixtures/, e.g. "google/google-text.json") as a reply:
 * `*.chunks.txt` become an SSE stream with Gemini's framing, JSON bodies a JSON reply, and a
 * google.rpc.Status error body gets its own HTTP status (`error.code`).
 */
export function googleFixtureReply(path: string): Reply {
  if (path.endsWith(".chunks.txt")) return { ...googleSse([]), events: readChunkFixture(path) };
  const body = readJsonFixture(path);
  const status = typeof body?.error?.code === "number" ? body.error.code : 200;
  return { kind: "json", status, body } satisfies JsonReply;
}

/** One request and reply of a recorded VCR cassette. */
export interface GoogleCassetteInteraction {
  method: string;
  /** The recorded URL, e.g. "https://generativelanguage.googleapis.com/v1beta/models/x:generateContent". */
  uri: string;
  /** The recorded request body, parsed. */
  requestBody: unknown;
  /** The recorded response, ready to enqueue on a fake server. */
  reply: Reply;
}

/**
 * Reads a pydantic-ai VCR cassette (YAML) of Gemini calls, e.g.
 * "google/pydantic-ai/test_google_model_stream.yaml". Streamed bodies keep their raw SSE bytes'
 * framing (CRLF CRLF); JSON bodies keep their status.
 */
export function readGoogleCassette(path: string): GoogleCassetteInteraction[] {
  const cassette = parse(readFixture(path)) as { interactions?: any[] };
  return (cassette.interactions ?? []).map((interaction) => {
    const { request, response } = interaction;
    const status = Number(response?.status?.code ?? 200);
    let reply: Reply;
    if (typeof response?.body?.string === "string" && response.body.string.trimStart().startsWith("data:")) {
      reply = {
        kind: "sse",
        status,
        events: parseRawSse(response.body.string),
        separator: googleSseSeparator,
      };
    } else if (response?.parsed_body !== undefined) {
      reply = { kind: "json", status, body: response.parsed_body };
    } else {
      const text = typeof response?.body?.string === "string" ? response.body.string : "";
      reply = { kind: "raw", status, body: text, contentType: "application/json" };
    }
    return {
      method: String(request?.method ?? "POST"),
      uri: String(request?.uri ?? ""),
      requestBody: request?.parsed_body ?? request?.body,
      reply,
    };
  });
}
