import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { readOpenAICassette } from "./openai-cassettes";
import { openaiErrorReply, openaiResponsesInBandError } from "./openai-error-replies";
import { openaiResponsesChunkReplies, openaiSnapshotStreams } from "./openai-fixtures";
import { openaiChatChunks } from "./openai-replies";
import { createOpenAIServer } from "./openai-server";

// Raw HTTP against the fake OpenAI server: the bytes must look like OpenAI's.
const server = await createOpenAIServer();
afterAll(() => server.close());
beforeEach(() => server.reset());

const post = (path: string, body: unknown, key: string | null = "sk-fake-123456") =>
  fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify(body),
  });

describe("the default handler", () => {
  it("answers a Chat Completions request with a chat.completion echoing the last user message", async () => {
    const response = await post("/v1/chat/completions", {
      model: "gpt-4o",
      messages: [{ role: "user", content: "ping" }],
    });
    const body = await response.json();
    expect(response.status).toBe(200);
    expect(body.object).toBe("chat.completion");
    expect(body.choices[0].message.content).toBe("You said: ping");
    expect(body.usage.total_tokens).toBe(body.usage.prompt_tokens + body.usage.completion_tokens);
    expect(server.requests[0]!.body.messages[0].content).toBe("ping");
  });

  it("streams Chat Completions as data: lines ending in [DONE], with a usage chunk only when asked", async () => {
    const request = { model: "gpt-4o", stream: true, messages: [{ role: "user", content: "one two" }] };
    const withUsage = await (
      await post("/chat/completions", { ...request, stream_options: { include_usage: true } })
    ).text();
    const withoutUsage = await (await post("/v1/chat/completions", request)).text();
    expect(withUsage).not.toContain("event:");
    expect(withUsage.trimEnd().endsWith("data: [DONE]")).toBe(true);
    expect(withUsage).toContain('"choices":[],"usage":{');
    expect(withoutUsage).not.toContain('"choices":[]');
  });

  it("streams the Responses API with event: lines, numbered events and no [DONE]", async () => {
    const text = await (
      await post("/v1/responses", { model: "gpt-4o", stream: true, input: "hello there" })
    ).text();
    const blocks = text.trim().split("\n\n");
    expect(blocks[0]).toMatch(/^event: response\.created\ndata: /);
    expect(blocks.at(-1)).toMatch(/^event: response\.completed\n/);
    expect(text).not.toContain("[DONE]");
    const numbers = blocks.map((block) => JSON.parse(block.split("\ndata: ")[1]!).sequence_number);
    expect(numbers).toEqual(numbers.map((_, index) => index));
  });

  it("answers 401 without a bearer key, 400 without a model and 404 on unknown paths, in OpenAI's envelope", async () => {
    const statuses = [
      (await post("/v1/chat/completions", { model: "gpt-4o", messages: [] }, null)).status,
      (await post("/v1/chat/completions", { messages: [] })).status,
      (await post("/v1/embeddings", { model: "x" })).status,
    ];
    expect(statuses).toEqual([401, 400, 404]);
    const body = await (await post("/v1/chat/completions", { messages: [] })).json();
    expect(body.error).toMatchObject({
      type: "invalid_request_error",
      code: "missing_required_parameter",
      param: "model",
    });
  });
});

describe("reply builders", () => {
  it("builds errors with retry-after, retry-after-ms and x-request-id headers", async () => {
    server.enqueue(
      openaiErrorReply("rate-limit", { retryAfterSeconds: 2, retryAfterMs: 1500, requestId: "req_1" }),
    );
    const response = await post("/v1/chat/completions", { model: "gpt-4o", messages: [] });
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("2");
    expect(response.headers.get("retry-after-ms")).toBe("1500");
    expect(response.headers.get("x-request-id")).toBe("req_1");
    expect((await response.json()).error.code).toBe("rate_limit_exceeded");
  });

  it("splits tool-call arguments into fragments that add up to the JSON input", () => {
    const events = openaiChatChunks({
      model: "gpt-4o",
      toolCalls: [{ toolCallId: "call_1", toolName: "weather", input: { city: "Paris" } }],
      argumentChunks: 4,
    });
    const fragments = events
      .filter((event) => event.data !== "[DONE]")
      .flatMap((event) => JSON.parse(event.data).choices[0]?.delta?.tool_calls ?? [])
      .map((call: any) => call.function.arguments)
      .join("");
    expect(fragments).toBe('{"city":"Paris"}');
  });

  it("ends a Responses in-band error with error and response.failed events", () => {
    const reply = openaiResponsesInBandError("gpt-4o", "quota-exhausted");
    expect(reply.events.map((event) => event.event)).toEqual([
      "response.created",
      "response.in_progress",
      "error",
      "response.failed",
    ]);
  });
});

describe("fixture helpers", () => {
  it("extracts the four raw SSE recordings from openai-node's Jest snapshot with quotes unescaped", () => {
    const streams = openaiSnapshotStreams("openai/chat/openai-node/ChatCompletionStream.test.ts.snap");
    const works = streams[".stream() works 1"]!;
    expect(Object.keys(streams)).toHaveLength(4);
    expect(JSON.parse(works.events[1]!.data).choices[0].delta.content).toBe('{"');
    expect(works.events.at(-1)!.data).toBe("[DONE]");
  });

  it("splits a Responses chunk file holding several responses at each response.created", () => {
    const replies = openaiResponsesChunkReplies(
      "openai/responses/openai-reasoning-encrypted-content.1.chunks.txt",
    );
    expect(replies.map((reply) => reply.events[0]!.event)).toEqual(Array(4).fill("response.created"));
    expect(replies.map((reply) => reply.events.at(-1)!.event)).toEqual(Array(4).fill("response.completed"));
  });

  it("reads a VCR cassette into replies, raw SSE bodies included, without transport headers", () => {
    const interactions = readOpenAICassette(
      "openai/chat/pydantic-ai/test_run_stream_sync_streams_real_model.yaml",
    );
    const first = interactions[0]!;
    expect(first.path).toBe("/v1/chat/completions");
    expect(first.requestBody.stream_options).toEqual({ include_usage: true });
    expect(first.reply.kind).toBe("sse");
    expect(first.reply.headers).toEqual({ "openai-processing-ms": "512", "openai-version": "2020-10-01" });
    if (first.reply.kind === "sse") expect(first.reply.events.at(-1)!.data).toBe("[DONE]");
  });
});
