import { describe, expect, it } from "vitest";
import { StreamAccumulator } from "./stream-accumulator";

describe("StreamAccumulator", () => {
  it("keeps content in stream order and merges runs of text", () => {
    const collected = new StreamAccumulator();
    collected.add({ type: "reasoning-delta", text: "think " });
    collected.add({ type: "reasoning-delta", text: "more", signature: "sig-1" });
    collected.add({ type: "text-delta", text: "Hel" });
    collected.add({ type: "text-delta", text: "lo" });
    collected.add({ type: "reasoning-delta", text: "", signature: "sig-2" });
    collected.add({
      type: "tool-call",
      toolCall: { toolCallId: "c1", toolName: "weather", input: { city: "Oslo" } },
    });
    collected.add({
      type: "finish",
      finishReason: "tool-calls",
      usage: { inputTokens: 3, outputTokens: 4, totalTokens: 7 },
    });
    const result = collected.result("m");
    expect(result.content).toEqual([
      { type: "reasoning", text: "think more", signature: "sig-1" },
      { type: "text", text: "Hello" },
      { type: "reasoning", text: "", signature: "sig-2" },
      { type: "tool-call", toolCallId: "c1", toolName: "weather", input: { city: "Oslo" } },
    ]);
    expect(result.text).toBe("Hello");
    expect(result.reasoning).toBe("think more");
    expect(result.finishReason).toBe("tool-calls");
  });
});

describe("pickRateLimitHeaders", () => {
  it("keeps only the vendors' rate-limit headers, lower-cased", async () => {
    const { pickRateLimitHeaders } = await import("./rate-limit-headers");
    const headers = new Headers({
      "X-RateLimit-Remaining-Requests": "59",
      "anthropic-ratelimit-tokens-remaining": "1000",
      "retry-after": "2",
      authorization: "Bearer secret-key-123",
      "content-type": "application/json",
    });
    expect(pickRateLimitHeaders(headers)).toEqual({
      "x-ratelimit-remaining-requests": "59",
      "anthropic-ratelimit-tokens-remaining": "1000",
      "retry-after": "2",
    });
    expect(pickRateLimitHeaders(new Headers({ "content-type": "text/plain" }))).toBeUndefined();
  });
});
