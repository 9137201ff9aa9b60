import { RateLimitError } from "@ffc/core";
import { describe, expect, it } from "vitest";
import { spanEventFor } from "./span-events";

const base = { callId: "call_1", timestamp: 0 };

describe("spanEventFor", () => {
  it("copies budget figures and leaves out an unknown USD amount", () => {
    expect(
      spanEventFor({ ...base, type: "budget-reserved", scope: "global", tokens: 1200, usd: null }),
    ).toEqual({
      name: "ffc.budget.reserved",
      attributes: { "ffc.budget.scope": "global", "ffc.budget.tokens": 1200 },
    });
    expect(
      spanEventFor({ ...base, type: "budget-committed", scope: "global", tokens: 900, usd: 0.01 }),
    ).toEqual({
      name: "ffc.budget.committed",
      attributes: { "ffc.budget.scope": "global", "ffc.budget.tokens": 900, "ffc.budget.usd": 0.01 },
    });
  });

  it("records rate-limit waits and refusals with the error's class", () => {
    expect(
      spanEventFor({
        ...base,
        type: "rate-limit-waited",
        provider: "openai",
        model: "gpt-4o",
        waitedMs: 250,
        scope: "global",
      }),
    ).toEqual({
      name: "ffc.rate_limit.waited",
      attributes: {
        "ffc.target.provider": "openai",
        "ffc.target.model": "gpt-4o",
        "ffc.rate_limit.scope": "global",
        "ffc.rate_limit.waited_ms": 250,
      },
    });
    expect(
      spanEventFor({
        ...base,
        type: "retry-give-up",
        provider: "openai",
        model: "gpt-4o",
        attempts: 4,
        error: new RateLimitError("quota", { quotaExhausted: true }),
        reason: "not retryable",
      }),
    ).toEqual({
      name: "ffc.retry.give_up",
      attributes: { "ffc.attempts": 4, "ffc.retry.reason": "not retryable", "error.type": "RateLimitError" },
    });
  });

  it("records which context entries were dropped and how many values were sanitized, never the values", () => {
    expect(
      spanEventFor({
        ...base,
        type: "context-fitted",
        dropped: ["history"],
        truncated: [],
        tokens: 900,
        maxInputTokens: 1000,
      }),
    ).toEqual({
      name: "ffc.context.fitted",
      attributes: {
        "ffc.context.dropped": ["history"],
        "ffc.context.truncated": [],
        "ffc.context.tokens": 900,
        "ffc.context.max_input_tokens": 1000,
      },
    });
    const sanitized = spanEventFor({
      ...base,
      type: "input-sanitized",
      template: "support_reply",
      reports: [{ variable: "question", changes: ["control characters removed"] }] as never,
    });
    expect(sanitized).toEqual({
      name: "ffc.input.sanitized",
      attributes: { "ffc.prompt.template": "support_reply", "ffc.input.sanitized_values": 1 },
    });
  });

  it("gives no span event for the events that shape spans", () => {
    expect(
      spanEventFor({ ...base, type: "attempt-start", provider: "openai", model: "gpt-4o", attempt: 1 }),
    ).toBeUndefined();
  });
});
