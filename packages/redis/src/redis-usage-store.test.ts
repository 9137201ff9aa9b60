import { ConfigError } from "@ffc/core";
import { usageStoreConformanceChecks } from "@ffc/testing";
import { describe, expect, it } from "vitest";
import type { RedisConnectionOptions } from "./redis-connection";
import { RedisUsageStore } from "./redis-usage-store";
import { testClusterNodes, testRedisUrl, uniquePrefix } from "./test-support/redis-test-environment";

const deployments: Array<[string, () => RedisConnectionOptions]> = [
  ["standalone Redis", () => ({ url: testRedisUrl })],
  ["Redis Cluster", () => ({ clusterNodes: testClusterNodes })],
];

describe.each(deployments)("RedisUsageStore on %s", (_name, connection) => {
  let run = 0;
  // Every check gets fresh keys, as the conformance suite asks.
  const createStore = () =>
    new RedisUsageStore({ redis: connection(), keyPrefix: uniquePrefix(`usage${++run}`) });

  describe("conformance", () => {
    for (const check of usageStoreConformanceChecks(createStore)) it(check.name, check.run);
  });

  it("shares totals between two stores (two processes) on the same prefix", async () => {
    const prefix = uniquePrefix("usage-shared");
    const stores = [0, 1].map(() => new RedisUsageStore({ redis: connection(), keyPrefix: prefix }));
    try {
      await stores[0]!.add(["total"], { inputTokens: 5, outputTokens: 1, totalTokens: 6 }, 0.01);
      await stores[1]!.add(["total"], { inputTokens: 7, outputTokens: 2, totalTokens: 9 }, 0.02);
      const total = await stores[0]!.get("total");
      expect(total?.usage).toEqual({ inputTokens: 12, outputTokens: 3, totalTokens: 15 });
      expect(total?.costUsd).toBeCloseTo(0.03, 9);
      expect(total?.attempts).toBe(2);
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
  });
});

describe("RedisUsageStore options", () => {
  it("rejects a key prefix with braces, naming the option", () => {
    expect(() => new RedisUsageStore({ redis: { url: testRedisUrl }, keyPrefix: "a{b}" })).toThrow(
      ConfigError,
    );
    expect(() => new RedisUsageStore({ redis: { url: testRedisUrl }, keyPrefix: "a{b}" })).toThrow(
      /"keyPrefix"/,
    );
  });
});
