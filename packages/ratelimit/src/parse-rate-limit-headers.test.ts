import { describe, expect, it } from "vitest";
import { parseGoDuration, parseRateLimitHeaders } from "./parse-rate-limit-headers";

describe("parseGoDuration", () => {
  it.each([
    ["6m0s", 360_000],
    ["12ms", 12],
    ["1s", 1000],
    ["1h2m3.5s", 3_723_500],
    ["250us", 0.25],
    ["0s", 0],
  ])("reads %s as %d ms", (text, ms) => {
    expect(parseGoDuration(text)).toBeCloseTo(ms, 6);
  });

  it("rejects what is not a Go duration", () => {
    expect(parseGoDuration("soon")).toBeUndefined();
    expect(parseGoDuration("12")).toBeUndefined();
    expect(parseGoDuration("")).toBeUndefined();
  });
});

describe("parseRateLimitHeaders", () => {
  it("reads OpenAI's x-ratelimit headers with Go-duration resets", () => {
    const headers = new Headers({
      "x-ratelimit-limit-requests": "500",
      "x-ratelimit-remaining-requests": "0",
      "x-ratelimit-reset-requests": "6m0s",
      "x-ratelimit-limit-tokens": "30000",
      "x-ratelimit-remaining-tokens": "29000",
      "x-ratelimit-reset-tokens": "12ms",
    });
    expect(parseRateLimitHeaders(headers, 0)).toEqual({
      requests: { limit: 500, remaining: 0, resetMs: 360_000 },
      tokens: { limit: 30_000, remaining: 29_000, resetMs: 12 },
    });
  });

  it("reads Anthropic's RFC 3339 resets and keeps the tightest token limit", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    const state = parseRateLimitHeaders(
      {
        "Anthropic-Ratelimit-Requests-Limit": "50",
        "anthropic-ratelimit-requests-remaining": "49",
        "anthropic-ratelimit-requests-reset": "2026-01-01T00:00:01Z",
        "anthropic-ratelimit-input-tokens-remaining": "1000",
        "anthropic-ratelimit-input-tokens-reset": "2026-01-01T00:00:30Z",
        "anthropic-ratelimit-output-tokens-remaining": "200",
        "anthropic-ratelimit-output-tokens-reset": "2026-01-01T00:00:05Z",
        "retry-after": "3",
      },
      now,
    );
    expect(state.requests).toEqual({ limit: 50, remaining: 49, resetMs: 1000 });
    expect(state.tokens).toEqual({ remaining: 200, resetMs: 5000 });
    expect(state.retryAfterMs).toBe(3000);
  });

  it("prefers retry-after-ms and leaves out what is missing or unreadable", () => {
    const state = parseRateLimitHeaders({
      "retry-after-ms": "1500",
      "retry-after": "9",
      "x-ratelimit-remaining-tokens": "lots",
    });
    expect(state).toEqual({ retryAfterMs: 1500 });
  });
});
