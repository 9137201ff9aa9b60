// Structured output and the tool loop (docs/structured-output-and-tools.md): a typed, validated
// object, then a tool that FFC runs inside the call, priced step by step by the tracker.

import { LLMManager, Provider, type StepResult, tool } from "@ffc/core";
import { TokenTracker } from "@ffc/tracking";
import { z } from "zod";

const Weather = z.object({ city: z.string(), tempC: z.number() });

/** What the example produced, for the demo to show and the tests to check. */
export interface StructuredToolsOutcome {
  weather: z.infer<typeof Weather>;
  advice: string;
  steps: StepResult[];
  toolRuns: string[];
}

/** Asks for a typed object, then lets the model call a weather tool that FFC runs. */
export async function runStructuredTools(log = console.log): Promise<StructuredToolsOutcome> {
  const tracker = new TokenTracker();
  const llm = new LLMManager(
    { provider: Provider.OPENAI, model: "gpt-4o", apiKey: process.env.OPENAI_API_KEY, maxTokens: 500 },
    { plugins: [tracker] },
  );

  const report = await llm.generate({
    prompt: "Current weather in Paris as JSON with city and tempC.",
    responseFormat: { type: "json", schema: Weather, repair: { maxAttempts: 1 } },
  });
  log(`object: ${report.object.city}, ${report.object.tempC} °C (validated, typed)`);

  const toolRuns: string[] = [];
  const getWeather = tool({
    name: "getWeather",
    description: "Current weather in a city",
    inputSchema: z.object({ city: z.string() }),
    execute: async ({ city }) => {
      toolRuns.push(city);
      return { city, tempC: 21 };
    },
  });
  llm.on("tool-call-end", (event) => log(`tool ${event.toolName} ran in ${event.durationMs.toFixed(1)} ms`));
  const answer = await llm.generate({
    prompt: "What should I wear in Paris today?",
    tools: [getWeather],
    maxSteps: 5,
  });
  for (const step of answer.steps ?? []) {
    log(
      `step ${step.step}: ${step.toolCalls.length} tool call(s), ${step.usage.totalTokens} tokens, $${step.costUsd?.toFixed(6)}`,
    );
  }
  log(`answer: ${answer.text} (${answer.usage.totalTokens} tokens in all)`);
  return { weather: report.object, advice: answer.text, steps: answer.steps ?? [], toolRuns };
}
