import {
  BudgetExceededError,
  ConfigError,
  type Policy,
  StreamInterruptedError,
  TemporaryError,
} from "@ffc/core";
import type { BudgetStore } from "@ffc/core/plugin";
import { createTestManager, MockProvider } from "@ffc/testing";
import { describe, expect, it } from "vitest";
import { BudgetManager } from "./budget-manager";
import type { BudgetManagerOptions } from "./budget-manager-options";
import { BudgetUnavailableError } from "./budget-unavailable-error";
import { FileBudgetStore } from "./file-budget-store";
import { MemoryBudgetStore } from "./memory-budget-store";
import { secondAttemptOn } from "./test-support/second-attempt-on";

function setup(
  options: BudgetManagerOptions,
  provider = new MockProvider({ script: [{ text: "ok", usage: { inputTokens: 60, outputTokens: 40 } }] }),
) {
  const budget = new BudgetManager(options);
  const { llm: manager, eventsOf } = createTestManager({ provider, model: "cheap", plugins: [budget] });
  return { budget, manager, eventsOf, provider };
}

describe("BudgetManager", () => {
  it("refuses a call that does not fit before any request is sent", async () => {
    const { manager, provider, eventsOf } = setup({ maxDailyTokens: 50 });
    const error = await manager.generate({ prompt: "hello", maxTokens: 100 }).catch((caught) => caught);
    expect(BudgetExceededError.isInstance(error)).toBe(true);
    expect(error.details).toMatchObject({
      unit: "tokens",
      limit: 50,
      spent: 0,
      reserved: 0,
      scope: "global",
    });
    expect(error.details.requested).toBeGreaterThan(100);
    expect(provider.callCount).toBe(0);
    expect(eventsOf("budget-refused")).toHaveLength(1);
  });

  it("replaces the reservation with the tokens actually used", async () => {
    const { manager, budget, eventsOf } = setup({ maxDailyTokens: 10_000 });
    await manager.generate({ prompt: "hello", maxTokens: 500 });
    const status = await budget.status();
    expect(status.tokens).toEqual({ limit: 10_000, spent: 100, reserved: 0, remaining: 9_900 });
    expect(status.reservations).toBe(0);
    expect(eventsOf("budget-reserved")[0]!.tokens).toBeGreaterThanOrEqual(500);
    expect(eventsOf("budget-committed")[0]).toMatchObject({
      scope: "global",
      tokens: 100,
      usd: null,
    });
  });

  it("charges every attempt of a call, each at its own model's price", async () => {
    const { manager, budget } = setup({
      maxCostUsd: 10,
      prices: {
        "mock:cheap": { inputPerMillion: 1, outputPerMillion: 1 },
        "mock:dear": { inputPerMillion: 100, outputPerMillion: 100 },
      },
      perAttempt: false,
      fallbackTargets: [{ provider: "mock", model: "dear" }],
    });
    await manager.generate({ prompt: "hello", maxTokens: 10, policies: [secondAttemptOn("dear")] });
    const status = await budget.status();
    // 100 tokens at $1/M plus 100 tokens at $100/M.
    expect(status.usd!.spent).toBeCloseTo(0.0001 + 0.01, 12);
    expect(status.usd!.reserved).toBe(0);
  });

  it("reserves every attempt on its own, so a call that makes several never spends past the limit", async () => {
    const provider = new MockProvider({
      script: [{ text: "ok", usage: { inputTokens: 60, outputTokens: 40 } }],
    });
    // Each attempt reserves its input estimate plus 100 output tokens and spends 100:
    // two fit in 260 tokens, a third does not and is refused before it is sent.
    const { manager, budget, eventsOf } = setup({ maxDailyTokens: 260 }, provider);
    const threeAttempts: Policy = {
      name: "best-of-three",
      stage: "retry",
      async generate(call, next) {
        await next(call);
        await next(call);
        return next(call);
      },
    };
    const error = await manager
      .generate({ prompt: "hello", maxTokens: 100, policies: [threeAttempts] })
      .catch((caught) => caught);
    expect(BudgetExceededError.isInstance(error)).toBe(true);
    expect(provider.callCount).toBe(2);
    expect(eventsOf("budget-reserved")).toHaveLength(2);
    const status = await budget.status();
    expect(status.tokens!.spent).toBe(200);
    expect(status.tokens!.reserved).toBe(0);
  });

  it("reserves at the dearest of the call's model and the fallback targets", async () => {
    const prices = {
      "mock:cheap": { inputPerMillion: 1, outputPerMillion: 1 },
      "mock:dear": { inputPerMillion: 1000, outputPerMillion: 1000 },
    };
    const { manager, eventsOf } = setup({
      maxCostUsd: 10,
      prices,
      perAttempt: false,
      fallbackTargets: [{ provider: "mock", model: "dear" }],
    });
    await manager.generate({ prompt: "hello", maxTokens: 1000 });
    const reserved = eventsOf("budget-reserved")[0]!;
    expect(reserved.usd).toBeCloseTo((reserved.tokens * 1000) / 1_000_000, 9);
  });

  it("releases a failed stream's reservation but still charges the tokens it streamed", async () => {
    const provider = new MockProvider({
      script: [
        { text: "one two three four", failAfterParts: 2, error: new TemporaryError("connection reset") },
      ],
    });
    const { manager, budget, eventsOf } = setup({ maxDailyTokens: 10_000 }, provider);
    const response = manager.stream({ prompt: "hello", maxTokens: 200 });
    await expect(response.result).rejects.toSatisfy((error: unknown) =>
      StreamInterruptedError.isInstance(error),
    );
    const released = eventsOf("budget-released");
    expect(released).toHaveLength(1);
    expect(released[0]!.tokens).toBeGreaterThan(0);
    const status = await budget.status();
    expect(status.tokens!.spent).toBe(released[0]!.tokens);
    expect(status.reservations).toBe(0);
  });

  it("charges the usage a finished stream reports", async () => {
    const { manager, budget } = setup({ maxDailyTokens: 10_000 });
    const response = manager.stream({ prompt: "hello", maxTokens: 200 });
    for await (const _ of response.text) {
      // consume
    }
    await response.result;
    expect((await budget.status()).tokens!.spent).toBe(100);
  });

  it("prices cached input at the cache-read rate from genai-prices", async () => {
    const provider = new MockProvider({
      id: "openai",
      script: [
        { text: "ok", usage: { inputTokens: 1_000_000, cacheReadTokens: 400_000, outputTokens: 100_000 } },
      ],
    });
    const { manager, budget } = setup({ maxCostUsd: 100 }, provider);
    await manager.generate({ prompt: "hello", model: "gpt-4o", maxTokens: 100 });
    // TOOLCHAIN.md: gpt-4o, 1M input (400k cached) and 100k output cost $3.00.
    expect((await budget.status()).usd!.spent).toBeCloseTo(3, 9);
  });

  it("uses supplied prices before genai-prices", async () => {
    const provider = new MockProvider({
      id: "openai",
      script: [{ text: "ok", usage: { inputTokens: 1_000_000, outputTokens: 0 } }],
    });
    const { manager, budget } = setup(
      { maxCostUsd: 100, prices: { "gpt-4o": { inputPerMillion: 7, outputPerMillion: 7 } } },
      provider,
    );
    await manager.generate({ prompt: "hello", model: "gpt-4o", maxTokens: 100 });
    expect((await budget.status()).usd!.spent).toBeCloseTo(7, 9);
  });

  it("refuses a USD budget for a model with no known price, naming the model and the prices option", async () => {
    const { manager, provider } = setup({ maxCostUsd: 5 });
    const error = await manager
      .generate({ prompt: "hello", model: "house-model-1" })
      .catch((caught) => caught);
    expect(ConfigError.isInstance(error)).toBe(true);
    expect(error.message).toContain('"house-model-1"');
    expect(error.message).toContain('"prices"');
    expect(provider.callCount).toBe(0);
  });

  it("warns once per threshold per period", async () => {
    const { manager, eventsOf } = setup({ maxDailyTokens: 1000, warnAt: [0.15, 0.25] });
    for (let call = 0; call < 4; call += 1) await manager.generate({ prompt: "hi", maxTokens: 10 });
    const warnings = eventsOf("budget-warning");
    expect(warnings.map((warning) => [warning.threshold, warning.spent])).toEqual([
      [0.15, 200],
      [0.25, 300],
    ]);
  });

  it("starts a new daily budget at midnight in the configured time zone, not at UTC midnight", async () => {
    let now = Date.parse("2026-01-14T23:59:00Z"); // 18:59 in New York
    const { manager } = setup({ maxDailyTokens: 100, timeZone: "America/New_York", now: () => now });
    await manager.generate({ prompt: "hi", maxTokens: 10 });
    now = Date.parse("2026-01-15T00:00:30Z"); // UTC midnight has passed, New York's has not
    await expect(manager.generate({ prompt: "hi", maxTokens: 10 })).rejects.toSatisfy(
      BudgetExceededError.isInstance,
    );
    now = Date.parse("2026-01-15T04:59:59Z"); // 23:59:59 in New York
    await expect(manager.generate({ prompt: "hi", maxTokens: 10 })).rejects.toSatisfy(
      BudgetExceededError.isInstance,
    );
    now = Date.parse("2026-01-15T05:00:01Z"); // 00:00:01 in New York
    await expect(manager.generate({ prompt: "hi", maxTokens: 10 })).resolves.toBeDefined();
  });

  it("keeps one budget per user and names the scope when a call has no userId", async () => {
    const { manager, budget } = setup({ maxDailyTokens: 100, scope: "user" });
    await manager.generate({ prompt: "hi", maxTokens: 10, metadata: { userId: "ada" } });
    await expect(
      manager.generate({ prompt: "hi", maxTokens: 10, metadata: { userId: "ada" } }),
    ).rejects.toSatisfy(BudgetExceededError.isInstance);
    await expect(
      manager.generate({ prompt: "hi", maxTokens: 10, metadata: { userId: "bob" } }),
    ).resolves.toBeDefined();
    await expect(manager.generate({ prompt: "hi", maxTokens: 10 })).rejects.toThrow(
      /"scope" is "user".*metadata\.userId/,
    );
    expect((await budget.status({ userId: "ada" })).tokens!.spent).toBe(100);
  });

  it("fails at call time, naming scope, when a scope function returns nothing", async () => {
    const { manager, provider } = setup({ maxDailyTokens: 100, scope: () => "" });
    await expect(manager.generate({ prompt: "hi" })).rejects.toThrow(/"scope".*non-empty string/);
    expect(provider.callCount).toBe(0);
  });

  it("refuses the call when the store is unreachable (fail closed)", async () => {
    const { manager, provider, eventsOf } = setup({ maxDailyTokens: 100, store: unreachableStore() });
    const error = await manager.generate({ prompt: "hi", maxTokens: 10 }).catch((caught) => caught);
    expect(BudgetUnavailableError.isInstance(error)).toBe(true);
    expect(error.message).toMatch(/could not be reached.*failMode/);
    expect(provider.callCount).toBe(0);
    expect(eventsOf("budget-unavailable")[0]).toMatchObject({ failMode: "closed" });
  });

  it("lets the call through and says so when failing open", async () => {
    const { manager, provider, eventsOf, budget } = setup({
      maxDailyTokens: 100,
      store: unreachableStore(),
      failMode: "open",
    });
    await manager.generate({ prompt: "hi", maxTokens: 10 });
    expect(provider.callCount).toBe(1);
    expect(eventsOf("budget-unavailable").length).toBeGreaterThan(0);
    expect(budget.pendingSettlements).toBe(1);
    budget.close();
  });
});

describe("BudgetManager options", () => {
  it.each([
    [{ maxDailyTokens: -1 }, /"maxDailyTokens".*at least 0/],
    [{ maxCostUsd: Number.POSITIVE_INFINITY }, /"maxCostUsd".*finite/],
    [{ maxCostUsd: Number.NaN }, /"maxCostUsd"/],
    [{}, /"maxDailyTokens", "maxCostUsd" or both/],
    [{ maxDailyTokens: 1000, failmode: "open" }, /"failmode" is not an option \(did you mean "failMode"\?\)/],
    [
      { maxCostUsd: 1, period: "fortnight" },
      /"period" must be one of "hour", "day", "week", "month", "total", got "fortnight"/,
    ],
    [{ maxCostUsd: 1, timeZone: "Mars/Olympus" }, /"timeZone".*"Mars\/Olympus"/],
    [{ maxCostUsd: 1, scope: "team" }, /"scope".*"team"/],
    [{ maxCostUsd: 1, warnAt: [1.5] }, /"warnAt"/],
    [
      { maxCostUsd: 1, prices: { "x:y": { inputPerMillion: -1, outputPerMillion: 1 } } },
      /"prices\.x:y\.inputPerMillion"/,
    ],
    [{ maxCostUsd: 1, failMode: "sometimes" }, /"failMode"/],
    [{ maxCostUsd: 1, perAttempt: false, attemptsPerCall: 0 }, /"attemptsPerCall"/],
    [{ maxCostUsd: 1, attemptsPerCall: 2 }, /need perAttempt: false/],
    [{ maxCostUsd: 1, store: {} }, /"store" must be a BudgetStore with reserve, settle, usage/],
  ])("rejects %j at construction", (options, message) => {
    expect(() => new BudgetManager(options as BudgetManagerOptions)).toThrow(message);
    expect(() => new BudgetManager(options as BudgetManagerOptions)).toThrow(ConfigError);
  });

  it("names an unknown option in error.field instead of silently staying fail-closed", () => {
    let caught: unknown;
    try {
      new BudgetManager({ maxDailyTokens: 1000, failmode: "open" } as BudgetManagerOptions);
    } catch (error) {
      caught = error;
    }
    expect(ConfigError.isInstance(caught) && caught.field).toBe("failmode");
  });

  it("refuses unknown options of its stores", () => {
    expect(() => new MemoryBudgetStore({ clock: Date.now } as never)).toThrow(/"clock" is not an option/);
    expect(() => new FileBudgetStore({ path: "./b.json", lockTimeout: 5 } as never)).toThrow(
      /"lockTimeout" is not an option \(did you mean "lockTimeoutMs"\?\)/,
    );
  });
});

function unreachableStore(): BudgetStore {
  const fail = async (): Promise<never> => {
    throw new Error("connect ECONNREFUSED 127.0.0.1:6391");
  };
  return { reserve: fail, settle: fail, usage: fail };
}
