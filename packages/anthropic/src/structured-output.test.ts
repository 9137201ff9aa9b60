import { BudgetManager } from "@ffc/budget";
import { anthropicWireAdapter, createAnthropicServer, structuredOutputChecks } from "@ffc/testing";
import { afterAll, describe, it } from "vitest";
import { createAnthropic } from "./anthropic-provider";

const server = await createAnthropicServer();
afterAll(() => server.close());

// The check sizes its limit from the exact input count, so the budget counts exactly.
const budget = (maxDailyTokens: number) => new BudgetManager({ maxDailyTokens, tokenCounting: "exact" });

describe("structured output and the tool loop over the Anthropic SDK", () => {
  const checks = structuredOutputChecks({
    adapter: anthropicWireAdapter,
    server,
    createProvider: ({ baseURL, apiKey }) => createAnthropic({ baseURL, apiKey }),
    model: "claude-sonnet-4-6",
    budget,
  });
  for (const check of checks) it(check.name, check.run);
});
