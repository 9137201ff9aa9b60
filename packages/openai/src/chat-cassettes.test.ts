import type { LanguageRequest } from "@ffc/core";
import { StreamAccumulator } from "@ffc/core/provider";
import { createOpenAIServer, type FakeServer, readOpenAICassette } from "@ffc/testing";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createOpenAI } from "./openai-provider";

// Replays the pydantic-ai VCR cassettes of fixtures/openai/chat that hold streams and reasoning.
const server: FakeServer = await createOpenAIServer();
afterAll(() => server.close());
beforeEach(() => server.reset());

const apiKey = "sk-test-chat-cassettes-0123456789";

describe("chat/pydantic-ai/test_run_stream_sync_streams_real_model.yaml", () => {
  const interactions = readOpenAICassette(
    "openai/chat/pydantic-ai/test_run_stream_sync_streams_real_model.yaml",
  );
  const tool = {
    name: "get_capital",
    description: "",
    inputSchema: {
      additionalProperties: false,
      properties: { country: { type: "string" } },
      required: ["country"],
      type: "object",
    },
  };
  const question = {
    role: "user" as const,
    content: "What is the capital of the UK? Use the tool, then answer.",
  };

  it("assembles the streamed tool call from its argument fragments, then streams the answer", async () => {
    server.enqueue(interactions[0]!.reply, interactions[1]!.reply);
    const provider = createOpenAI({ apiKey, baseURL: `${server.url}/v1`, strictJsonSchema: true });
    const request: LanguageRequest = {
      model: "gpt-4o-mini",
      messages: [question],
      tools: [tool],
      toolChoice: "auto",
    };

    const first = new StreamAccumulator();
    for await (const part of provider.stream(request)) first.add(part);
    const deltas = first.parts.filter((part) => part.type === "tool-call-delta");
    expect(deltas.map((part) => (part.type === "tool-call-delta" ? part.argumentsDelta : "")).join("")).toBe(
      '{"country":"UK"}',
    );
    expect(deltas.every((part) => part.type === "tool-call-delta" && part.toolName === "get_capital")).toBe(
      true,
    );
    expect(first.toolCalls).toEqual([
      { toolCallId: "call_ZR5UUuTt3pf61kjwAJIYdVMj", toolName: "get_capital", input: { country: "UK" } },
    ]);
    expect(first.finish).toMatchObject({ finishReason: "tool-calls", rawFinishReason: "tool_calls" });
    expect(first.finish?.usage).toEqual({
      inputTokens: 53,
      outputTokens: 15,
      totalTokens: 68,
      cacheReadTokens: 0,
      reasoningTokens: 0,
    });

    const second = new StreamAccumulator();
    const followUp: LanguageRequest = {
      ...request,
      messages: [
        question,
        { role: "assistant", content: [{ type: "tool-call", ...first.toolCalls[0]! }] },
        {
          role: "tool",
          content: [
            {
              type: "tool-result",
              toolCallId: "call_ZR5UUuTt3pf61kjwAJIYdVMj",
              toolName: "get_capital",
              output: "London",
            },
          ],
        },
      ],
    };
    for await (const part of provider.stream(followUp)) second.add(part);
    expect(second.text).toBe("The capital of the UK is London.");
    expect(second.finish?.usage).toEqual({
      inputTokens: 78,
      outputTokens: 9,
      totalTokens: 87,
      cacheReadTokens: 0,
      reasoningTokens: 0,
    });

    // The bodies FFC sent match the recorded ones field by field.
    for (const [index, interaction] of interactions.entries()) {
      const sent = server.requests[index]!.body;
      const recorded = interaction.requestBody;
      expect(sent.stream).toBe(true);
      expect(sent.stream_options).toEqual(recorded.stream_options);
      expect(sent.tools).toEqual(recorded.tools);
      expect(sent.tool_choice).toBe(recorded.tool_choice);
    }
    expect(server.requests[1]!.body.messages).toEqual(interactions[1]!.requestBody.messages);
  });

  it("counts the recorded prompt tokens of the first request exactly with the local tokenizer", async () => {
    const provider = createOpenAI({ apiKey, baseURL: `${server.url}/v1` });
    const tokens = await provider.countTokens({ model: "gpt-4o-mini", messages: [question], tools: [tool] });
    expect(tokens).toBe(53);
  });
});

describe("chat/pydantic-ai/test_openai_model_thinking_part.yaml", () => {
  const interactions = readOpenAICassette("openai/chat/pydantic-ai/test_openai_model_thinking_part.yaml");

  it("switches API per request and returns reasoning summaries and reasoning token counts", async () => {
    expect(interactions.map((interaction) => interaction.path)).toEqual([
      "/v1/responses",
      "/v1/chat/completions",
    ]);
    server.enqueue(interactions[0]!.reply, interactions[1]!.reply);
    const provider = createOpenAI({ apiKey, baseURL: `${server.url}/v1` });
    const question = { role: "user" as const, content: "How do I cross the street?" };

    const viaResponses = await provider.generate({
      model: "o3-mini",
      messages: [question],
      providerOptions: { openai: { api: "responses", reasoning: { effort: "high", summary: "detailed" } } },
    });
    expect(server.requests[0]!.path).toBe("/v1/responses");
    expect(server.requests[0]!.body.reasoning).toEqual({ effort: "high", summary: "detailed" });
    expect(server.requests[0]!.body.api).toBeUndefined();
    expect(viaResponses.reasoning).toMatch(/^\*\*Emphasizing pedestrian safety\*\*/);
    expect(viaResponses.reasoning).toContain("\n\n**Clarifying street crossing guidance**");
    expect(viaResponses.content.map((part) => part.type)).toEqual(["reasoning", "text"]);
    expect(viaResponses.text).toMatch(/^I'm happy to help\. When crossing the street/);
    expect(viaResponses.usage).toEqual({
      inputTokens: 13,
      outputTokens: 1915,
      totalTokens: 1928,
      cacheReadTokens: 0,
      reasoningTokens: 1600,
    });

    const viaChat = await provider.generate({
      model: "o3-mini",
      messages: [
        question,
        { role: "assistant", content: viaResponses.text },
        {
          role: "user",
          content: "Considering the way to cross the street, analogously, how do I cross the river?",
        },
      ],
      providerOptions: { openai: { reasoning_effort: "high" } },
    });
    expect(server.requests[1]!.path).toBe("/v1/chat/completions");
    expect(server.requests[1]!.body.reasoning_effort).toBe("high");
    expect(viaChat.text).toMatch(/^When it comes to crossing a river safely/);
    // completion_tokens 2320 already include the 1792 reasoning tokens: nothing is added on top.
    expect(viaChat.usage).toEqual({
      inputTokens: 577,
      outputTokens: 2320,
      totalTokens: 2897,
      cacheReadTokens: 0,
      reasoningTokens: 1792,
    });
  });
});
