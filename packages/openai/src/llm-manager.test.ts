import { LLMManager, type Plugin, RateLimitError } from "@ffc/core";
import { createOpenAIServer, type FakeServer, openaiErrorReply } from "@ffc/testing";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createOpenAI } from "./openai-provider";

// End to end through @ffc/core: manager → attempt → provider → SDK → HTTP → fake server.
const server: FakeServer = await createOpenAIServer({ text: "Paris is the capital of France." });
afterAll(() => server.close());
beforeEach(() => server.reset());

const apiKey = "sk-test-manager-0123456789";

describe("LLMManager with an OpenAI provider object", () => {
  const llm = new LLMManager({
    provider: createOpenAI({ apiKey, baseURL: `${server.url}/v1` }),
    model: "gpt-4o",
    maxTokens: 50,
  });

  it("generates a result with usage and one recorded attempt", async () => {
    const result = await llm.generate({ prompt: "What is the capital of France?" });
    expect(result.text).toBe("Paris is the capital of France.");
    expect(result.provider).toBe("openai");
    expect(result.finishReason).toBe("stop");
    expect(result.usage.inputTokens).toBeGreaterThan(0);
    expect(result.attempts).toHaveLength(1);
    expect(server.requests[0]!.body.max_tokens).toBe(50);
  });

  it("streams text deltas and resolves the same result", async () => {
    const response = llm.stream({ prompt: "What is the capital of France?" });
    const deltas: string[] = [];
    for await (const delta of response.text) deltas.push(delta);
    const result = await response.result;
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.join("")).toBe("Paris is the capital of France.");
    expect(result.text).toBe("Paris is the capital of France.");
    expect(result.usage.outputTokens).toBeGreaterThan(0);
  });

  it("passes typed errors to the manager's events with the vendor's retry hint", async () => {
    const errors: unknown[] = [];
    const observer: Plugin = {
      name: "observer",
      onEvent: (event) => event.type === "attempt-error" && errors.push(event.error),
    };
    const observed = new LLMManager(
      { provider: createOpenAI({ apiKey, baseURL: `${server.url}/v1` }), model: "gpt-4o" },
      { plugins: [observer] },
    );
    server.enqueue(openaiErrorReply("rate-limit", { retryAfterMs: 700 }));
    const error = await observed.generate({ prompt: "hi" }).catch((caught) => caught);
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(errors).toHaveLength(1);
    expect((errors[0] as RateLimitError).retryAfterMs).toBe(700);
  });
});

describe('LLMManager with provider: "openai"', () => {
  it("resolves @ffc/openai lazily and passes it the config's key and base URL", async () => {
    const llm = new LLMManager({
      provider: "openai",
      model: "gpt-4o-mini",
      apiKey,
      baseURL: `${server.url}/v1`,
    });
    const provider = await llm.resolveProvider("openai");
    expect(provider.id).toBe("openai");
    expect(typeof provider.countTokens).toBe("function");
    const result = await llm.generate({ prompt: "What is the capital of France?" });
    expect(result.text).toBe("Paris is the capital of France.");
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${apiKey}`);
    expect(JSON.stringify(llm)).not.toContain(apiKey);
  });
});
