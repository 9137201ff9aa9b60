import { CircuitOpenError, InvalidRequestError, TemporaryError } from "@ffc/core";
import type { BreakerStore } from "@ffc/core/plugin";
import { createTestManager, MockProvider, settled } from "@ffc/testing";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FallbackConfig } from "./fallback-config";
import { MemoryBreakerStore } from "./memory-breaker-store";

const temporary = () => new TemporaryError("overloaded", { status: 503 });

beforeEach(() => {
  // Only the clock is faked: the breaker reads Date.now(), the mock providers need no timers.
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-01-01T00:00:00Z"));
});

afterEach(() => {
  vi.useRealTimers();
});

function chain(
  primaryScript: ConstructorParameters<typeof import("@ffc/testing").MockProvider>[0],
  breaker = {},
) {
  const primary = new MockProvider({ id: "primary", ...primaryScript });
  const secondary = new MockProvider({ id: "secondary", script: [{ text: "from secondary" }] });
  const fallbackConfig = new FallbackConfig({
    targets: [
      { provider: primary, model: "a" },
      { provider: secondary, model: "b" },
    ],
    breaker: { failureThreshold: 3, cooldownMs: 10_000, ...breaker },
  });
  return {
    primary,
    secondary,
    fallbackConfig,
    ...createTestManager({ provider: primary, model: "primary-model" }),
  };
}

describe("the circuit breaker of FallbackConfig", () => {
  it("opens after the configured failures, skips the target during cooldown, and closes after a successful probe", async () => {
    const { primary, llm, fallbackConfig, eventsOf } = chain({
      script: [
        { error: temporary() },
        { error: temporary() },
        { error: temporary() },
        { text: "primary is back" },
      ],
    });
    for (let call = 0; call < 3; call += 1) await llm.generate({ prompt: "hi", fallbackConfig });
    expect(eventsOf("breaker-opened")).toMatchObject([
      { provider: "primary", model: "a", failures: 3, cooldownMs: 10_000 },
    ]);

    const skipped = await llm.generate({ prompt: "hi", fallbackConfig });
    expect(primary.callCount).toBe(3);
    expect(skipped.provider).toBe("secondary");
    expect(CircuitOpenError.isInstance(skipped.attempts[0]?.error)).toBe(true);
    expect(skipped.attempts[0]).toMatchObject({ provider: "primary", model: "a", durationMs: 0 });
    expect((skipped.attempts[0]!.error as Error).message).toBe(
      "Skipped primary/a: its circuit breaker is open, because it failed 3 time(s); it lets a probe through in 10 s.",
    );

    vi.setSystemTime(Date.now() + 10_000);
    const probed = await llm.generate({ prompt: "hi", fallbackConfig });
    expect(probed.text).toBe("primary is back");
    expect(eventsOf("breaker-half-open")).toHaveLength(1);
    expect(eventsOf("breaker-closed")).toMatchObject([{ provider: "primary", model: "a" }]);
    expect((await llm.generate({ prompt: "hi", fallbackConfig })).provider).toBe("primary");
    expect(await fallbackConfig.breakerState({ provider: "primary", model: "a" })).toMatchObject({
      state: "closed",
      failures: 0,
    });
  });

  it("lets only one probe through at a time while half-open", async () => {
    const { primary, llm, fallbackConfig } = chain({
      script: [
        { error: temporary() },
        { error: temporary() },
        { error: temporary() },
        { text: "probe answer" },
      ],
    });
    for (let call = 0; call < 3; call += 1) await llm.generate({ prompt: "hi", fallbackConfig });
    vi.setSystemTime(Date.now() + 10_000);
    const [first, second] = await Promise.all([
      llm.generate({ prompt: "hi", fallbackConfig }),
      llm.generate({ prompt: "hi", fallbackConfig }),
    ]);
    expect(primary.callCount).toBe(4);
    expect([first.provider, second.provider].sort()).toEqual(["primary", "secondary"]);
    const refused = first.provider === "secondary" ? first : second;
    expect((refused.attempts[0]!.error as Error).message).toMatch(/a probe of it is already running/);
  });

  it("opens again for a whole cooldown when the probe fails", async () => {
    const { primary, llm, fallbackConfig, eventsOf } = chain({ script: [{ error: temporary() }] });
    for (let call = 0; call < 3; call += 1) await llm.generate({ prompt: "hi", fallbackConfig });
    vi.setSystemTime(Date.now() + 10_000);
    await llm.generate({ prompt: "hi", fallbackConfig });
    expect(primary.callCount).toBe(4);
    expect(eventsOf("breaker-opened")).toHaveLength(2);
    vi.setSystemTime(Date.now() + 9_999);
    await llm.generate({ prompt: "hi", fallbackConfig });
    expect(primary.callCount).toBe(4);
  });

  it("does not count request errors as failures of the target", async () => {
    const invalid = new InvalidRequestError("bad request", { status: 400 });
    const { llm, fallbackConfig, eventsOf } = chain({ script: [{ error: invalid }] });
    for (let call = 0; call < 5; call += 1) await settled(llm.generate({ prompt: "hi", fallbackConfig }));
    expect(eventsOf("breaker-opened")).toHaveLength(0);
    expect(await fallbackConfig.breakerState({ provider: "primary", model: "a" })).toBeUndefined();
  });

  it("shares breaker state between configs through one store", async () => {
    const store = new MemoryBreakerStore();
    const first = chain({ script: [{ error: temporary() }] }, { store });
    for (let call = 0; call < 3; call += 1)
      await first.llm.generate({ prompt: "hi", fallbackConfig: first.fallbackConfig });
    const second = chain({ script: [{ text: "never asked" }] }, { store });
    const result = await second.llm.generate({ prompt: "hi", fallbackConfig: second.fallbackConfig });
    expect(result.provider).toBe("secondary");
    expect(second.primary.callCount).toBe(0);
  });

  it("lets calls through when the store fails, and says so in an event", async () => {
    const broken: BreakerStore = {
      get: async () => {
        throw new Error("redis unreachable");
      },
      update: async () => {
        throw new Error("redis unreachable");
      },
      delete: async () => {},
    };
    const { llm, fallbackConfig, eventsOf } = chain(
      { script: [{ text: "still served" }] },
      { store: broken },
    );
    expect((await llm.generate({ prompt: "hi", fallbackConfig })).text).toBe("still served");
    expect(eventsOf("breaker-store-error")[0]).toMatchObject({ provider: "primary", model: "a" });
  });

  it("opens in rate mode when the failure rate of the window is reached", async () => {
    const { llm, fallbackConfig, eventsOf } = chain(
      { script: [{ text: "ok" }, { error: temporary() }, { text: "ok" }, { error: temporary() }] },
      { mode: "rate", failureRate: 0.5, minimumCalls: 4, windowMs: 60_000 },
    );
    for (let call = 0; call < 3; call += 1) await llm.generate({ prompt: "hi", fallbackConfig });
    expect(eventsOf("breaker-opened")).toHaveLength(0);
    await llm.generate({ prompt: "hi", fallbackConfig });
    expect(eventsOf("breaker-opened")).toMatchObject([{ failures: 2 }]);
  });
});
