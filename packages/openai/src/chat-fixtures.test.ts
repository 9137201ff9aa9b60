import type { LanguageRequest, StreamPart } from "@ffc/core";
import { StreamAccumulator } from "@ffc/core/provider";
import {
  createOpenAIServer,
  type FakeServer,
  openaiChatChunkReply,
  openaiJsonFixtureReply,
  openaiSnapshotStreams,
  readChunkFixture,
  readJsonFixture,
  readOpenAICassette,
} from "@ffc/testing";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createOpenAI } from "./openai-provider";
import { toolOutputQuestion, toolOutputTools } from "./test-support/tool-output-cassette";

// Replays every recorded Chat Completions response in packages/testing/fixtures/openai/chat.
const server: FakeServer = await createOpenAIServer();
afterAll(() => server.close());
beforeEach(() => server.reset());

const apiKey = "sk-test-chat-fixtures-0123456789";
const provider = (options: Parameters<typeof createOpenAI>[0] = {}) =>
  createOpenAI({ apiKey, baseURL: `${server.url}/v1`, ...options });
const ask = (extra: Partial<LanguageRequest> = {}): LanguageRequest => ({
  model: "gpt-4o",
  messages: [{ role: "user", content: "Hello" }],
  ...extra,
});

async function collect(stream: AsyncIterable<StreamPart>) {
  const collected = new StreamAccumulator();
  for await (const part of stream) collected.add(part);
  return collected;
}

describe("chat/openai-text.json", () => {
  it("returns the recorded text, model, id and usage", async () => {
    const body = readJsonFixture("openai/chat/openai-text.json");
    server.enqueue(openaiJsonFixtureReply("openai/chat/openai-text.json"));
    const result = await provider().generate(ask());
    expect(result.text).toBe(body.choices[0].message.content);
    expect(result.text.startsWith("**Holiday Name:** Galaxy Day")).toBe(true);
    expect(result.finishReason).toBe("stop");
    expect(result.rawFinishReason).toBe("stop");
    expect(result.model).toBe("gpt-4.1-nano-2025-04-14");
    expect(result.responseId).toBe("chatcmpl-D8Z5f52zQqikDBEKQMQoYcWMcWPeU");
    expect(result.usage).toEqual({
      inputTokens: 16,
      outputTokens: 363,
      totalTokens: 379,
      cacheReadTokens: 0,
      reasoningTokens: 0,
    });
  });
});

describe("chat/openai-text.chunks.txt", () => {
  it("streams every recorded delta in order and ends with one finish part carrying the usage chunk", async () => {
    const expectedText = readChunkFixture("openai/chat/openai-text.chunks.txt")
      .map((event) => JSON.parse(event.data).choices[0]?.delta?.content ?? "")
      .join("");
    server.enqueue(openaiChatChunkReply("openai/chat/openai-text.chunks.txt"));
    const collected = await collect(provider().stream(ask()));
    expect(collected.text).toBe(expectedText);
    expect(collected.text.startsWith("**Holiday Name:**")).toBe(true);
    const finishes = collected.parts.filter((part) => part.type === "finish");
    expect(finishes).toHaveLength(1);
    expect(collected.parts.at(-1)?.type).toBe("finish");
    expect(collected.finish).toMatchObject({
      finishReason: "stop",
      rawFinishReason: "stop",
      model: "gpt-4.1-nano-2025-04-14",
      responseId: "chatcmpl-D8Z5oo6uDh67AD85p73ksdT1KxhE0",
      usage: { inputTokens: 16, outputTokens: 300, totalTokens: 316, cacheReadTokens: 0, reasoningTokens: 0 },
    });
  });
});

describe("chat/openai-chat-cached-input-tokens-11178.json", () => {
  it("counts cached prompt tokens inside inputTokens and breaks them out as cacheReadTokens", async () => {
    const recording = readJsonFixture("openai/chat/openai-chat-cached-input-tokens-11178.json");
    const usages = [];
    for (const attempt of recording.attempts) {
      server.enqueue({ kind: "json", body: attempt.rawResponseBody });
      usages.push((await provider().generate(ask({ model: "gpt-4o-mini" }))).usage);
    }
    // 10122 prompt tokens both times; the second call read 9984 of them from the cache.
    expect(usages).toEqual([
      { inputTokens: 10122, outputTokens: 1, totalTokens: 10123, cacheReadTokens: 0, reasoningTokens: 0 },
      { inputTokens: 10122, outputTokens: 1, totalTokens: 10123, cacheReadTokens: 9984, reasoningTokens: 0 },
    ]);
  });
});

describe("chat/reasoning-model-legacy-parameter-error.json", () => {
  it("turns the 400 unsupported_parameter answer into an InvalidRequestError with the vendor message", async () => {
    server.enqueue(
      openaiJsonFixtureReply("openai/chat/reasoning-model-legacy-parameter-error.json", 400, {
        "x-request-id": "req_legacy_param",
      }),
    );
    const error: any = await provider({ maxTokensField: "max_tokens" })
      .generate(ask({ model: "o3-mini", maxTokens: 100 }))
      .catch((caught) => caught);
    expect(server.requests[0]!.body.max_tokens).toBe(100);
    expect(error.name).toBe("InvalidRequestError");
    expect(error.retryable).toBe(false);
    expect(error.status).toBe(400);
    expect(error.requestId).toBe("req_legacy_param");
    expect(error.message).toContain("Unsupported parameter: 'max_tokens' is not supported with this model");
  });
});

describe("chat/openai-node/ChatCompletionStream.test.ts.snap", () => {
  const streams = openaiSnapshotStreams("openai/chat/openai-node/ChatCompletionStream.test.ts.snap");
  const expected: Record<string, { text: string; finish: string; output: number }> = {
    ".stream() emits content logprobs events 1": {
      text: '{"city":"San Francisco","units":"f"}',
      finish: "stop",
      output: 10,
    },
    ".stream() emits refusal logprobs events 1": {
      text: "I'm very sorry, but I can't assist with that request.",
      finish: "content-filter",
      output: 13,
    },
    ".stream() works 1": { text: '{"city":"San Francisco","units":"c"}', finish: "stop", output: 10 },
    ".stream() is robust against leading newline chunks 1": {
      text: '\n\n{"city":"San Francisco","units":"c"}',
      finish: "stop",
      output: 10,
    },
  };

  it("holds the four recorded raw SSE streams, each ending in data: [DONE]", () => {
    expect(Object.keys(streams).sort()).toEqual(Object.keys(expected).sort());
    for (const reply of Object.values(streams)) expect(reply.events.at(-1)?.data).toBe("[DONE]");
  });

  for (const [name, want] of Object.entries(expected)) {
    it(`replays "${name}" with its text, finish reason and usage`, async () => {
      server.enqueue(streams[name]!);
      const collected = await collect(provider().stream(ask({ model: "gpt-4o-2024-08-06" })));
      expect(collected.text).toBe(want.text);
      expect(collected.finish?.finishReason).toBe(want.finish);
      expect(collected.finish?.rawFinishReason).toBe("stop");
      expect(collected.finish?.usage).toEqual({
        inputTokens: 17,
        outputTokens: want.output,
        totalTokens: 17 + want.output,
      });
    });
  }
});

describe("chat/pydantic-ai/test_openai_tool_output.yaml", () => {
  const interactions = readOpenAICassette("openai/chat/pydantic-ai/test_openai_tool_output.yaml");
  const tools = toolOutputTools;
  const question = toolOutputQuestion;

  it("sends the recorded tools and tool_choice, and returns the recorded tool calls and usage over two turns", async () => {
    server.enqueue(interactions[0]!.reply, interactions[1]!.reply);
    const first = await provider().generate(ask({ messages: [question], tools, toolChoice: "required" }));
    expect(first.toolCalls).toEqual([
      { toolCallId: "call_iXFttys57ap0o16JSlC8yhYo", toolName: "get_user_country", input: {} },
    ]);
    expect(first.finishReason).toBe("tool-calls");
    expect(first.usage).toMatchObject({ inputTokens: 68, outputTokens: 12, totalTokens: 80 });

    const second = await provider().generate(
      ask({
        messages: [
          question,
          { role: "assistant", content: [{ type: "tool-call", ...first.toolCalls[0]! }] },
          {
            role: "tool",
            content: [
              {
                type: "tool-result",
                toolCallId: "call_iXFttys57ap0o16JSlC8yhYo",
                toolName: "get_user_country",
                output: "Mexico",
              },
            ],
          },
        ],
        tools,
        toolChoice: "required",
      }),
    );
    expect(second.toolCalls[0]).toEqual({
      toolCallId: "call_gmD2oUZUzSoCkmNmp3JPUF7R",
      toolName: "final_result",
      input: { city: "Mexico City", country: "Mexico" },
    });
    expect(second.usage).toMatchObject({ inputTokens: 89, outputTokens: 36, totalTokens: 125 });

    // What FFC sent matches what pydantic-ai recorded sending to api.openai.com.
    for (const [index, interaction] of interactions.entries()) {
      const sent = server.requests[index]!.body;
      expect(server.requests[index]!.path).toBe(interaction.path);
      expect(sent.tools).toEqual(interaction.requestBody.tools);
      expect(sent.tool_choice).toBe(interaction.requestBody.tool_choice);
      expect(sent.messages.map((message: any) => message.role)).toEqual(
        interaction.requestBody.messages.map((message: any) => message.role),
      );
    }
    expect(server.requests[1]!.body.messages[1].tool_calls).toEqual(
      interactions[1]!.requestBody.messages[1].tool_calls,
    );
    expect(server.requests[1]!.body.messages[2]).toEqual(interactions[1]!.requestBody.messages[2]);
  });
});
