import type { LanguageRequest, StreamPart } from "@ffc/core";
import { StreamAccumulator } from "@ffc/core/provider";
import {
  createOpenAIServer,
  type FakeServer,
  openaiJsonFixtureReply,
  openaiResponsesChunkReplies,
} from "@ffc/testing";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createOpenAI } from "./openai-provider";

// Replays every recorded Responses API body and stream in fixtures/openai/responses (the
// pydantic-ai cassettes are in responses-cassettes.test.ts).
const server: FakeServer = await createOpenAIServer();
afterAll(() => server.close());
beforeEach(() => server.reset());

const provider = () =>
  createOpenAI({ apiKey: "sk-test-responses-0123456789", baseURL: `${server.url}/v1`, api: "responses" });
const ask = (model: string): LanguageRequest => ({ model, messages: [{ role: "user", content: "Hello" }] });

async function collect(stream: AsyncIterable<StreamPart>) {
  const collected = new StreamAccumulator();
  for await (const part of stream) collected.add(part);
  return collected;
}

async function failure(run: () => Promise<unknown>): Promise<any> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("expected a failure");
}

describe("responses/issue-7082-o3-optional-tool-parameters.json", () => {
  it("returns the function call with parsed arguments and the cache-write and reasoning breakdown", async () => {
    server.enqueue(openaiJsonFixtureReply("openai/responses/issue-7082-o3-optional-tool-parameters.json"));
    const result = await provider().generate(ask("o3"));
    expect(result.toolCalls).toEqual([
      {
        toolCallId: "call_TXveU5dZ1lW6uhMbjhUIE9Gq",
        toolName: "semantic_scholar_search",
        input: { query: "machine learning", limit: 10, offset: 0, year: 0 },
      },
    ]);
    expect(result.finishReason).toBe("tool-calls");
    expect(result.rawFinishReason).toBe("completed");
    expect(result.reasoning).toBeUndefined(); // the reasoning item is encrypted, with no summary
    expect(result.usage).toEqual({
      inputTokens: 114,
      outputTokens: 284,
      totalTokens: 398,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
      reasoningTokens: 192,
    });
  });
});

describe("responses/openai-phase.1.json", () => {
  it("keeps both message items (commentary, then final answer) and the cached-token breakdown", async () => {
    server.enqueue(openaiJsonFixtureReply("openai/responses/openai-phase.1.json"));
    const result = await provider().generate(ask("gpt-5.3-codex"));
    const texts = result.content.filter((part) => part.type === "text");
    expect(texts).toHaveLength(2);
    expect(result.text.startsWith("I\u2019ll quickly check reliable, up-to-date sources")).toBe(true);
    expect(result.text).toContain("Here are some **latest AI updates for today");
    expect(result.usage).toEqual({
      inputTokens: 7243,
      outputTokens: 423,
      totalTokens: 7666,
      cacheReadTokens: 3072,
      reasoningTokens: 58,
    });
  });
});

describe("responses/openai-phase.1.chunks.txt", () => {
  it("streams the text deltas of both items and the usage of response.completed", async () => {
    const [reply] = openaiResponsesChunkReplies("openai/responses/openai-phase.1.chunks.txt");
    server.enqueue(reply!);
    const collected = await collect(provider().stream(ask("gpt-5.3-codex")));
    expect(collected.text).toBe("Got itHere are a few **AI");
    expect(collected.finish).toMatchObject({
      finishReason: "stop",
      rawFinishReason: "completed",
      model: "gpt-5.3-codex",
      responseId: "resp_0a63f40a2632b74300699f8818e5648196a8fa657ae8091421",
      usage: {
        inputTokens: 7112,
        outputTokens: 463,
        totalTokens: 7575,
        cacheReadTokens: 3072,
        reasoningTokens: 64,
      },
    });
  });
});

describe("responses/openai-reasoning-encrypted-content.1.json", () => {
  it("returns the reasoning summary, the answer and 128 reasoning tokens inside the 163 output tokens", async () => {
    server.enqueue(openaiJsonFixtureReply("openai/responses/openai-reasoning-encrypted-content.1.json"));
    const result = await provider().generate(ask("gpt-5-mini"));
    expect(result.reasoning).toMatch(/^\*\*Reporting final result\*\*\n\nThe tool returned 570/);
    expect(result.text).toBe("12 + 7 = 19\n19 × 3 = 57\n57 × 10 = 570\n\nFinal result: 570");
    expect(result.usage).toEqual({
      inputTokens: 865,
      outputTokens: 163,
      totalTokens: 1028,
      cacheReadTokens: 0,
      reasoningTokens: 128,
    });
  });
});

describe("responses/openai-reasoning-encrypted-content.1.chunks.txt", () => {
  it("replays the four recorded turns of a tool loop: reasoning, three streamed calls, the answer", async () => {
    const replies = openaiResponsesChunkReplies(
      "openai/responses/openai-reasoning-encrypted-content.1.chunks.txt",
    );
    expect(replies).toHaveLength(4);
    server.enqueue(...replies);
    const turns = [];
    for (let turn = 0; turn < 4; turn += 1)
      turns.push(await collect(provider().stream(ask("gpt-5.1-codex-max"))));

    expect(turns[0]!.reasoning).toBe(
      "**Calculating step-by-step using calculator**\n\nI'll compute 12 plus 7, then multiply the result by 3, and finally multiply that by 10, reporting the final product.",
    );
    const calls = turns.slice(0, 3).map((turn) => turn.toolCalls);
    expect(calls).toEqual([
      [
        {
          toolCallId: "call_AB6AaRZ1FYZB2RwS6A5vbdqn",
          toolName: "calculator",
          input: { a: 12, b: 7, op: "add" },
        },
      ],
      [
        {
          toolCallId: "call_Q6pW65MUgW9vF59BmItYGos3",
          toolName: "calculator",
          input: { a: 19, b: 3, op: "multiply" },
        },
      ],
      [
        {
          toolCallId: "call_Zl5vIMnD7dVAjgU6FkhmiCZh",
          toolName: "calculator",
          input: { a: 57, b: 10, op: "multiply" },
        },
      ],
    ]);
    const deltas = turns[0]!.parts.filter((part) => part.type === "tool-call-delta");
    expect(deltas).toHaveLength(13);
    expect(turns[3]!.text).toBe("The final result is **570**.");
    expect(turns.map((turn) => turn.finish?.finishReason)).toEqual([
      "tool-calls",
      "tool-calls",
      "tool-calls",
      "stop",
    ]);
    expect(turns.map((turn) => turn.finish?.usage)).toEqual([
      { inputTokens: 134, outputTokens: 28, totalTokens: 162, cacheReadTokens: 0, reasoningTokens: 0 },
      { inputTokens: 221, outputTokens: 26, totalTokens: 247, cacheReadTokens: 0, reasoningTokens: 0 },
      { inputTokens: 260, outputTokens: 26, totalTokens: 286, cacheReadTokens: 0, reasoningTokens: 0 },
      { inputTokens: 299, outputTokens: 12, totalTokens: 311, cacheReadTokens: 0, reasoningTokens: 0 },
    ]);
  });
});

describe("responses error bodies", () => {
  it("openai-error.1.json: a 429 insufficient_quota is a RateLimitError with quotaExhausted, not retryable", async () => {
    server.enqueue(
      openaiJsonFixtureReply("openai/responses/openai-error.1.json", 429, { "x-request-id": "req_quota" }),
    );
    const error = await failure(() => provider().generate(ask("gpt-5-nano")));
    expect(error.name).toBe("RateLimitError");
    expect(error.quotaExhausted).toBe(true);
    expect(error.retryable).toBe(false);
    expect(error.requestId).toBe("req_quota");
    expect(error.message).toContain("You exceeded your current quota");
  });

  it("openai-issue-17402-error.1.json: a 400 missing parameter is an InvalidRequestError with the vendor message", async () => {
    server.enqueue(openaiJsonFixtureReply("openai/responses/openai-issue-17402-error.1.json", 400));
    const error = await failure(() => provider().generate(ask("gpt-4o")));
    expect(error.name).toBe("InvalidRequestError");
    expect(error.status).toBe(400);
    expect(error.message).toContain("Missing required parameter: 'input[1].arguments'.");
  });

  it("reasoning-model-temperature-error.json: a 400 unsupported temperature is an InvalidRequestError", async () => {
    server.enqueue(openaiJsonFixtureReply("openai/responses/reasoning-model-temperature-error.json", 400));
    const error = await failure(() => provider().generate({ ...ask("o3"), temperature: 0.5 }));
    expect(server.requests[0]!.body.temperature).toBe(0.5);
    expect(error.name).toBe("InvalidRequestError");
    expect(error.message).toContain("Unsupported parameter: 'temperature' is not supported with this model.");
  });
});

describe("responses errors after HTTP 200", () => {
  it("openai-error.1.chunks.txt: an in-band insufficient_quota error becomes a non-retryable quota RateLimitError", async () => {
    const [reply] = openaiResponsesChunkReplies("openai/responses/openai-error.1.chunks.txt");
    server.enqueue(reply!);
    const error = await failure(() => collect(provider().stream(ask("gpt-5-nano"))));
    expect(error.name).toBe("RateLimitError");
    expect(error.quotaExhausted).toBe(true);
    expect(error.retryable).toBe(false);
    expect(error.status).toBeUndefined();
  });

  it("openai-response-failed-only.1.chunks.txt: response.failed with rate_limit_exceeded is a retryable RateLimitError", async () => {
    const [reply] = openaiResponsesChunkReplies("openai/responses/openai-response-failed-only.1.chunks.txt");
    server.enqueue(reply!);
    const error = await failure(() => collect(provider().stream(ask("gpt-4o-mini"))));
    expect(error.name).toBe("RateLimitError");
    expect(error.quotaExhausted).toBe(false);
    expect(error.retryable).toBe(true);
    expect(error.message).toContain("tokens per min (TPM): Limit 30000, Requested 35364.");
  });
});
