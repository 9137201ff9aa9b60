import { LLMManager } from "@ffc/core";
import { answerOpenAIRequest, createOpenAIServer, type FakeServer } from "@ffc/testing";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createOpenAI } from "./openai-provider";

const server: FakeServer = await createOpenAIServer({ text: "ok" });
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  // Answer as usual, plus the headers OpenAI sends with every response.
  server.setDefault((request) => ({
    ...answerOpenAIRequest(request, { text: "ok" }),
    headers: {
      "x-ratelimit-remaining-requests": "59",
      "x-ratelimit-reset-requests": "1s",
      "x-ratelimit-remaining-tokens": "149984",
      "openai-processing-ms": "12",
    },
  }));
});

describe("rate-limit headers", () => {
  const llm = new LLMManager({
    provider: createOpenAI({ apiKey: "sk-test-headers-0123456789", baseURL: `${server.url}/v1` }),
    model: "gpt-4o",
  });
  const expected = {
    "x-ratelimit-remaining-requests": "59",
    "x-ratelimit-reset-requests": "1s",
    "x-ratelimit-remaining-tokens": "149984",
  };

  it("puts the vendor's rate-limit headers, and only those, on a generated result and its event", async () => {
    const seen: unknown[] = [];
    llm.on("attempt-end", (event) => seen.push(event.rateLimitHeaders));
    const result = await llm.generate({ prompt: "hi" });
    expect(result.rateLimitHeaders).toEqual(expected);
    expect(seen).toEqual([expected]);
  });

  it("puts them on a streamed result too", async () => {
    const result = await llm.stream({ prompt: "hi" }).result;
    expect(result.rateLimitHeaders).toEqual(expected);
  });
});
