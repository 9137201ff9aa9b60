import { describe, expect, it } from "vitest";
import {
  googleInBandError,
  googleQuotaExhaustedError,
  googleRateLimitError,
  googleServerError,
  googleTextStream,
  googleUsageMetadata,
} from "./google-replies";
import { googleWireAdapter } from "./google-wire-adapter";

describe("Gemini reply builders", () => {
  it("turns normalized usage into Gemini's: candidates exclude thoughts, prompt includes the cache", () => {
    expect(
      googleUsageMetadata({ inputTokens: 120, outputTokens: 30, cacheReadTokens: 100, reasoningTokens: 10 }),
    ).toEqual({
      promptTokenCount: 120,
      candidatesTokenCount: 20,
      cachedContentTokenCount: 100,
      thoughtsTokenCount: 10,
      totalTokenCount: 150,
    });
  });

  it("streams cumulative usage that reaches the final figures on the last chunk only", () => {
    const reply = googleTextStream({
      chunks: ["a", "b", "c"],
      usage: { inputTokens: 9, outputTokens: 16, reasoningTokens: 10 },
      model: "m",
    });
    const chunks = reply.events.map((event) => JSON.parse(event.data));
    expect(reply.separator).toBe("\r\n\r\n");
    expect(chunks.map((chunk) => chunk.usageMetadata.candidatesTokenCount)).toEqual([2, 4, 6]);
    expect(chunks.map((chunk) => chunk.candidates[0].finishReason)).toEqual([undefined, undefined, "STOP"]);
  });

  it("builds rate-limit and quota errors as Gemini shapes them", () => {
    const limited = googleRateLimitError({ retryDelaySeconds: 34.4, requestId: "req-1" }).body as any;
    expect(limited.error).toMatchObject({ code: 429, status: "RESOURCE_EXHAUSTED" });
    expect(limited.error.details.map((detail: any) => detail["@type"].split(".").at(-1))).toEqual([
      "QuotaFailure",
      "RetryInfo",
      "RequestInfo",
    ]);
    expect(limited.error.details[1].retryDelay).toBe("34.4s");
    const exhausted = googleQuotaExhaustedError().body as any;
    expect(exhausted.error.details).toHaveLength(1);
    expect(exhausted.error.details[0].violations[0].quotaId).toMatch(/PerDay/);
  });

  it("builds 500, 503 and 504 with Google's canonical codes", () => {
    expect(
      [500, 503, 504].map((status) => (googleServerError(status as 500).body as any).error.status),
    ).toEqual(["INTERNAL", "UNAVAILABLE", "DEADLINE_EXCEEDED"]);
  });

  it("builds an error chunk after HTTP 200", () => {
    const reply = googleInBandError({ model: "m" });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.events[1]!.data).error.code).toBe(503);
  });

  it("reads the system prompt and user texts of a recorded body", () => {
    const body = {
      systemInstruction: { parts: [{ text: "Be brief." }] },
      contents: [
        { role: "user", parts: [{ text: "Hi" }] },
        { role: "model", parts: [{ text: "Hello" }] },
        { role: "user", parts: [{ text: "Bye" }, { inlineData: { mimeType: "image/png", data: "" } }] },
      ],
    };
    expect(googleWireAdapter.readPrompt(body)).toEqual({ system: "Be brief.", user: ["Hi", "Bye"] });
  });
});
