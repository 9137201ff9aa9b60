// The guide's API, in TypeScript, almost line for line (DESIGN.md section 1).

import { BudgetManager } from "@ffc/budget";
import {
  Context,
  type GenerateResult,
  type LLMConfig,
  LLMManager,
  PromptTemplate,
  Provider,
  RateLimitError,
  TemporaryError,
} from "@ffc/core";
import { FallbackConfig } from "@ffc/fallback";
import { RetryConfig } from "@ffc/retry";
import { TokenTracker, type UsageReport } from "@ffc/tracking";

/** What the guide's example produced, for the demo to show and the tests to check. */
export interface GuideOutcome {
  result: GenerateResult;
  streamed: string;
  usage: UsageReport;
}

/** Runs the guide's configuration, template, context, retry, fallback, tracking and budget example. */
export async function runGuide(userData: Record<string, unknown>, log = console.log): Promise<GuideOutcome> {
  const config: LLMConfig = {
    provider: Provider.OPENAI,
    model: "gpt-5.4",
    apiKey: process.env.OPENAI_API_KEY,
    maxTokens: 2000,
  };

  const template = new PromptTemplate({
    name: "task_decomposition",
    content: "Break down the following task into steps: {task}",
    variables: ["task"],
  });

  const context = new Context();
  context.add("system_prompt", "You are a helpful AI assistant");
  context.add("user_context", userData);
  context.add("task", "Plan a product launch");

  const retryConfig = new RetryConfig({
    maxRetries: 3,
    backoffFactor: 1.5,
    errorsToRetry: [RateLimitError, TemporaryError],
  });
  const fallbackConfig = new FallbackConfig({
    providers: [Provider.OPENAI, Provider.ANTHROPIC],
    models: ["gpt-5.4", "claude-sonnet-4-6"],
  });

  const tracker = new TokenTracker();
  const budget = new BudgetManager({ maxDailyTokens: 100_000, maxCostUsd: 10.0 });

  const llm = new LLMManager(config, { plugins: [tracker, budget] });
  llm.on("retry-scheduled", (event) => log(`  [retry] ${event.provider} in ${Math.round(event.delayMs)} ms`));
  llm.on("fallback", (event) => log(`  [fallback] ${event.from.provider} -> ${event.to.provider}`));

  tracker.startSession();
  const result = await llm.generate({ template, context, retryConfig, fallbackConfig });
  log("text:", result.text);
  log("answered by:", result.provider, result.model, `after ${result.attempts.length} attempt(s)`);
  log("usage:", JSON.stringify(result.usage), "cost (USD):", result.costUsd);

  let streamed = "";
  for await (const delta of llm.stream({ template, context }).text) streamed += delta;
  log("stream:", streamed);

  const usage = tracker.getSessionUsage(); // tokens and USD, by provider and model
  log(tracker.formatTable(usage));
  return { result, streamed, usage };
}
