import { BudgetManager, BudgetUnavailableError } from "@ffc/budget";
import { LLMManager } from "@ffc/core";
import { afterAll, describe, expect, it } from "vitest";
import { RedisBudgetStore } from "./redis-budget-store";
import { countingProvider } from "./test-support/counting-provider";
import { ThrowawayRedis } from "./test-support/throwaway-redis";

const server = new ThrowawayRedis(6391);
afterAll(() => server.kill());

describe("a Redis budget when Redis stops mid-run", () => {
  it("refuses calls while Redis is down and counts every call exactly once after it returns", async () => {
    await server.start();
    const store = new RedisBudgetStore({
      redis: { url: server.url, commandTimeoutMs: 500, connectTimeoutMs: 500 },
    });
    const budget = new BudgetManager({ maxDailyTokens: 1_000_000, store });
    let delayMs = 0;
    const provider = countingProvider({ inputTokens: 10, outputTokens: 90, delayMs: () => delayMs });
    const manager = new LLMManager({ provider, model: "m" }, { plugins: [budget] });
    try {
      for (let call = 0; call < 3; call += 1) await manager.generate({ prompt: "hi", maxTokens: 90 });
      expect((await budget.status()).tokens!.spent).toBe(300);

      // A call in flight when Redis dies: its reservation was made, its settlement cannot be.
      delayMs = 300;
      const inFlight = manager.generate({ prompt: "hi", maxTokens: 90 });
      await new Promise((resolve) => setTimeout(resolve, 100));
      await server.kill();
      await expect(inFlight).resolves.toMatchObject({ text: "ok" });
      expect(budget.pendingSettlements).toBe(1);

      // While Redis is down, calls fail closed before anything is sent.
      delayMs = 0;
      const sentBefore = provider.calls;
      for (let call = 0; call < 3; call += 1) {
        const error = await manager.generate({ prompt: "hi", maxTokens: 90 }).catch((caught) => caught);
        expect(BudgetUnavailableError.isInstance(error)).toBe(true);
        expect(error.message).toMatch(/could not be reached.*refused before any request was sent/);
      }
      expect(provider.calls).toBe(sentBefore);

      await server.start();
      await budget.flush();
      expect(budget.pendingSettlements).toBe(0);
      let status = await budget.status();
      expect(status.tokens).toMatchObject({ spent: 400, reserved: 0 });
      expect(status.reservations).toBe(0);

      // Flushing again and calling again counts nothing twice.
      await budget.flush();
      await manager.generate({ prompt: "hi", maxTokens: 90 });
      status = await budget.status();
      expect(status.tokens).toMatchObject({ spent: 500, reserved: 0 });
    } finally {
      budget.close();
      await store.close();
    }
  });
});
