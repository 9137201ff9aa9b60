import { describe, expect, it } from "vitest";
import { type BackoffSettings, backoffDelay } from "./backoff";

const settings = (overrides: Partial<BackoffSettings>): BackoffSettings => ({
  backoffFactor: 2,
  initialDelayMs: 100,
  maxDelayMs: 1000,
  jitter: "none",
  random: () => 0.5,
  ...overrides,
});

describe("backoffDelay", () => {
  it("grows by backoffFactor and stops at maxDelayMs without jitter", () => {
    const none = settings({ backoffFactor: 1.5 });
    expect([1, 2, 3, 4, 10].map((retry) => backoffDelay(none, retry, 0))).toEqual([
      100, 150, 225, 337.5, 1000,
    ]);
  });

  it("spreads full jitter uniformly between 0 and the exponential delay", () => {
    expect(backoffDelay(settings({ jitter: "full", random: () => 0 }), 3, 0)).toBe(0);
    expect(backoffDelay(settings({ jitter: "full", random: () => 0.5 }), 3, 0)).toBe(200);
    expect(backoffDelay(settings({ jitter: "full", random: () => 0.999 }), 3, 0)).toBeCloseTo(399.6);
  });

  it("keeps decorrelated jitter between initialDelayMs and three times the previous delay", () => {
    expect(backoffDelay(settings({ jitter: "decorrelated", random: () => 0 }), 2, 300)).toBe(100);
    expect(backoffDelay(settings({ jitter: "decorrelated", random: () => 1 }), 2, 300)).toBe(900);
    expect(backoffDelay(settings({ jitter: "decorrelated", random: () => 1 }), 2, 600)).toBe(1000);
  });
});
