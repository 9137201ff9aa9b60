import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseServerSentEvents, type ServerSentEvent } from "./server-sent-events";

async function parse(chunks: string[]): Promise<ServerSentEvent[]> {
  const encoder = new TextEncoder();
  async function* body() {
    for (const chunk of chunks) yield encoder.encode(chunk);
  }
  const events: ServerSentEvent[] = [];
  for await (const event of parseServerSentEvents(body())) events.push(event);
  return events;
}

describe("parseServerSentEvents", () => {
  it("reads events, names, ids, multi-line data and skips comments", async () => {
    const events = await parse([
      ': keep-alive\n\nevent: delta\nid: 7\ndata: {"a":1}\n\n',
      "data: line one\ndata: line two\n\n",
      "event: ping\n\n",
    ]);
    expect(events).toEqual([
      { event: "delta", data: '{"a":1}', id: "7" },
      { event: "message", data: "line one\nline two", id: "7" },
    ]);
  });

  it("gives the same events however the bytes are split and whatever the line ends", async () => {
    const text = "event: a\r\ndata: x\r\n\r\ndata: é — ü\n\ndata: y\r\rdata:z\n\n";
    const expected = await parse([text]);
    expect(expected.map((event) => event.data)).toEqual(["x", "é — ü", "y", "z"]);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: text.length }), { maxLength: 8 }), async (cuts) => {
        const bytes = new TextEncoder().encode(text);
        const points = [...new Set(cuts.map((cut) => Math.min(cut, bytes.length)))].sort((a, b) => a - b);
        const pieces: Uint8Array[] = [];
        let start = 0;
        for (const point of [...points, bytes.length]) {
          pieces.push(bytes.slice(start, point));
          start = point;
        }
        async function* body() {
          yield* pieces;
        }
        const events: ServerSentEvent[] = [];
        for await (const event of parseServerSentEvents(body())) events.push(event);
        expect(events).toEqual(expected);
      }),
    );
  });

  it("delivers a last event that has no closing blank line", async () => {
    expect(await parse(["data: first\n\ndata: last"])).toEqual([
      { event: "message", data: "first" },
      { event: "message", data: "last" },
    ]);
  });
});
