import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { anthropicErrorReply, anthropicStreamErrorReply } from "./anthropic-errors";
import { anthropicStreamReply } from "./anthropic-messages";
import { createAnthropicServer } from "./anthropic-server";
import type { FakeServer } from "./fake-server";

let server: FakeServer;
let guarded: FakeServer;

beforeAll(async () => {
  server = await createAnthropicServer();
  guarded = await createAnthropicServer({ apiKeys: ["sk-ant-right"] });
});
afterAll(async () => {
  await server.close();
  await guarded.close();
});
beforeEach(() => server.reset());

const validBody = {
  model: "claude-sonnet-4-5",
  max_tokens: 100,
  messages: [{ role: "user", content: "Ping?" }],
};

function post(target: FakeServer, path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${target.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

/** The `event:` and `data:` pairs of an SSE body, as the wire framed them. */
function framedEvents(text: string): Array<{ event: string; data: any }> {
  return text
    .split("\n\n")
    .filter(Boolean)
    .map((block) => {
      const [eventLine, dataLine] = block.split("\n");
      return { event: eventLine!.replace("event: ", ""), data: JSON.parse(dataLine!.replace("data: ", "")) };
    });
}

describe("createAnthropicServer", () => {
  it("answers a non-stream request with a generated message echoing the user", async () => {
    const response = await post(server, "/v1/messages", validBody);
    expect(response.status).toBe(200);
    expect(response.headers.get("request-id")).toMatch(/^req_/);
    const body = await response.json();
    expect(body.type).toBe("message");
    expect(body.content).toEqual([{ type: "text", text: "You said: Ping?" }]);
    expect(body.stop_reason).toBe("end_turn");
    expect(body.usage.input_tokens).toBeGreaterThan(0);
    expect(server.requests[0]!.body).toEqual(validBody);
  });

  it("streams with event lines, a ping and a closing message_stop when stream is true", async () => {
    const response = await post(server, "/v1/messages", { ...validBody, stream: true });
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    const events = framedEvents(await response.text());
    expect(events.map((event) => event.event)).toContain("ping");
    expect(events[0]!.event).toBe("message_start");
    expect(events.at(-1)!.event).toBe("message_stop");
    for (const event of events) expect(event.data.type).toBe(event.event);
    const text = events
      .filter((event) => event.data.delta?.type === "text_delta")
      .map((event) => event.data.delta.text)
      .join("");
    expect(text).toBe("You said: Ping?");
  });

  it("counts tokens at /v1/messages/count_tokens", async () => {
    const response = await post(server, "/v1/messages/count_tokens", {
      model: "claude-sonnet-4-5",
      messages: [],
    });
    expect(await response.json()).toEqual({ input_tokens: expect.any(Number) });
  });

  it("answers a request without max_tokens with the vendor's 400 invalid_request_error", async () => {
    const response = await post(server, "/v1/messages", { model: "claude-sonnet-4-5", messages: [] });
    expect(response.status).toBe(400);
    expect((await response.json()).error).toEqual({
      type: "invalid_request_error",
      message: "max_tokens: Field required",
    });
  });

  it("answers an unknown path with 404 not_found_error", async () => {
    const response = await post(server, "/v1/complete", validBody);
    expect(response.status).toBe(404);
    expect((await response.json()).error.type).toBe("not_found_error");
  });

  it("accepts a configured key as x-api-key or as a bearer token and refuses others with 401", async () => {
    expect((await post(guarded, "/v1/messages", validBody, { "x-api-key": "sk-ant-right" })).status).toBe(
      200,
    );
    expect(
      (await post(guarded, "/v1/messages", validBody, { authorization: "Bearer sk-ant-right" })).status,
    ).toBe(200);
    const refused = await post(guarded, "/v1/messages", validBody, { "x-api-key": "sk-ant-wrong" });
    expect(refused.status).toBe(401);
    expect((await refused.json()).error.type).toBe("authentication_error");
  });
});

describe("Anthropic reply builders", () => {
  it("splits normalized usage into Anthropic's fields, input excluding cache reads and writes", async () => {
    server.enqueue(
      anthropicStreamReply({
        model: "m",
        content: [{ type: "text", text: "hi" }],
        usage: {
          inputTokens: 150,
          outputTokens: 40,
          cacheReadTokens: 100,
          cacheWriteTokens: 20,
          reasoningTokens: 5,
        },
      }),
    );
    const events = framedEvents(await (await post(server, "/v1/messages", validBody)).text());
    const delta = events.find((event) => event.event === "message_delta")!.data;
    expect(delta.usage).toEqual({
      input_tokens: 30,
      cache_read_input_tokens: 100,
      cache_creation_input_tokens: 20,
      output_tokens: 40,
      output_tokens_details: { thinking_tokens: 5 },
    });
    expect(events[0]!.data.message.usage.output_tokens).toBe(1);
  });

  it("streams tool arguments as input_json_delta fragments that join to the input", async () => {
    const input = { city: "Paris", days: 3 };
    server.enqueue(
      anthropicStreamReply({
        model: "m",
        argumentsChunkSize: 4,
        content: [{ type: "tool_use", id: "toolu_1", name: "weather", input }],
        usage: { inputTokens: 1, outputTokens: 1 },
      }),
    );
    const events = framedEvents(await (await post(server, "/v1/messages", validBody)).text());
    const fragments = events.filter((event) => event.data.delta?.type === "input_json_delta");
    expect(fragments[0]!.data.delta.partial_json).toBe("");
    expect(fragments.length).toBeGreaterThan(3);
    expect(JSON.parse(fragments.map((event) => event.data.delta.partial_json).join(""))).toEqual(input);
    expect(events.find((event) => event.event === "message_delta")!.data.delta.stop_reason).toBe("tool_use");
  });

  it("builds a 429 with retry-after seconds, retry-after-ms or an HTTP date", async () => {
    const date = new Date("2030-01-01T00:00:10Z");
    server.enqueue(
      anthropicErrorReply("rate-limit", { retryAfterSeconds: 7, requestId: "req_given" }),
      anthropicErrorReply("rate-limit", { retryAfterMs: 1500 }),
      anthropicErrorReply("rate-limit", { retryAfterDate: date }),
    );
    const first = await post(server, "/v1/messages", validBody);
    expect(first.status).toBe(429);
    expect(first.headers.get("retry-after")).toBe("7");
    expect(first.headers.get("request-id")).toBe("req_given");
    expect((await first.json()).request_id).toBe("req_given");
    expect((await post(server, "/v1/messages", validBody)).headers.get("retry-after-ms")).toBe("1500");
    expect((await post(server, "/v1/messages", validBody)).headers.get("retry-after")).toBe(
      date.toUTCString(),
    );
  });

  it("builds quota exhaustion as a 429 with the spend-limit error code and no retry-after", async () => {
    server.enqueue(anthropicErrorReply("quota-exhausted"));
    const response = await post(server, "/v1/messages", validBody);
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBeNull();
    expect((await response.json()).error.details).toEqual({ error_code: "enforced_spend_limit_reached" });
  });

  it("builds 529 overloaded, 500, 503, 401 and 400 prompt-too-long in the vendor's envelope", async () => {
    const expected: Array<[Parameters<typeof anthropicErrorReply>[0], number, string]> = [
      ["overloaded", 529, "overloaded_error"],
      ["server", 500, "api_error"],
      ["unavailable", 503, "api_error"],
      ["authentication", 401, "authentication_error"],
      ["context-length", 400, "invalid_request_error"],
    ];
    for (const [kind] of expected) server.enqueue(anthropicErrorReply(kind));
    for (const [kind, status, type] of expected) {
      const response = await post(server, "/v1/messages", validBody);
      const body = await response.json();
      expect([kind, response.status, body.type, body.error.type]).toEqual([kind, status, "error", type]);
    }
  });

  it("reports an error event after HTTP 200 with the vendor's overloaded envelope", async () => {
    server.enqueue(anthropicStreamErrorReply({ model: "m", textBefore: ["partial"] }));
    const response = await post(server, "/v1/messages", validBody);
    expect(response.status).toBe(200);
    const events = framedEvents(await response.text());
    expect(events.at(-1)).toEqual({
      event: "error",
      data: { type: "error", error: { details: null, type: "overloaded_error", message: "Overloaded" } },
    });
  });
});
