import { parseRawSse, readChunkFixture, readFixture, readJsonFixture } from "./fixtures";
import type { JsonReply, SseReply } from "./reply";

/**
 * A recorded Chat Completions stream (vercel-style `*.chunks.txt`, framing stripped) as the
 * API really frames it: `data:` lines only, ending with `data: [DONE]`.
 */
export function openaiChatChunkReply(path: string): SseReply {
  return { kind: "sse", events: [...readChunkFixture(path), { data: "[DONE]" }] };
}

/**
 * A recorded Responses API stream (`*.chunks.txt`) with its `event: <type>` lines. A file
 * can hold several responses one after another (a tool loop); each becomes its own reply,
 * split where a `response.created` event starts the next one.
 */
export function openaiResponsesChunkReplies(path: string): SseReply[] {
  const replies: SseReply[] = [];
  for (const event of readChunkFixture(path, (data) => data.type)) {
    if (event.event === "response.created" || replies.length === 0) replies.push({ kind: "sse", events: [] });
    replies.at(-1)!.events.push(event);
  }
  return replies;
}

/** A recorded JSON body (success or error) as a JSON reply with the given status. */
export function openaiJsonFixtureReply(
  path: string,
  status = 200,
  headers: Record<string, string> = {},
): JsonReply {
  return { kind: "json", status, headers, body: readJsonFixture(path) };
}

/**
 * The raw SSE recordings inside openai-node's Jest snapshot file, by snapshot name
 * (e.g. ".stream() works 1"). Jest stores each as a quoted string with `\` and backticks
 * escaped, so both are unescaped before the text is split into events.
 */
export function openaiSnapshotStreams(path: string): Record<string, SseReply> {
  const text = readFixture(path);
  const streams: Record<string, SseReply> = {};
  const pattern = /exports\[`([^`]+)`\] = `\n?"([\s\S]*?)"\n?`;/g;
  for (const match of text.matchAll(pattern)) {
    const raw = match[2]!.replace(/\\([\\`$])/g, "$1");
    streams[match[1]!] = { kind: "sse", events: parseRawSse(raw) };
  }
  return streams;
}
