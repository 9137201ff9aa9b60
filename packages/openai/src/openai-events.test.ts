import { APIError } from "openai";
import { describe, expect, it } from "vitest";
import { openAIEvents } from "./openai-events";

/** A streaming Response whose body arrives in the given pieces. */
function responseOf(...pieces: string[]): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const piece of pieces) controller.enqueue(encoder.encode(piece));
      controller.close();
    },
  });
  return new Response(body, { headers: { "content-type": "text/event-stream", "x-request-id": "req_1" } });
}

async function collect(response: Response): Promise<unknown[]> {
  const events: unknown[] = [];
  for await (const event of openAIEvents(response)) events.push(event);
  return events;
}

describe("openAIEvents", () => {
  it("yields each event's JSON, across pieces that split events and lines, until [DONE]", async () => {
    const response = responseOf(
      'data: {"id":1}\n\ndata: {"i',
      'd":2}\n',
      '\ndata: [DONE]\n\ndata: {"id":"after done"}\n\n',
    );
    expect(await collect(response)).toEqual([{ id: 1 }, { id: 2 }]);
  });

  it("turns an error body into the SDK's APIError, as the SDK's own reader does", async () => {
    const response = responseOf(
      'data: {"id":1}\n\n',
      'data: {"error":{"message":"overloaded","type":"server_error"}}\n\n',
    );
    const events: unknown[] = [];
    const error = await (async () => {
      for await (const event of openAIEvents(response)) events.push(event);
    })().catch((thrown: unknown) => thrown);
    expect(events).toEqual([{ id: 1 }]);
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).message).toContain("overloaded");
  });

  it("throws a SyntaxError for data that is not JSON", async () => {
    await expect(collect(responseOf("data: {not json\n\n"))).rejects.toBeInstanceOf(SyntaxError);
  });

  it("cancels the body when its reader stops early", async () => {
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new TextEncoder().encode('data: {"id":1}\n\n'));
      },
      cancel() {
        cancelled = true;
      },
    });
    for await (const _event of openAIEvents(new Response(body))) break;
    expect(cancelled).toBe(true);
  });
});
