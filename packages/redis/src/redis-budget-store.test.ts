import { budgetStoreConformanceChecks } from "@ffc/testing";
import { describe, expect, it } from "vitest";
import { RedisBudgetStore } from "./redis-budget-store";
import { hashTagOf } from "./redis-keys";
import { testClusterNodes, testRedisUrl, uniquePrefix } from "./test-support/redis-test-environment";

describe("RedisBudgetStore conformance on a standalone server", () => {
  const keyPrefix = uniquePrefix("budget");
  for (const check of budgetStoreConformanceChecks(
    () => new RedisBudgetStore({ redis: testRedisUrl, keyPrefix }),
  )) {
    it(check.name, check.run);
  }
});

describe("RedisBudgetStore conformance on the 3-node cluster", () => {
  const keyPrefix = uniquePrefix("budget-cluster");
  for (const check of budgetStoreConformanceChecks(
    () => new RedisBudgetStore({ redis: { clusterNodes: testClusterNodes }, keyPrefix }),
  )) {
    it(check.name, check.run);
  }
});

describe("RedisBudgetStore", () => {
  it("keeps every key of one budget in one hash tag", async () => {
    const keyPrefix = uniquePrefix("budget-tags");
    const store = new RedisBudgetStore({ redis: testRedisUrl, keyPrefix });
    try {
      await store.reserve({
        key: "user:1|day:x",
        reservationId: "r",
        amount: { tokens: 1, usd: 0 },
        limits: {},
        ttlMs: 60_000,
        expireKeyAfterMs: 60_000,
      });
      await store.settle({
        key: "user:1|day:x",
        reservationId: "s",
        actual: { tokens: 1, usd: 0 },
        rememberMs: 60_000,
        expireKeyAfterMs: 60_000,
      });
      const keys = await store.client.keys(`${keyPrefix}:*`);
      expect(keys.length).toBe(4);
      expect(new Set(keys.map(hashTagOf))).toEqual(new Set(["budget:user:1|day:x"]));
      await store.client.del(...keys);
    } finally {
      await store.close();
    }
  });

  it("rejects a key prefix with braces, naming the field", () => {
    expect(() => new RedisBudgetStore({ redis: testRedisUrl, keyPrefix: "a{b" })).toThrow(/"keyPrefix"/);
  });

  it("fails quickly with a clear error when Redis is unreachable", async () => {
    const store = new RedisBudgetStore({ redis: { url: "redis://127.0.0.1:1", commandTimeoutMs: 500 } });
    try {
      await expect(store.usage("k")).rejects.toThrow(
        /Redis budget store: usage failed, Redis is unreachable/,
      );
    } finally {
      await store.close();
    }
  });
});
