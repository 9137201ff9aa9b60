import { LLMManager } from "@ffc/core";
import { anthropicDefaultHandler, createAnthropicServer, type FakeServer } from "@ffc/testing";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createAnthropic } from "./anthropic-provider";

const server: FakeServer = await createAnthropicServer();
afterAll(() => server.close());
const answer = anthropicDefaultHandler();
beforeEach(() => {
  server.reset();
  // Answer as usual, plus the rate-limit headers Anthropic sends (resets are RFC 3339 times).
  server.setDefault((request) => ({
    ...answer(request),
    headers: {
      "anthropic-ratelimit-requests-remaining": "49",
      "anthropic-ratelimit-requests-reset": "2026-11-28T12:00:30Z",
      "request-id": "req_011CheaderTest",
    },
  }));
});

describe("rate-limit headers", () => {
  const llm = new LLMManager({
    provider: createAnthropic({ apiKey: "sk-ant-test-headers-0123456789", baseURL: server.url }),
    model: "claude-haiku-4-5",
    maxTokens: 64,
  });
  const expected = {
    "anthropic-ratelimit-requests-remaining": "49",
    "anthropic-ratelimit-requests-reset": "2026-11-28T12:00:30Z",
  };

  it("puts the rate-limit headers, and only those, on a generated result", async () => {
    const result = await llm.generate({ prompt: "hi" });
    expect(result.rateLimitHeaders).toEqual(expected);
  });

  it("puts them on a streamed result too", async () => {
    const result = await llm.stream({ prompt: "hi" }).result;
    expect(result.rateLimitHeaders).toEqual(expected);
  });
});
