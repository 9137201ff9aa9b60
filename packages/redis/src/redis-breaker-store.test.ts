import { ConfigError, LLMManager, TemporaryError } from "@ffc/core";
import type { BreakerState } from "@ffc/core/plugin";
import { FallbackConfig } from "@ffc/fallback";
import { breakerStoreConformanceChecks, closedBreakerState, MockProvider } from "@ffc/testing";
import { describe, expect, it } from "vitest";
import { RedisBreakerStore } from "./redis-breaker-store";
import type { RedisConnectionOptions } from "./redis-connection";
import { testClusterNodes, testRedisUrl, uniquePrefix } from "./test-support/redis-test-environment";

const deployments: Array<[string, () => RedisConnectionOptions]> = [
  ["standalone Redis", () => ({ url: testRedisUrl })],
  ["Redis Cluster", () => ({ clusterNodes: testClusterNodes })],
];

const closed = closedBreakerState;

describe.each(deployments)("RedisBreakerStore on %s", (_name, connection) => {
  const prefix = uniquePrefix("breaker");
  const withStore = async (body: (store: RedisBreakerStore) => Promise<void>, options = {}) => {
    const store = new RedisBreakerStore({ redis: connection(), keyPrefix: prefix, ...options });
    try {
      await body(store);
    } finally {
      await store.close();
    }
  };

  describe("conformance", () => {
    const createStore = () => new RedisBreakerStore({ redis: connection(), keyPrefix: prefix });
    for (const check of breakerStoreConformanceChecks(createStore)) it(check.name, check.run);
  });

  it("reads in another process what one process stored", async () => {
    const opened: BreakerState = { ...closed, state: "open", failures: 5, openUntil: 1_900_000_000_000 };
    await withStore(async (store) => {
      await store.update("openai/gpt-4o", () => opened);
    });
    await withStore(async (other) => {
      expect(await other.get("openai/gpt-4o")).toEqual(opened);
    });
  });

  it("returns the very state change returned it, without a write, when nothing changed", async () => {
    await withStore(async (store) => {
      await store.update("same", () => ({ ...closed, failures: 1 }));
      let seen: BreakerState | undefined;
      const result = await store.update("same", (current) => {
        seen = current;
        return current!;
      });
      expect(result).toBe(seen);
    });
  });

  it("loses no update when many processes count failures at once", async () => {
    const stores = Array.from(
      { length: 4 },
      () => new RedisBreakerStore({ redis: connection(), keyPrefix: prefix }),
    );
    try {
      await Promise.all(
        Array.from({ length: 100 }, (_, index) =>
          stores[index % stores.length]!.update("contended", (current) => ({
            ...(current ?? closed),
            failures: (current?.failures ?? 0) + 1,
          })),
        ),
      );
      expect((await stores[0]!.get("contended"))?.failures).toBe(100);
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
  });

  it("forgets a breaker untouched for expireAfterMs", async () => {
    await withStore(
      async (store) => {
        await store.update("expiring", () => ({ ...closed, failures: 2 }));
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(await store.get("expiring")).toBeUndefined();
      },
      { expireAfterMs: 100 },
    );
  });
});

describe("RedisBreakerStore options", () => {
  it.each([
    [{ redis: "redis://127.0.0.1:notaport" }, /Invalid RedisBreakerStore options: "redis" is not a URL/],
    [{ redis: testRedisUrl, expireAfterMs: 0 }, /"expireAfterMs" must be a whole number at least 1/],
    [{ redis: testRedisUrl, maxUpdateRounds: -1 }, /"maxUpdateRounds" must be a whole number at least 1/],
    [
      { redis: testRedisUrl, expireAfter: 5 },
      /"expireAfter" is not an option \(did you mean "expireAfterMs"\?\)/,
    ],
    [{ redis: { url: testRedisUrl, commandTimeout: 5 } }, /"redis.commandTimeout" is not an option/],
  ])("rejects %j with a ConfigError naming the field", (options, message) => {
    const build = () => new RedisBreakerStore(options as never);
    expect(build).toThrow(ConfigError);
    expect(build).toThrow(message);
  });
});

describe("RedisBreakerStore with FallbackConfig", () => {
  it("opens a breaker in one process and makes another process skip that target", async () => {
    const prefix = uniquePrefix("breaker-fallback");
    const stores = [0, 1].map(() => new RedisBreakerStore({ redis: testRedisUrl, keyPrefix: prefix }));
    const processes = stores.map((store) => {
      const primary = new MockProvider({
        id: "primary",
        script: [{ error: new TemporaryError("503 overloaded") }],
      });
      const backup = new MockProvider({ id: "backup", script: [{ text: "from backup" }] });
      const fallbackConfig = new FallbackConfig({
        targets: [
          { provider: primary, model: "big" },
          { provider: backup, model: "small" },
        ],
        breaker: { failureThreshold: 2, cooldownMs: 60_000, store },
      });
      const llm = new LLMManager({ provider: primary, model: "big" });
      return { primary, backup, generate: () => llm.generate({ prompt: "hi", fallbackConfig }) };
    });
    const [first, second] = processes as [(typeof processes)[0], (typeof processes)[0]];
    try {
      for (let call = 0; call < 2; call += 1) expect((await first.generate()).text).toBe("from backup");
      expect(first.primary.callCount).toBe(2);
      const opened = await stores[1]!.get("primary/big");
      expect(opened?.state).toBe("open");
      expect((await second.generate()).text).toBe("from backup");
      expect(second.primary.callCount).toBe(0);
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
  });
});
