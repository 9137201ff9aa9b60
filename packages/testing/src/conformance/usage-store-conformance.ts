import type { UsageStore } from "@ffc/core/plugin";
import { type ConformanceCheck, type StoreFactory, storeCheckBuilder } from "./conformance-check";
import { expectClose, expectEqual } from "./expectations";

/**
 * The checks every UsageStore (memory, Redis, your own) must pass:
 * `for (const check of usageStoreConformanceChecks(() => new MyStore())) it(check.name, check.run)`.
 */
export function usageStoreConformanceChecks(createStore: StoreFactory<UsageStore>): ConformanceCheck[] {
  const check = storeCheckBuilder(createStore);
  const usage = {
    inputTokens: 100,
    outputTokens: 20,
    totalTokens: 120,
    cacheReadTokens: 40,
    reasoningTokens: 5,
  };
  return [
    check("answers undefined for a key nothing was added to", async (store, key) => {
      expectEqual(await store.get(key("total")), undefined, "get of an empty key");
    }),
    check("adds usage, cost and attempts to every key given", async (store, key) => {
      await store.add([key("total"), key("provider:openai")], usage, 0.5);
      await store.add([key("total")], usage, 0.25);
      const total = await store.get(key("total"));
      expectEqual(total?.attempts, 2, "attempts");
      expectEqual(total?.usage.inputTokens, 200, "inputTokens");
      expectEqual(total?.usage.outputTokens, 40, "outputTokens");
      expectEqual(total?.usage.totalTokens, 240, "totalTokens");
      expectEqual(total?.usage.cacheReadTokens, 80, "cacheReadTokens");
      expectEqual(total?.usage.reasoningTokens, 10, "reasoningTokens");
      expectClose(total?.costUsd, 0.75, "costUsd");
      expectEqual((await store.get(key("provider:openai")))?.attempts, 1, "attempts of the second key");
    }),
    check("counts an unknown price as unpriced, never as zero cost", async (store, key) => {
      await store.add([key("total")], usage, null);
      await store.add([key("total")], usage, 0.1);
      const total = await store.get(key("total"));
      expectEqual(total?.unpricedAttempts, 1, "unpricedAttempts");
      expectClose(total?.costUsd, 0.1, "costUsd");
    }),
    check("never loses one of 200 concurrent adds", async (store, key) => {
      const one = { inputTokens: 3, outputTokens: 2, totalTokens: 5 };
      await Promise.all(
        Array.from({ length: 200 }, () => store.add([key("total"), key("user:ada")], one, 0.000001)),
      );
      const total = await store.get(key("total"));
      expectEqual(total?.attempts, 200, "attempts");
      expectEqual(total?.usage.totalTokens, 1000, "totalTokens");
      expectClose(total?.costUsd, 0.0002, "costUsd");
      expectEqual(
        (await store.get(key("user:ada")))?.usage.inputTokens,
        600,
        "inputTokens of the second key",
      );
    }),
  ];
}
