import { ResponseCache } from "@ffc/cache";
import { ConfigError, LLMManager } from "@ffc/core";
import { cacheStoreConformanceChecks, MockProvider } from "@ffc/testing";
import { describe, expect, it } from "vitest";
import { RedisCacheStore } from "./redis-cache-store";
import type { RedisConnectionOptions } from "./redis-connection";
import { testClusterNodes, testRedisUrl, uniquePrefix } from "./test-support/redis-test-environment";

const deployments: Array<[string, () => RedisConnectionOptions]> = [
  ["standalone Redis", () => ({ url: testRedisUrl })],
  ["Redis Cluster", () => ({ clusterNodes: testClusterNodes })],
];

describe.each(deployments)("RedisCacheStore on %s", (_name, connection) => {
  const prefix = uniquePrefix("cache");
  const createStore = () => new RedisCacheStore({ redis: connection(), keyPrefix: prefix });

  describe("conformance", () => {
    for (const check of cacheStoreConformanceChecks(createStore)) it(check.name, check.run);
  });

  it("answers a second process's identical call from Redis without sending it", async () => {
    const caches = [new ResponseCache({ store: createStore() }), new ResponseCache({ store: createStore() })];
    const providers = [
      new MockProvider({ script: [{ text: "shared" }] }),
      new MockProvider({ script: [{ text: "other" }] }),
    ];
    const managers = caches.map(
      (cache, index) => new LLMManager({ provider: providers[index]!, model: "m" }, { plugins: [cache] }),
    );
    try {
      const prompt = `question ${prefix}`;
      expect((await managers[0]!.generate({ prompt })).text).toBe("shared");
      const second = await managers[1]!.generate({ prompt });
      expect(second.text).toBe("shared");
      expect(second.cached).toBe(true);
      expect(providers[1]!.callCount).toBe(0);
      let streamed = "";
      for await (const delta of managers[1]!.stream({ prompt }).text) streamed += delta;
      expect(streamed).toBe("shared");
    } finally {
      await Promise.all(caches.map((cache) => cache.close()));
    }
  });
});

describe("RedisCacheStore options", () => {
  it("rejects a malformed Redis URL at construction with a ConfigError naming the field", () => {
    const build = () => new RedisCacheStore({ redis: "redis://" });
    expect(build).toThrow(ConfigError);
    expect(build).toThrow(/Invalid RedisCacheStore options: "redis" has no host/);
  });
});
