import { configErrorOf } from "@ffc/testing";
import { describe, expect, it } from "vitest";
import { MemoryRateLimitStore } from "./memory-rate-limit-store";
import { RateLimiter } from "./rate-limiter";

describe("RateLimiter options", () => {
  it("refuses an unknown option, naming it in error.field", () => {
    const error = configErrorOf(
      () => new RateLimiter({ limits: [{ requestsPerMinute: 5 }], onlimit: "refuse" } as never),
    );
    expect(error.field).toBe("onlimit");
    expect(error.message).toBe(
      'Invalid RateLimiter options: "onlimit" is not an option (did you mean "onLimit"?).',
    );
  });

  it("names a bad rule by its path and collects every problem", () => {
    const error = configErrorOf(
      () => new RateLimiter({ limits: [{ requestsPerMinute: 0 }, { rpm: 5 }], maxWaitMs: -1 } as never),
    );
    expect(error.problems.map((problem) => problem.field)).toEqual([
      "limits[0].requestsPerMinute",
      "limits[1].rpm",
      "maxWaitMs",
    ]);
  });

  it("refuses a rule that limits nothing and a store without take", () => {
    expect(configErrorOf(() => new RateLimiter({ limits: [{ provider: "openai" }] })).field).toBe(
      "limits[0]",
    );
    expect(
      configErrorOf(() => new RateLimiter({ limits: [{ requestsPerMinute: 1 }], store: {} as never })).field,
    ).toBe("store");
  });

  it("refuses an unknown option of the memory store", () => {
    expect(configErrorOf(() => new MemoryRateLimitStore({ clock: Date.now } as never)).field).toBe("clock");
  });
});
