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

  it("let the manager fit a context into claude-sonnet-4-6's 1,000,000-token window", async () => {
    const template = new PromptTemplate({ name: "summary", content: "Do this: {task}", variables: ["task"] });
    const context = new Context();
    context.add("task", "Summarise the notes");
    // About 5,000 tokens of notes; maxTokens leaves 1,000 of the 1,000,000-token window for input,
    // so the fit shows the window the catalog gives without sending megabytes.
    context.add("notes", "lorem ipsum ".repeat(1_700), { priority: -1 });
    const llm = new LLMManager({ provider: anthropic, model: "claude-sonnet-4-6", maxTokens: 999_000 });
    const fitted: LLMEventMap["context-fitted"][] = [];
    llm.on("context-fitted", (event) => fitted.push(event));
    await llm.generate({ template, context });
    expect(fitted).toHaveLength(1);
    expect(fitted[0]!.maxInputTokens).toBe(1_000);
    expect([...fitted[0]!.dropped, ...fitted[0]!.truncated]).toContain("notes");
    // 1,000 tokens is about 4,000 characters; the notes alone were 20,400.
    expect(JSON.stringify(server.requests[0]!.body).length).toBeLessThan(8_000);
  });
});
