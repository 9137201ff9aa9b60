import { BudgetManager } from "@ffc/budget";
import {
  createOpenAIServer,
  type FakeServer,
  openaiResponsesWireAdapter,
  openaiWireAdapter,
  structuredOutputChecks,
} from "@ffc/testing";
import { afterAll, describe, it } from "vitest";
import { createOpenAI } from "./openai-provider";

const server: FakeServer = await createOpenAIServer();
afterAll(() => server.close());

// The check sizes its limit from the exact input count, so the budget counts exactly.
const budget = (maxDailyTokens: number) => new BudgetManager({ maxDailyTokens, tokenCounting: "exact" });

describe("structured output and the tool loop: Chat Completions", () => {
  const checks = structuredOutputChecks({
    adapter: openaiWireAdapter,
    server,
    createProvider: ({ baseURL, apiKey }) => createOpenAI({ baseURL: `${baseURL}/v1`, apiKey }),
    model: "gpt-4o",
    budget,
  });
  for (const check of checks) it(check.name, check.run);
});

describe("structured output and the tool loop: Responses API", () => {
  const checks = structuredOutputChecks({
    adapter: openaiResponsesWireAdapter,
    server,
    createProvider: ({ baseURL, apiKey }) =>
      createOpenAI({ baseURL: `${baseURL}/v1`, apiKey, api: "responses" }),
    model: "gpt-4o",
    budget,
  });
  for (const check of checks) it(check.name, check.run);
});
