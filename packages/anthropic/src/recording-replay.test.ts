import { readdirSync, readFileSync } from "node:fs";
import { basename } from "node:path";
import type { ProviderResult } from "@ffc/core";
import { StreamAccumulator } from "@ffc/core/provider";
import { anthropicRawSseFixtureReply, fixturesDirectory, readAnthropicCassette } from "@ffc/testing";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createReplayHarness, finishes } from "./test-support/replay-harness";

const { server, provider, request, generate, stream } = await createReplayHarness();
afterAll(() => server.close());
beforeEach(() => server.reset());

describe("raw SSE recordings of the anthropic-sdk", () => {
  it("basic_response.txt: 'Hello there!' with input from message_start (11) and output from the delta (6)", async () => {
    const collected = await stream(
      anthropicRawSseFixtureReply("anthropic/anthropic-sdk-typescript/basic_response.txt"),
    );
    expect(collected.text).toBe("Hello there!");
    expect(finishes(collected.parts)).toHaveLength(1);
    expect(collected.finish).toMatchObject({
      finishReason: "stop",
      model: "claude-opus-4-8",
      usage: { inputTokens: 11, outputTokens: 6, totalTokens: 17 },
    });
  });

  it("tool_use_response.txt: text, then get_weather with arguments split mid-word, 377 in / 65 out", async () => {
    const collected = await stream(
      anthropicRawSseFixtureReply("anthropic/anthropic-sdk-typescript/tool_use_response.txt"),
    );
    expect(collected.text).toBe("I'll check the current weather in Paris for you.");
    expect(collected.toolCalls).toEqual([
      { toolCallId: "toolu_01NRLabsLyVHZPKxbKvkfSMn", toolName: "get_weather", input: { location: "Paris" } },
    ]);
    expect(collected.parts.filter((part) => part.type === "tool-call-delta")).toHaveLength(4);
    expect(collected.finish).toMatchObject({
      finishReason: "tool-calls",
      usage: { inputTokens: 377, outputTokens: 65 },
    });
  });
});

describe("pydantic-ai VCR cassettes", () => {
  it("test_no_tools_no_output.yaml: a 200 that carries retry-after is a success, 14 in / 65 out", async () => {
    const [interaction] = readAnthropicCassette("anthropic/pydantic-ai/test_no_tools_no_output.yaml");
    const recorded = interaction!.request.body;
    const result = await generate(interaction!.reply, {
      model: recorded.model,
      maxTokens: undefined,
      messages: [{ role: "user", content: recorded.messages[0].content[0].text }],
    });
    expect(result.text.startsWith('Paris is known as the "City of Light"')).toBe(true);
    expect(result.usage).toMatchObject({ inputTokens: 14, outputTokens: 65, totalTokens: 79 });
    const sent = server.requests[0]!.body;
    // Without maxTokens the provider sends the same 4096 the recorded client sent.
    expect({ model: sent.model, max_tokens: sent.max_tokens, stream: sent.stream }).toEqual({
      model: recorded.model,
      max_tokens: recorded.max_tokens,
      stream: recorded.stream,
    });
  });

  it("test_anthropic_model_thinking_part_stream.yaml: streamed thinking with signature, 43 in / 282 out", async () => {
    const [interaction] = readAnthropicCassette(
      "anthropic/pydantic-ai/test_anthropic_model_thinking_part_stream.yaml",
    );
    const recorded = interaction!.request.body;
    server.enqueue(interaction!.reply);
    const collected = new StreamAccumulator();
    const thinking = { providerOptions: { anthropic: { thinking: recorded.thinking } } };
    const streamed = provider().stream(
      request({
        model: recorded.model,
        maxTokens: undefined,
        messages: [{ role: "user", content: "How do I cross the street?" }],
        ...thinking,
      }),
    );
    for await (const part of streamed) collected.add(part);
    expect(collected.reasoning).toBe(
      "This is a straightforward question about pedestrian safety. I should provide clear, helpful advice about how to safely cross a street. This is basic safety information that could help prevent accidents.",
    );
    expect(collected.text.startsWith("Here are the basic steps for safely crossing the street:")).toBe(true);
    expect(collected.text.endsWith("Always prioritize safety over speed when crossing streets.")).toBe(true);
    expect(collected.text).toHaveLength(1021);
    const signature = collected.parts.find((part) => part.type === "reasoning-delta" && part.signature);
    expect(signature?.type === "reasoning-delta" && signature.signature?.length).toBe(504);
    expect(collected.finish?.usage).toMatchObject({ inputTokens: 43, outputTokens: 282, totalTokens: 325 });
    const sent = server.requests[0]!.body;
    expect({ thinking: sent.thinking, max_tokens: sent.max_tokens, stream: sent.stream }).toEqual({
      thinking: recorded.thinking,
      max_tokens: recorded.max_tokens,
      stream: true,
    });
  });

  it("test_anthropic_cache_real_api.yaml: cache reads and writes across two calls, inputs 1114 then 1532", async () => {
    const interactions = readAnthropicCassette("anthropic/pydantic-ai/test_anthropic_cache_real_api.yaml");
    expect(interactions).toHaveLength(2);
    const results: ProviderResult[] = [];
    for (const interaction of interactions) {
      const recorded = interaction.request.body;
      const user = recorded.messages.at(-1).content;
      results.push(
        await generate(interaction.reply, {
          model: recorded.model,
          maxTokens: recorded.max_tokens,
          messages: [
            { role: "system", content: recorded.system },
            {
              role: "user",
              content: typeof user === "string" ? user : user.map((block: any) => block.text).join(""),
            },
          ],
          promptCacheKey: "python-explainer",
          providerOptions: { anthropic: { cache_control: recorded.cache_control } },
        }),
      );
      const sent = server.requests.at(-1)!.body;
      expect({ system: sent.system, cache_control: sent.cache_control }).toEqual({
        system: recorded.system,
        cache_control: recorded.cache_control,
      });
    }
    expect(results.map((result) => result.usage)).toEqual([
      { inputTokens: 1114, outputTokens: 406, totalTokens: 1520, cacheReadTokens: 1111, cacheWriteTokens: 0 },
      {
        inputTokens: 1532,
        outputTokens: 33,
        totalTokens: 1565,
        cacheReadTokens: 1111,
        cacheWriteTokens: 418,
      },
    ]);
  });
});

describe("fixture coverage", () => {
  it("replays every file of fixtures/anthropic in one of the replay suites", () => {
    const suites = ["fixture-replay.test.ts", "recording-replay.test.ts"]
      .map((file) => readFileSync(new URL(file, import.meta.url), "utf8"))
      .join("\n");
    const files = readdirSync(`${fixturesDirectory()}/anthropic`, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => basename(entry.name));
    expect(files).toHaveLength(18);
    expect(files.filter((file) => !suites.includes(`${file}`))).toEqual([]);
  });
});
