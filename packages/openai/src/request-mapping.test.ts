import type { LanguageRequest } from "@ffc/core";
import { createOpenAIServer, type FakeServer } from "@ffc/testing";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { isOpenAIHost } from "./openai-options";
import { createOpenAI } from "./openai-provider";

// What FFC's normalized request becomes on the wire, read back from the fake server.
const server: FakeServer = await createOpenAIServer({ text: "ok" });
afterAll(() => server.close());
beforeEach(() => server.reset());

const apiKey = "sk-test-request-mapping-0123456789";
const weather = {
  name: "weather",
  description: "Weather forecast for a city.",
  inputSchema: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
};
const conversation: LanguageRequest = {
  model: "gpt-4o",
  messages: [
    { role: "system", content: "Be brief." },
    {
      role: "user",
      content: [
        { type: "text", text: "What is in this picture, and the weather there?" },
        { type: "image", data: "iVBORw0KGgo=", mediaType: "image/png" },
        { type: "image", url: "https://example.com/cat.jpg" },
      ],
    },
    {
      role: "assistant",
      content: [
        { type: "reasoning", text: "The user wants weather." },
        { type: "text", text: "Checking." },
        { type: "tool-call", toolCallId: "call_7", toolName: "weather", input: { city: "Paris" } },
      ],
    },
    {
      role: "tool",
      content: [{ type: "tool-result", toolCallId: "call_7", toolName: "weather", output: { celsius: 21 } }],
    },
  ],
  tools: [weather],
  toolChoice: { toolName: "weather" },
  responseFormat: {
    type: "json",
    name: "answer",
    schema: { type: "object", properties: { text: { type: "string" } } },
  },
  maxTokens: 300,
  temperature: 0.2,
  topP: 0.9,
  metadata: { userId: "user-42", sessionId: "s-1" },
  promptCacheKey: "tenant-7",
  providerOptions: { openai: { seed: 7, service_tier: "flex" }, anthropic: { ignored: true } },
};

describe("Chat Completions request body", () => {
  it("maps system, images, assistant tool calls, tool results, tools, toolChoice and responseFormat", async () => {
    await createOpenAI({ apiKey, baseURL: `${server.url}/v1` }).generate({ ...conversation, stop: ["END"] });
    const body = server.requests[0]!.body;
    expect(server.requests[0]!.path).toBe("/v1/chat/completions");
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${apiKey}`);
    expect(body.messages).toEqual([
      { role: "system", content: "Be brief." },
      {
        role: "user",
        content: [
          { type: "text", text: "What is in this picture, and the weather there?" },
          { type: "image_url", image_url: { url: "data:image/png;base64,iVBORw0KGgo=" } },
          { type: "image_url", image_url: { url: "https://example.com/cat.jpg" } },
        ],
      },
      {
        role: "assistant",
        content: "Checking.",
        tool_calls: [
          { id: "call_7", type: "function", function: { name: "weather", arguments: '{"city":"Paris"}' } },
        ],
      },
      { role: "tool", tool_call_id: "call_7", content: '{"celsius":21}' },
    ]);
    expect(body.tools).toEqual([
      {
        type: "function",
        function: {
          name: "weather",
          description: "Weather forecast for a city.",
          parameters: weather.inputSchema,
        },
      },
    ]);
    expect(body.tool_choice).toEqual({ type: "function", function: { name: "weather" } });
    expect(body.response_format).toEqual({
      type: "json_schema",
      json_schema: {
        name: "answer",
        schema: conversation.responseFormat!.type === "json" && conversation.responseFormat!.schema,
        strict: false,
      },
    });
    expect(body.stop).toEqual(["END"]);
    expect(body.temperature).toBe(0.2);
    expect(body.top_p).toBe(0.9);
    expect(body.prompt_cache_key).toBe("tenant-7");
    expect(body.seed).toBe(7);
    expect(body.service_tier).toBe("flex");
    expect(body.ignored).toBeUndefined();
    expect(body.stream).toBeUndefined();
  });

  it("sends maxTokens as max_tokens and the user id as user to an OpenAI-compatible server", async () => {
    await createOpenAI({ apiKey, baseURL: `${server.url}/v1` }).generate(conversation);
    const body = server.requests[0]!.body;
    expect(body.max_tokens).toBe(300);
    expect(body.max_completion_tokens).toBeUndefined();
    expect(body.user).toBe("user-42");
    expect(body.safety_identifier).toBeUndefined();
  });

  it("sends max_completion_tokens when asked, as api.openai.com requires for reasoning models", async () => {
    await createOpenAI({
      apiKey,
      baseURL: `${server.url}/v1`,
      maxTokensField: "max_completion_tokens",
    }).generate(conversation);
    expect(server.requests[0]!.body.max_completion_tokens).toBe(300);
    expect(server.requests[0]!.body.max_tokens).toBeUndefined();
  });

  it("treats api.openai.com and Azure as OpenAI hosts and anything else as a compatible server", () => {
    expect(isOpenAIHost(undefined)).toBe(true);
    expect(isOpenAIHost("https://api.openai.com/v1")).toBe(true);
    expect(isOpenAIHost("https://my-resource.openai.azure.com/openai/v1")).toBe(true);
    expect(isOpenAIHost("http://localhost:11434/v1")).toBe(false);
    expect(isOpenAIHost("https://api.groq.com/openai/v1")).toBe(false);
  });

  it("asks for usage in streams and sends string tool choices and a schemaless JSON format as they are", async () => {
    const stream = createOpenAI({ apiKey, baseURL: `${server.url}/v1`, strictJsonSchema: true }).stream({
      model: "gpt-4o",
      messages: [{ role: "user", content: "hi" }],
      tools: [weather],
      toolChoice: "required",
      responseFormat: { type: "json" },
    });
    for await (const _part of stream) {
      // drain
    }
    const body = server.requests[0]!.body;
    expect(body.stream).toBe(true);
    expect(body.stream_options).toEqual({ include_usage: true });
    expect(body.tool_choice).toBe("required");
    expect(body.response_format).toEqual({ type: "json_object" });
    expect(body.tools[0].function.strict).toBe(true);
  });

  it("rejects a base64 image without mediaType before sending anything, naming the field", async () => {
    const error: any = await createOpenAI({ apiKey, baseURL: `${server.url}/v1` })
      .generate({ model: "gpt-4o", messages: [{ role: "user", content: [{ type: "image", data: "AAAA" }] }] })
      .catch((caught) => caught);
    expect(error.name).toBe("ConfigError");
    expect(error.message).toContain("messages[0].content[0]");
    expect(error.message).toContain("mediaType");
    expect(server.requests).toHaveLength(0);
  });
});

describe("Responses API request body", () => {
  it("maps messages to input items, tools to flat function tools and maxTokens to max_output_tokens", async () => {
    await createOpenAI({ apiKey, baseURL: `${server.url}/v1`, api: "responses" }).generate(conversation);
    const request = server.requests[0]!;
    const body = request.body;
    expect(request.path).toBe("/v1/responses");
    expect(body.input).toEqual([
      { role: "system", content: "Be brief." },
      {
        role: "user",
        content: [
          { type: "input_text", text: "What is in this picture, and the weather there?" },
          { type: "input_image", image_url: "data:image/png;base64,iVBORw0KGgo=", detail: "auto" },
          { type: "input_image", image_url: "https://example.com/cat.jpg", detail: "auto" },
        ],
      },
      { role: "assistant", content: "Checking." },
      { type: "function_call", call_id: "call_7", name: "weather", arguments: '{"city":"Paris"}' },
      { type: "function_call_output", call_id: "call_7", output: '{"celsius":21}' },
    ]);
    expect(body.tools).toEqual([
      {
        type: "function",
        name: "weather",
        description: "Weather forecast for a city.",
        parameters: weather.inputSchema,
        strict: false,
      },
    ]);
    expect(body.tool_choice).toEqual({ type: "function", name: "weather" });
    expect(body.text).toEqual({
      format: {
        type: "json_schema",
        name: "answer",
        schema: (conversation.responseFormat as any).schema,
        strict: false,
      },
    });
    expect(body.max_output_tokens).toBe(300);
    expect(body.temperature).toBe(0.2);
    expect(body.top_p).toBe(0.9);
    expect(body.prompt_cache_key).toBe("tenant-7");
    expect(body.user).toBe("user-42");
    expect(body.seed).toBe(7);
  });

  it("refuses stop sequences, which the Responses API does not have, before sending anything", async () => {
    const error: any = await createOpenAI({ apiKey, baseURL: `${server.url}/v1`, api: "responses" })
      .generate({ model: "gpt-4o", messages: [{ role: "user", content: "hi" }], stop: ["END"] })
      .catch((caught) => caught);
    expect(error.name).toBe("ConfigError");
    expect(error.message).toContain('"stop"');
    expect(server.requests).toHaveLength(0);
  });
});

describe("strict structured output where the schema allows it", () => {
  const closed = {
    type: "object",
    properties: { city: { type: "string" }, tags: { type: "array", items: { type: "string" } } },
    required: ["city", "tags"],
    additionalProperties: false,
  };
  const open = { type: "object", properties: { city: { type: "string" } }, required: [] };
  const ask = (schema: Record<string, unknown>) => ({
    model: "gpt-4o",
    messages: [{ role: "user" as const, content: "Hi" }],
    responseFormat: { type: "json" as const, schema },
  });

  it("sends strict: true for a closed schema with every property required, on both APIs", async () => {
    server.reset();
    await createOpenAI({ apiKey, baseURL: `${server.url}/v1` }).generate(ask(closed));
    await createOpenAI({ apiKey, baseURL: `${server.url}/v1`, api: "responses" }).generate(ask(closed));
    expect(server.requests[0]!.body.response_format.json_schema.strict).toBe(true);
    expect(server.requests[1]!.body.text.format.strict).toBe(true);
  });

  it("sends strict: false for a schema strict mode would refuse, and obeys strictJsonSchema: false", async () => {
    server.reset();
    await createOpenAI({ apiKey, baseURL: `${server.url}/v1` }).generate(ask(open));
    await createOpenAI({ apiKey, baseURL: `${server.url}/v1` }).generate(
      ask({
        ...closed,
        properties: { city: { type: "string", minLength: 1 }, tags: closed.properties.tags },
      }),
    );
    await createOpenAI({ apiKey, baseURL: `${server.url}/v1`, strictJsonSchema: false }).generate(
      ask(closed),
    );
    expect(server.requests.map((request) => request.body.response_format.json_schema.strict)).toEqual([
      false,
      false,
      false,
    ]);
  });
});
