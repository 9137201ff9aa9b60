import { LLMManager, Provider, unregisterProvider } from "@ffc/core";
import { createGoogleServer } from "@ffc/testing";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createGoogle } from "./google-provider";
import { testApiKey } from "./test-support/google-transports";

const server = await createGoogleServer({ apiKey: testApiKey, text: "Paris is the capital of France." });
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  unregisterProvider("google");
});

describe("@ffc/google under LLMManager", () => {
  it("generates through a provider object", async () => {
    const llm = new LLMManager({
      provider: createGoogle({ apiKey: testApiKey, baseURL: server.url }),
      model: "gemini-2.5-flash",
    });
    const result = await llm.generate({ prompt: "What is the capital of France?" });
    expect(result.text).toBe("Paris is the capital of France.");
    expect(result.provider).toBe("google");
    expect(result.attempts).toHaveLength(1);
    expect(result.usage.outputTokens).toBeGreaterThan(0);
  });

  it("streams through a provider object and ends in the same result", async () => {
    const llm = new LLMManager({
      provider: createGoogle({ apiKey: testApiKey, baseURL: server.url }),
      model: "gemini-2.5-flash",
    });
    const response = llm.stream({ prompt: "What is the capital of France?" });
    const deltas: string[] = [];
    for await (const delta of response.text) deltas.push(delta);
    const result = await response.result;
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.join("")).toBe("Paris is the capital of France.");
    expect(result.finishReason).toBe("stop");
    expect(server.requests[0]!.path).toContain(":streamGenerateContent");
  });

  it('resolves provider "google" lazily to this package with the config\'s key and base URL', async () => {
    const llm = new LLMManager({
      provider: Provider.GOOGLE,
      model: "gemini-2.5-flash",
      apiKey: testApiKey,
      baseURL: server.url,
    });
    const result = await llm.generate({ prompt: "What is the capital of France?" });
    expect(result.text).toBe("Paris is the capital of France.");
    expect(server.requests[0]!.headers["x-goog-api-key"]).toBe(testApiKey);
    const provider = await llm.resolveProvider("google");
    // genai-prices, the catalog's first source for windows, rounds Gemini's 1,048,576 down to 1,000,000.
    expect(provider.modelInfo?.("gemini-2.0-flash")?.contextWindow).toBe(1_000_000);
  });
});
