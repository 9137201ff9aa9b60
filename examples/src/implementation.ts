// The guide's "Example Implementation", in TypeScript.
import {
  Context,
  type LLMConfig,
  LLMManager,
  PromptTemplate,
  Provider,
  RateLimitError,
  TemporaryError,
} from "@ffc/core";
import { FallbackConfig } from "@ffc/fallback";
import { RetryConfig } from "@ffc/retry";

/** Asks the model to analyze a piece of code, with retry and fallback. */
export async function runImplementation(sourceCode: string): Promise<string> {
  const config: LLMConfig = { provider: Provider.OPENAI, model: "gpt-5.4", maxTokens: 2000 };
  const retryConfig = new RetryConfig({
    maxRetries: 3,
    backoffFactor: 1.5,
    errorsToRetry: [RateLimitError, TemporaryError],
  });
  const fallbackConfig = new FallbackConfig({
    providers: [Provider.OPENAI, Provider.ANTHROPIC],
    models: ["gpt-5.4", "claude-sonnet-4-6"],
  });

  // Initialize LLM manager
  const llm = new LLMManager(config);

  // Create prompt template
  const template = new PromptTemplate({
    name: "analysis",
    content: "Analyze the following code: {code}",
  });

  // Prepare context
  const context = new Context();
  context.add("code", sourceCode);

  // Execute LLM call with retry and fallback
  const result = await llm.generate({ template, context, retryConfig, fallbackConfig });
  return result.text;
}
