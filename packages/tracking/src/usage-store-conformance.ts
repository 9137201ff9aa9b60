import type { UsageStore } from "@ffc/core/plugin";

/** One check of the usage store conformance suite. */
export interface UsageStoreCheck {
  name: string;
  run(): Promise<void>;
}

/**
 * The checks every UsageStore passes (memory, Redis, yours). `createStore` must return a store
 * with fresh, empty keys each time (e.g. a unique key prefix). Run them with any test runner:
 * `for (const check of usageStoreConformanceChecks(create)) it(check.name, check.run)`.
 */
export function usageStoreConformanceChecks(createStore: () => UsageStore): UsageStoreCheck[] {
  const usage = {
    inputTokens: 100,
    outputTokens: 20,
    totalTokens: 120,
    cacheReadTokens: 40,
    reasoningTokens: 5,
  };
  const check = (name: string, body: (store: UsageStore) => Promise<void>): UsageStoreCheck => ({
    name,
    run: async () => {
      const store = createStore();
      try {
        await body(store);
      } finally {
        await store.close?.();
      }
    },
  });
  return [
    check("answers undefined for a key nothing was added to", async (store) => {
      equal(await store.get("total"), undefined, "get of an empty key");
    }),
    check("adds usage, cost and attempts to every key given", async (store) => {
      await store.add(["total", "provider:openai"], usage, 0.5);
      await store.add(["total"], usage, 0.25);
      const total = await store.get("total");
      equal(total?.attempts, 2, "attempts");
      equal(total?.usage.inputTokens, 200, "inputTokens");
      equal(total?.usage.outputTokens, 40, "outputTokens");
      equal(total?.usage.totalTokens, 240, "totalTokens");
      equal(total?.usage.cacheReadTokens, 80, "cacheReadTokens");
      equal(total?.usage.reasoningTokens, 10, "reasoningTokens");
      close(total?.costUsd, 0.75, "costUsd");
      equal((await store.get("provider:openai"))?.attempts, 1, "attempts of the second key");
    }),
    check("counts an unknown price as unpriced, never as zero cost", async (store) => {
      await store.add(["total"], usage, null);
      await store.add(["total"], usage, 0.1);
      const total = await store.get("total");
      equal(total?.unpricedAttempts, 1, "unpricedAttempts");
      close(total?.costUsd, 0.1, "costUsd");
    }),
    check("never loses one of 200 concurrent adds", async (store) => {
      const one = { inputTokens: 3, outputTokens: 2, totalTokens: 5 };
      await Promise.all(Array.from({ length: 200 }, () => store.add(["total", "user:ada"], one, 0.000001)));
      const total = await store.get("total");
      equal(total?.attempts, 200, "attempts");
      equal(total?.usage.totalTokens, 1000, "totalTokens");
      close(total?.costUsd, 0.0002, "costUsd");
      equal((await store.get("user:ada"))?.usage.inputTokens, 600, "inputTokens of the second key");
    }),
  ];
}

function equal(actual: unknown, expected: unknown, what: string): void {
  if (actual !== expected) throw new Error(`${what}: expected ${String(expected)}, got ${String(actual)}`);
}

function close(actual: number | undefined, expected: number, what: string): void {
  if (actual === undefined || Math.abs(actual - expected) > 1e-9) {
    throw new Error(`${what}: expected ${expected}, got ${String(actual)}`);
  }
}
