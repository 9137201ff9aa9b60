import { AbortError, type LanguageRequest } from "@ffc/core";
import { anthropicErrorReply, createAnthropicServer } from "@ffc/testing";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createAnthropic } from "./anthropic-provider";
import { estimateTokens } from "./count-tokens";

const server = await createAnthropicServer();
afterAll(() => server.close());
beforeEach(() => server.reset());

const provider = () => createAnthropic({ apiKey: "sk-ant-count-key", baseURL: server.url });
const request: LanguageRequest = {
  model: "claude-sonnet-4-6",
  messages: [
    { role: "system", content: "Be brief." },
    { role: "user", content: "How many tokens is this sentence?" },
  ],
  tools: [{ name: "calc", inputSchema: { type: "object" } }],
};

describe("countTokens", () => {
  it("asks the count_tokens endpoint with the mapped system, messages and tools", async () => {
    server.enqueue({ kind: "json", status: 200, body: { input_tokens: 27 } });
    expect(await provider().countTokens(request)).toBe(27);
    const received = server.requests[0]!;
    expect(received.path).toBe("/v1/messages/count_tokens");
    expect(received.body).toEqual({
      model: "claude-sonnet-4-6",
      system: "Be brief.",
      messages: [{ role: "user", content: "How many tokens is this sentence?" }],
      tools: [{ name: "calc", input_schema: { type: "object" } }],
    });
  });

  it("falls back to a local estimate when the endpoint fails or is unreachable", async () => {
    server.enqueue(anthropicErrorReply("overloaded"), { kind: "reset" });
    const expected = estimateTokens(request);
    expect(expected).toBeGreaterThan(0);
    expect(await provider().countTokens(request)).toBe(expected);
    expect(await provider().countTokens(request)).toBe(expected);
    expect(server.requests).toHaveLength(2);
  });

  it("does not hide an abort behind the estimate", async () => {
    server.enqueue({ kind: "hang" });
    const error = await provider()
      .countTokens({ ...request, signal: AbortSignal.timeout(50) })
      .catch((thrown) => thrown);
    expect(AbortError.isInstance(error)).toBe(true);
  });
});
