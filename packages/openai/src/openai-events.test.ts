import { eventStreamResponse } from "@ffc/testing";
import { APIError } from "openai";
import { describe, expect, it } from "vitest";
import { openAIEvents } from "./openai-events";

async function collect(response: Response): Promise<unknown[]> {
  const events: unknown[] = [];
  for await (const event of openAIEvents(response)) events.push(event);
  return events;
}

describe("openAIEvents", () => {
  it("yields each event's JSON, across pieces that split events and lines, until [DONE]", async () => {
    const response = eventStreamResponse([
      'data: {"id":1}\n\ndata: {"i',
      'd":2}\n',
      '\ndata: [DONE]\n\ndata: {"id":"after done"}\n\n',
    ]);
    expect(await collect(response)).toEqual([{ id: 1 }, { id: 2 }]);
  });

  it("turns an error body into the SDK's APIError, as the SDK's own reader does", async () => {
    const response = eventStreamResponse([
      'data: {"id":1}\n\n',
      'data: {"error":{"message":"overloaded","type":"server_error"}}\n\n',
    ]);
    const events: unknown[] = [];
    const error = await (async () => {
      for await (const event of openAIEvents(response)) events.push(event);
    })().catch((thrown: unknown) => thrown);
    expect(events).toEqual([{ id: 1 }]);
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).message).toContain("overloaded");
  });

  it("throws a SyntaxError for data that is not JSON", async () => {
    await expect(collect(eventStreamResponse(["data: {not json\n\n"]))).rejects.toBeInstanceOf(SyntaxError);
  });

  it("cancels the body when its reader stops early", async () => {
    let cancelled = false;
    const response = eventStreamResponse(['data: {"id":1}\n\n'], {
      endless: true,
      onCancel: () => (cancelled = true),
    });
    for await (const _event of openAIEvents(response)) break;
    expect(cancelled).toBe(true);
  });
});
