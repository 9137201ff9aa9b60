import { BudgetManager } from "@ffc/budget";
import { createGoogleServer, googleWireAdapter, structuredOutputChecks } from "@ffc/testing";
import { afterAll, describe, it } from "vitest";
import { createGoogle } from "./google-provider";

const server = await createGoogleServer();
afterAll(() => server.close());

// The check sizes its limit from the exact input count, so the budget counts exactly.
const budget = (maxDailyTokens: number) => new BudgetManager({ maxDailyTokens, tokenCounting: "exact" });

describe("structured output and the tool loop over @google/genai", () => {
  const checks = structuredOutputChecks({
    adapter: googleWireAdapter,
    server,
    createProvider: ({ baseURL, apiKey }) => createGoogle({ apiKey, baseURL }),
    model: "gemini-2.5-flash",
    budget,
  });
  for (const check of checks) it(check.name, check.run);
});
