import { createAnthropic } from "@ffc/anthropic";
import { Context, type LLMEventMap, LLMManager, PromptTemplate } from "@ffc/core";
import { anthropicErrorReply, createAnthropicServer } from "@ffc/testing";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { FallbackConfig } from "./fallback-config";

// The context-length fallback and context fitting need the models' windows; these come from
// FFC's generated catalog (genai-prices: claude-haiku-4-5 200,000 tokens, claude-sonnet-4-6 1,000,000).
const apiKey = "sk-ant-windows-key";
const server = await createAnthropicServer({ apiKeys: [apiKey] });
afterAll(() => server.close());
beforeEach(() => server.reset());

const anthropic = createAnthropic({ apiKey, baseURL: server.url });

describe("current Claude models' windows", () => {
  it("are known to the provider", () => {
    expect(anthropic.modelInfo("claude-sonnet-4-6")).toEqual({
      contextWindow: 1_000_000,
      maxOutputTokens: 64_000,
    });
    expect(anthropic.modelInfo("claude-haiku-4-5")?.contextWindow).toBe(200_000);
  });

  it("move a prompt too long for claude-haiku-4-5 to claude-sonnet-4-6, the larger window", async () => {
    server.enqueue(anthropicErrorReply("context-length"));
    const llm = new LLMManager({ provider: anthropic, model: "claude-haiku-4-5" });
    const fallbackConfig = new FallbackConfig({
      targets: [
        { provider: anthropic, model: "claude-haiku-4-5" },
        { provider: anthropic, model: "claude-sonnet-4-6" },
      ],
    });
    const result = await llm.generate({ prompt: "a long prompt", fallbackConfig });
    expect(result.attempts.map((attempt) => attempt.model)).toEqual([
      "claude-haiku-4-5",
      "claude-sonnet-4-6",
    ]);
    expect(server.requests.map((request) => request.body.model)).toEqual([
      "claude-haiku-4-5",
      "claude-sonnet-4-6",
    ]);
  });

  it("let the manager fit a context larger than claude-sonnet-4-6's 1,000,000 tokens", async () => {
    const template = new PromptTemplate({ name: "summary", content: "Do this: {task}", variables: ["task"] });
    const context = new Context();
    context.add("task", "Summarise the notes");
    // About 1.25 million tokens of notes at four characters a token.
    context.add("notes", "lorem ipsum ".repeat(420_000), { priority: -1 });
    const llm = new LLMManager({ provider: anthropic, model: "claude-sonnet-4-6", maxTokens: 1000 });
    const fitted: LLMEventMap["context-fitted"][] = [];
    llm.on("context-fitted", (event) => fitted.push(event));
    await llm.generate({ template, context });
    expect(fitted).toHaveLength(1);
    expect(fitted[0]!.maxInputTokens).toBe(1_000_000 - 1000);
    expect(JSON.stringify(server.requests[0]!.body).length).toBeLessThan(4_500_000);
  });
});
