import { LLMManager, Provider, RateLimitError } from "@ffc/core";
import { StreamAccumulator } from "@ffc/core/provider";
import {
  anthropicErrorReply,
  anthropicMessageReply,
  createAnthropicServer,
  createTestManager,
} from "@ffc/testing";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createAnthropic } from "./anthropic-provider";

const server = await createAnthropicServer({ apiKeys: ["sk-ant-manager-key"] });
afterAll(() => server.close());
beforeEach(() => server.reset());

const model = "claude-sonnet-4-6";
const apiKey = "sk-ant-manager-key";

describe("end to end through @ffc/core's LLMManager", () => {
  it("generates with a provider object from createAnthropic", async () => {
    const llm = new LLMManager({
      provider: createAnthropic({ apiKey, baseURL: server.url }),
      model,
      maxTokens: 100,
    });
    const result = await llm.generate({ prompt: "Tell me a joke" });
    expect(result.text).toBe("You said: Tell me a joke");
    expect(result.provider).toBe("anthropic");
    expect(result.finishReason).toBe("stop");
    expect(result.attempts).toHaveLength(1);
    expect(result.usage.inputTokens).toBeGreaterThan(0);
    expect(server.requests[0]!.body.max_tokens).toBe(100);
  });

  it("streams with a provider object, text deltas first and the result after", async () => {
    const llm = new LLMManager({ provider: createAnthropic({ apiKey, baseURL: server.url }), model });
    const response = llm.stream({ prompt: "Stream a reply" });
    let text = "";
    for await (const delta of response.text) text += delta;
    const result = await response.result;
    expect(text).toBe("You said: Stream a reply");
    expect(result.text).toBe(text);
    expect(result.finishReason).toBe("stop");
    expect(result.usage.outputTokens).toBeGreaterThan(0);
  });

  it('resolves provider "anthropic" to this package lazily, with the config\'s key and base URL', async () => {
    const llm = new LLMManager({ provider: Provider.ANTHROPIC, model, apiKey, baseURL: server.url });
    const result = await llm.generate({ prompt: "Lazy hello" });
    expect(result.text).toBe("You said: Lazy hello");
    const provider = await llm.resolveProvider("anthropic");
    expect(provider.id).toBe("anthropic");
    expect(provider.modelInfo?.("claude-3-haiku-20240307")).toEqual({
      contextWindow: 200000,
      maxOutputTokens: 4096,
    });
    const collected = new StreamAccumulator();
    for await (const part of llm.stream({ prompt: "Lazy stream" })) collected.add(part);
    expect(collected.text).toBe("You said: Lazy stream");
  });

  it("sends the config's key: the guarded server answers 401 to another key", async () => {
    const llm = new LLMManager({
      provider: "anthropic",
      model,
      apiKey: "sk-ant-wrong-key",
      baseURL: server.url,
    });
    const error = await llm.generate({ prompt: "Hi" }).catch((thrown) => thrown);
    expect(error.name).toBe("AuthenticationError");
    expect(JSON.stringify(error)).not.toContain("sk-ant-wrong-key");
  });

  it("records a failed attempt with its typed error", async () => {
    server.enqueue(anthropicErrorReply("rate-limit", { retryAfterSeconds: 2 }));
    const { llm, events } = createTestManager({
      provider: createAnthropic({ apiKey, baseURL: server.url }),
      model,
    });
    const error = await llm.generate({ prompt: "Hi" }).catch((thrown) => thrown);
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(error.retryAfterMs).toBe(2000);
    expect(events.map((event) => event.type)).toEqual([
      "call-start",
      "attempt-start",
      "attempt-error",
      "call-error",
    ]);
  });

  it("returns tool calls through the manager", async () => {
    server.enqueue(
      anthropicMessageReply({
        model,
        content: [{ type: "tool_use", id: "toolu_9", name: "lookup", input: { q: "ffc" } }],
        usage: { inputTokens: 30, outputTokens: 8 },
      }),
    );
    const llm = new LLMManager({ provider: createAnthropic({ apiKey, baseURL: server.url }), model });
    const result = await llm.generate({
      prompt: "Look it up",
      tools: [{ name: "lookup", inputSchema: { type: "object", properties: { q: { type: "string" } } } }],
      toolChoice: "required",
    });
    expect(result.toolCalls).toEqual([{ toolCallId: "toolu_9", toolName: "lookup", input: { q: "ffc" } }]);
    expect(result.finishReason).toBe("tool-calls");
    expect(server.requests[0]!.body.tool_choice).toEqual({ type: "any" });
  });
});
