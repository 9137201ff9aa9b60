import { InvalidRequestError, type LanguageRequest } from "@ffc/core";
import { createAnthropicServer } from "@ffc/testing";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createAnthropic } from "./anthropic-provider";
import { jsonInstruction } from "./request-mapping";

const server = await createAnthropicServer();
afterAll(() => server.close());
beforeEach(() => server.reset());

const provider = (options: Parameters<typeof createAnthropic>[0] = {}) =>
  createAnthropic({ apiKey: "sk-ant-mapping-key", baseURL: server.url, ...options });

async function sent(request: Partial<LanguageRequest>, options?: Parameters<typeof createAnthropic>[0]) {
  await provider(options).generate({
    model: "claude-sonnet-4-6",
    messages: [{ role: "user", content: "Hi" }],
    ...request,
  });
  return server.requests.at(-1)!.body;
}

const weather = {
  name: "weather",
  description: "Weather forecast for a city.",
  inputSchema: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
};

describe("request mapping, as received by the server", () => {
  it("posts to /v1/messages with the key as a bearer token or x-api-key", async () => {
    await sent({});
    const received = server.requests[0]!;
    expect(received.path).toBe("/v1/messages");
    const auth = `${received.headers.authorization ?? ""} ${received.headers["x-api-key"] ?? ""}`;
    expect(auth).toContain("sk-ant-mapping-key");
  });

  it("sends system messages as the top-level system, never as a turn", async () => {
    const body = await sent({
      messages: [
        { role: "system", content: "Be brief." },
        { role: "system", content: "Answer in French." },
        { role: "user", content: "Hello" },
      ],
    });
    expect(body.system).toBe("Be brief.\n\nAnswer in French.");
    expect(body.messages).toEqual([{ role: "user", content: "Hello" }]);
  });

  it("sends maxTokens as max_tokens, stop as stop_sequences, temperature and topP as top_p", async () => {
    const body = await sent({ maxTokens: 321, stop: ["END", "STOP"], temperature: 0.2, topP: 0.9 });
    expect(body).toMatchObject({
      max_tokens: 321,
      stop_sequences: ["END", "STOP"],
      temperature: 0.2,
      top_p: 0.9,
    });
    expect(body.stream).toBe(false);
  });

  it("sends max_tokens 4096 when the request has none, and the option's value when given", async () => {
    expect((await sent({})).max_tokens).toBe(4096);
    expect((await sent({}, { defaultMaxTokens: 1000 })).max_tokens).toBe(1000);
  });

  it("caps the default max_tokens at the model's output limit from the catalog", async () => {
    // claude-3-haiku-20240307 has an output limit of 4096 in the catalog, below the 8000 asked for.
    expect((await sent({ model: "claude-3-haiku-20240307" }, { defaultMaxTokens: 8000 })).max_tokens).toBe(
      4096,
    );
  });

  it("sends a multi-turn conversation with tool calls and tool results as alternating turns", async () => {
    const body = await sent({
      messages: [
        { role: "user", content: "Weather in Paris?" },
        {
          role: "assistant",
          content: [
            { type: "text", text: "Let me check." },
            { type: "tool-call", toolCallId: "toolu_1", toolName: "weather", input: { city: "Paris" } },
          ],
        },
        {
          role: "tool",
          content: [
            { type: "tool-result", toolCallId: "toolu_1", toolName: "weather", output: { celsius: 21 } },
          ],
        },
        {
          role: "tool",
          content: [
            {
              type: "tool-result",
              toolCallId: "toolu_2",
              toolName: "weather",
              output: "down",
              isError: true,
            },
          ],
        },
        { role: "user", content: "Thanks! And tomorrow?" },
      ],
    });
    expect(body.messages).toEqual([
      { role: "user", content: "Weather in Paris?" },
      {
        role: "assistant",
        content: [
          { type: "text", text: "Let me check." },
          { type: "tool_use", id: "toolu_1", name: "weather", input: { city: "Paris" } },
        ],
      },
      {
        role: "user",
        content: [
          { type: "tool_result", tool_use_id: "toolu_1", content: '{"celsius":21}' },
          { type: "tool_result", tool_use_id: "toolu_2", content: "down", is_error: true },
          { type: "text", text: "Thanks! And tomorrow?" },
        ],
      },
    ]);
  });

  it("sends reasoning back as thinking with its signature, and redacted thinking by its data", async () => {
    const body = await sent({
      messages: [
        { role: "user", content: "Q" },
        {
          role: "assistant",
          content: [
            { type: "reasoning", text: "Let me think.", signature: "sig-1" },
            { type: "reasoning", text: "", signature: "encrypted-data" },
            { type: "reasoning", text: "unsigned thoughts are dropped" },
            { type: "text", text: "A" },
          ],
        },
        { role: "user", content: "Q2" },
      ],
    });
    expect(body.messages[1].content).toEqual([
      { type: "thinking", thinking: "Let me think.", signature: "sig-1" },
      { type: "redacted_thinking", data: "encrypted-data" },
      { type: "text", text: "A" },
    ]);
  });

  it("sends images as base64 or url sources", async () => {
    const body = await sent({
      messages: [
        {
          role: "user",
          content: [
            { type: "text", text: "Compare these" },
            { type: "image", data: "iVBORw0KGgo=", mediaType: "image/png" },
            { type: "image", url: "https://example.com/cat.jpg" },
          ],
        },
      ],
    });
    expect(body.messages[0].content).toEqual([
      { type: "text", text: "Compare these" },
      { type: "image", source: { type: "base64", data: "iVBORw0KGgo=", media_type: "image/png" } },
      { type: "image", source: { type: "url", url: "https://example.com/cat.jpg" } },
    ]);
  });

  it("refuses an image with data but no mediaType before sending, naming the field", async () => {
    const error = await sent({
      messages: [{ role: "user", content: [{ type: "image", data: "AAAA" }] }],
    }).catch((e) => e);
    expect(InvalidRequestError.isInstance(error)).toBe(true);
    expect(error.message).toContain('messages[0].content[0]: an image given as "data" needs "mediaType"');
    expect(server.requests).toHaveLength(0);
  });

  it("sends tool definitions with input_schema", async () => {
    const body = await sent({ tools: [weather] });
    expect(body.tools).toEqual([
      { name: "weather", description: "Weather forecast for a city.", input_schema: weather.inputSchema },
    ]);
  });

  it("maps toolChoice auto, required, none and a named tool", async () => {
    const choices = [];
    for (const toolChoice of ["auto", "required", "none", { toolName: "weather" }] as const) {
      choices.push((await sent({ tools: [weather], toolChoice })).tool_choice);
    }
    expect(choices).toEqual([
      { type: "auto" },
      { type: "any" },
      { type: "none" },
      { type: "tool", name: "weather" },
    ]);
  });

  it("sends a JSON schema response format as output_config.format json_schema", async () => {
    const schema = {
      type: "object",
      properties: { answer: { type: "number" } },
      required: ["answer"],
      additionalProperties: false,
    };
    const body = await sent({ responseFormat: { type: "json", schema } });
    expect(body.output_config).toEqual({ format: { type: "json_schema", schema } });
    expect(body.system).toBeUndefined();
  });

  it("asks for JSON in the system prompt when the format has no schema", async () => {
    const body = await sent({
      messages: [
        { role: "system", content: "Be brief." },
        { role: "user", content: "List three colours." },
      ],
      responseFormat: { type: "json" },
    });
    expect(body.system).toBe(`Be brief.\n\n${jsonInstruction}`);
    expect(body.output_config).toBeUndefined();
  });

  it("marks a text part with cacheControl as an ephemeral cache breakpoint", async () => {
    const body = await sent({
      messages: [
        {
          role: "user",
          content: [
            { type: "text", text: "A long shared document", cacheControl: true },
            { type: "text", text: "The question" },
          ],
        },
      ],
    });
    expect(body.messages[0].content).toEqual([
      { type: "text", text: "A long shared document", cache_control: { type: "ephemeral" } },
      { type: "text", text: "The question" },
    ]);
  });

  it("turns on automatic prompt caching when a promptCacheKey is given", async () => {
    expect((await sent({ promptCacheKey: "tenant-42" })).cache_control).toEqual({ type: "ephemeral" });
    expect((await sent({})).cache_control).toBeUndefined();
  });

  it("sends metadata.userId as metadata.user_id", async () => {
    const body = await sent({ metadata: { userId: "user-7", sessionId: "s-1", tags: ["a"] } });
    expect(body.metadata).toEqual({ user_id: "user-7" });
  });

  it("merges providerOptions.anthropic into the body, keeping the JSON format beside vendor output settings", async () => {
    const schema = { type: "object" };
    const body = await sent({
      responseFormat: { type: "json", schema },
      providerOptions: {
        anthropic: {
          top_k: 5,
          thinking: { type: "enabled", budget_tokens: 1024 },
          output_config: { effort: "low" },
        },
        openai: { logprobs: true },
      },
    });
    expect(body).toMatchObject({ top_k: 5, thinking: { type: "enabled", budget_tokens: 1024 } });
    expect(body.output_config).toEqual({
      format: {
        type: "json_schema",
        schema: { type: "object", properties: {}, additionalProperties: false },
      },
      effort: "low",
    });
    expect(body.logprobs).toBeUndefined();
  });

  it("streams with stream: true and the same mapped body", async () => {
    const request: LanguageRequest = {
      model: "claude-sonnet-4-6",
      messages: [{ role: "user", content: "Stream me" }],
      stop: ["X"],
    };
    const parts = [];
    for await (const part of provider().stream(request)) parts.push(part);
    const body = server.requests[0]!.body;
    expect(body).toMatchObject({
      stream: true,
      stop_sequences: ["X"],
      messages: [{ role: "user", content: "Stream me" }],
    });
    expect(parts.at(-1)?.type).toBe("finish");
  });

  it("sends the configured headers and accepts a base URL that ends in /v1", async () => {
    await provider({ baseURL: `${server.url}/v1/`, headers: { "x-team": "search" } }).generate({
      model: "claude-sonnet-4-6",
      messages: [{ role: "user", content: "Hi" }],
    });
    expect(server.requests[0]!.path).toBe("/v1/messages");
    expect(server.requests[0]!.headers["x-team"]).toBe("search");
  });
});
