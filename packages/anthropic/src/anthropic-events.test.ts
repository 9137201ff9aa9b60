import { APIError } from "@anthropic-ai/sdk";
import { eventStreamResponse } from "@ffc/testing";
import { describe, expect, it } from "vitest";
import { anthropicEvents } from "./anthropic-events";

async function collect(response: Response): Promise<unknown[]> {
  const events: unknown[] = [];
  for await (const event of anthropicEvents(response)) events.push(event);
  return events;
}

describe("anthropicEvents", () => {
  it("yields named events' JSON across split pieces and skips pings", async () => {
    const response = eventStreamResponse([
      'event: message_start\ndata: {"type":"message_start"}\n\nevent: ping\ndata: {"type":"ping"}\n\nevent: content_',
      'block_delta\ndata: {"type":"content_block_delta"}\n\n',
    ]);
    expect(await collect(response)).toEqual([{ type: "message_start" }, { type: "content_block_delta" }]);
  });

  it("turns an error event into the SDK's APIError with the vendor's error type", async () => {
    const response = eventStreamResponse([
      'event: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}\n\n',
    ]);
    const error = await collect(response).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).error).toMatchObject({ error: { type: "overloaded_error" } });
  });

  it("keeps an error event whose data is not JSON as its message, and fails on other bad JSON", async () => {
    const error = await collect(eventStreamResponse(["event: error\ndata: gateway down\n\n"])).catch(
      (thrown: unknown) => thrown,
    );
    expect((error as APIError).error).toEqual({ error: { type: "error", message: "gateway down" } });
    await expect(
      collect(eventStreamResponse(["event: message_start\ndata: {nope\n\n"])),
    ).rejects.toBeInstanceOf(SyntaxError);
  });

  it("cancels the body when its reader stops early", async () => {
    let cancelled = false;
    const response = eventStreamResponse(['event: message_start\ndata: {"type":"message_start"}\n\n'], {
      endless: true,
      onCancel: () => (cancelled = true),
    });
    for await (const _event of anthropicEvents(response)) break;
    expect(cancelled).toBe(true);
  });
});
