import { describe, expect, it } from "vitest";
import {
  AbortError,
  AllProvidersFailedError,
  BudgetExceededError,
  FFCError,
  RateLimitError,
  StreamInterruptedError,
  TemporaryError,
  TimeoutError,
} from "./errors/index";

describe("errors", () => {
  it("recognises errors made by another copy of the library through Symbol.for markers", () => {
    // What a second installed copy of @ffc/core would produce: a plain object with the markers.
    const foreign = Object.assign(new Error("from another copy"), {
      [Symbol.for("ffc.error")]: true,
      [Symbol.for("ffc.error.RateLimitError")]: true,
      [Symbol.for("ffc.error.FFCError")]: true,
    });
    expect(RateLimitError.isInstance(foreign)).toBe(true);
    expect(FFCError.isInstance(foreign)).toBe(true);
    expect(TemporaryError.isInstance(foreign)).toBe(false);
  });

  it("marks subclasses with their ancestors", () => {
    const error = new RateLimitError("slow down", { retryAfterMs: 2000, provider: "openai", status: 429 });
    expect(FFCError.isInstance(error)).toBe(true);
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(error.name).toBe("RateLimitError");
    expect(error.retryable).toBe(true);
    expect(error.retryAfterMs).toBe(2000);
  });

  it("makes an exhausted quota not retryable", () => {
    expect(new RateLimitError("quota", { quotaExhausted: true }).retryable).toBe(false);
  });

  it("sets the retryable defaults the design names", () => {
    expect(new TemporaryError("x").retryable).toBe(true);
    expect(new TimeoutError("x").retryable).toBe(true);
    expect(new AbortError("x").retryable).toBe(false);
    expect(new AllProvidersFailedError("x", []).retryable).toBe(false);
    expect(new StreamInterruptedError("x", []).retryable).toBe(false);
  });

  it("keeps the cause and serializes without it", () => {
    const cause = new Error("socket hang up");
    const error = new TemporaryError("network", { cause, requestId: "req_1" });
    expect(error.cause).toBe(cause);
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({
      name: "TemporaryError",
      requestId: "req_1",
      retryable: true,
    });
  });

  it("holds the figures of a budget refusal", () => {
    const details = {
      unit: "usd" as const,
      limit: 10,
      spent: 9.5,
      reserved: 0.4,
      requested: 0.2,
      scope: "global",
    };
    const error = new BudgetExceededError("over", details);
    expect(error.details).toEqual(details);
    expect(JSON.parse(JSON.stringify(error)).details).toEqual(details);
  });

  it("collects the partial text of an interrupted stream", () => {
    const error = new StreamInterruptedError("cut", [
      { type: "text-delta", text: "Hel" },
      { type: "reasoning-delta", text: "hmm" },
      { type: "text-delta", text: "lo" },
    ]);
    expect(error.partialText).toBe("Hello");
  });
});
