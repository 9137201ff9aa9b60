import type { BreakerState, BreakerStore } from "@ffc/core/plugin";
import { describe, expect, it } from "vitest";
import { breakerStoreConformanceChecks } from "./breaker-store-conformance";

/** A map-backed store; each flaw breaks one rule of the contract. */
function storeWith(
  flaw?: "awaits-between-read-and-write" | "resolves-to-the-old-state" | "ignores-delete",
): BreakerStore {
  const states = new Map<string, BreakerState>();
  return {
    get: async (key) => states.get(key),
    async update(key, change) {
      const current = states.get(key);
      if (flaw === "awaits-between-read-and-write") {
        await new Promise((resolve) => setTimeout(resolve, 1));
        const next = change(current);
        states.set(key, next);
        return next;
      }
      const next = change(current);
      states.set(key, next);
      return flaw === "resolves-to-the-old-state" && current ? current : next;
    },
    delete: async (key) => {
      if (flaw !== "ignores-delete") states.delete(key);
    },
  };
}

async function failuresOf(flaw?: Parameters<typeof storeWith>[0]): Promise<string[]> {
  const failed: string[] = [];
  for (const check of breakerStoreConformanceChecks(() => storeWith(flaw))) {
    await check.run().catch(() => failed.push(check.name));
  }
  return failed;
}

describe("breakerStoreConformanceChecks", () => {
  it("passes a store that keeps the contract", async () => {
    expect(await failuresOf()).toEqual([]);
  });

  it("fails a store that lets another update land between its read and its write", async () => {
    expect(await failuresOf("awaits-between-read-and-write")).toEqual([
      "loses no update when 100 updates of one key run at once",
      "stores and resolves to the result of change's last call, however often it is retried",
    ]);
  });

  it("fails a store that resolves to the state before the update", async () => {
    expect(await failuresOf("resolves-to-the-old-state")).toEqual([
      "stores what change returns, resolves to it and reads it back",
      "stores and resolves to the result of change's last call, however often it is retried",
    ]);
  });

  it("fails a store that ignores delete", async () => {
    expect(await failuresOf("ignores-delete")).toEqual([
      "forgets a deleted key, so that it reads as a closed breaker again",
    ]);
  });

  it("says what was wrong in the error", async () => {
    const check = breakerStoreConformanceChecks(() => storeWith("awaits-between-read-and-write"))[3]!;
    await expect(check.run()).rejects.toThrow("failures after 100 concurrent updates: expected 100, got 1");
  });
});
