// Runs the guide's example from the packed packages, as an app outside the workspace would,
// against FFC's fake vendor servers (no network). Exits non-zero on any failure.

import { BudgetManager } from "@ffc/budget";
import { Context, LLMManager, PromptTemplate, Provider, RateLimitError, TemporaryError } from "@ffc/core";
import { FallbackConfig } from "@ffc/fallback";
import { RetryConfig } from "@ffc/retry";
import { createAnthropicServer, createOpenAIServer } from "@ffc/testing";
import { TokenTracker } from "@ffc/tracking";

const openaiServer = await createOpenAIServer();
const anthropicServer = await createAnthropicServer();
process.env.OPENAI_BASE_URL = `${openaiServer.url}/v1`;
process.env.OPENAI_API_KEY = "sk-pack-check-openai";
process.env.ANTHROPIC_BASE_URL = anthropicServer.url;
process.env.ANTHROPIC_API_KEY = "sk-ant-pack-check";
const overloaded = {
  kind: "json",
  status: 503,
  body: { error: { message: "overloaded", type: "server_error" } },
};
openaiServer.enqueue(overloaded, overloaded);

const template = new PromptTemplate({
  name: "task_decomposition",
  content: "Break down the following task into steps: {task}",
  variables: ["task"],
});
const context = new Context();
context.add("system_prompt", "You are a helpful AI assistant");
context.add("task", "Plan a product launch");
const retryConfig = new RetryConfig({
  maxRetries: 1,
  backoffFactor: 1.5,
  initialDelayMs: 10,
  errorsToRetry: [RateLimitError, TemporaryError],
});
const fallbackConfig = new FallbackConfig({
  providers: [Provider.OPENAI, Provider.ANTHROPIC],
  models: ["gpt-5.4", "claude-sonnet-4-6"],
});
const tracker = new TokenTracker();
const budget = new BudgetManager({ maxDailyTokens: 100_000, maxCostUsd: 10.0 });
const llm = new LLMManager(
  { provider: Provider.OPENAI, model: "gpt-5.4", maxTokens: 200 },
  { plugins: [tracker, budget] },
);

tracker.startSession();
const result = await llm.generate({ template, context, retryConfig, fallbackConfig });
let streamed = "";
for await (const delta of llm.stream({ template, context }).text) streamed += delta;
const usage = tracker.getSessionUsage();
await openaiServer.close();
await anthropicServer.close();

if (result.provider !== "anthropic")
  throw new Error(`expected the fallback to answer, got ${result.provider}`);
if (!streamed) throw new Error("the stream produced no text");
console.log(
  `pack check passed: ${result.attempts.length} attempts, answered by ${result.provider}; session usage ${JSON.stringify(usage).slice(0, 120)}…`,
);
