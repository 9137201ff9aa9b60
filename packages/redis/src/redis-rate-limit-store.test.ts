import { ConfigError, LLMManager, RateLimitError } from "@ffc/core";
import { RateLimiter } from "@ffc/ratelimit";
import { MockProvider, rateLimitStoreConformanceChecks } from "@ffc/testing";
import { describe, expect, it } from "vitest";
import type { RedisConnectionOptions } from "./redis-connection";
import { RedisRateLimitStore } from "./redis-rate-limit-store";
import { testClusterNodes, testRedisUrl, uniquePrefix } from "./test-support/redis-test-environment";

const deployments: Array<[string, () => RedisConnectionOptions]> = [
  ["standalone Redis", () => ({ url: testRedisUrl })],
  ["Redis Cluster", () => ({ clusterNodes: testClusterNodes })],
];

describe.each(deployments)("RedisRateLimitStore on %s", (_name, connection) => {
  const prefix = uniquePrefix("ratelimit");
  const createStore = () => new RedisRateLimitStore({ redis: connection(), keyPrefix: prefix });

  describe("conformance", () => {
    for (const check of rateLimitStoreConformanceChecks(createStore)) it(check.name, check.run);
  });

  it("never lets two limiters sharing Redis send more than the limit between them", async () => {
    const sent: string[] = [];
    const limiters = [createStore(), createStore()].map(
      (store) => new RateLimiter({ limits: [{ requestsPerMinute: 50 }], onLimit: "refuse", store }),
    );
    const managers = limiters.map((limiter, index) => {
      const provider = new MockProvider({
        id: "openai",
        respond: () => {
          sent.push(`process ${index}`);
          return { text: "ok" };
        },
      });
      return new LLMManager({ provider, model: "gpt-4o" }, { plugins: [limiter] });
    });
    try {
      const outcomes = await Promise.allSettled(
        Array.from({ length: 200 }, (_, index) => managers[index % 2]!.generate({ prompt: "hi" })),
      );
      const refused = outcomes.filter((outcome) => outcome.status === "rejected");
      expect(sent).toHaveLength(50);
      expect(refused).toHaveLength(150);
      for (const outcome of refused)
        expect(RateLimitError.isInstance((outcome as PromiseRejectedResult).reason)).toBe(true);
    } finally {
      await Promise.all(limiters.map((limiter) => limiter.close()));
    }
  });

  it("shares a vendor pause learned in one process with another", async () => {
    const [first, second] = [createStore(), createStore()];
    const learner = new RateLimiter({ limits: [], store: first });
    const other = new RateLimiter({ limits: [], onLimit: "refuse", store: second });
    const provider = new MockProvider({ id: "openai" });
    const llm = new LLMManager({ provider, model: "gpt-4o" }, { plugins: [other] });
    try {
      await learner.learnFromHeaders("openai", "gpt-4o", {
        "x-ratelimit-remaining-requests": "0",
        "x-ratelimit-reset-requests": "20s",
      });
      const error = await llm.generate({ prompt: "hi" }).catch((caught: unknown) => caught);
      expect((error as RateLimitError).retryAfterMs).toBeGreaterThan(19_000);
      expect(provider.callCount).toBe(0);
    } finally {
      await learner.close();
      await other.close();
    }
  });
});

describe("RedisRateLimitStore options", () => {
  it("rejects a malformed Redis URL at construction with a ConfigError naming the field", () => {
    const build = () => new RedisRateLimitStore({ redis: "http://127.0.0.1:6390" });
    expect(build).toThrow(ConfigError);
    expect(build).toThrow(
      /Invalid RedisRateLimitStore options: "redis" must use the scheme "redis:" or "rediss:"/,
    );
  });

  it("rejects a key prefix with braces, which would move the hash tag", () => {
    expect(() => new RedisRateLimitStore({ redis: testRedisUrl, keyPrefix: "{bad}" })).toThrow(/"keyPrefix"/);
  });

  it("shares a client with another store and leaves it open when closed", async () => {
    const owner = new RedisRateLimitStore({ redis: testRedisUrl, keyPrefix: uniquePrefix("ratelimit") });
    const borrower = new RedisRateLimitStore({ redis: owner.client, keyPrefix: uniquePrefix("ratelimit") });
    try {
      expect(borrower.client).toBe(owner.client);
      expect((await borrower.take({ key: "k", id: "a", amount: 1, limit: 1, windowMs: 1000 })).ok).toBe(true);
      await borrower.close();
      expect((await owner.take({ key: "k", id: "b", amount: 1, limit: 1, windowMs: 1000 })).ok).toBe(true);
    } finally {
      await owner.close();
    }
  });

  it("refuses fractional amounts, which Redis counters would not keep exactly", async () => {
    const store = new RedisRateLimitStore({ redis: testRedisUrl, keyPrefix: uniquePrefix("ratelimit") });
    try {
      await expect(store.take({ key: "k", id: "a", amount: 1.5, limit: 10, windowMs: 1000 })).rejects.toThrow(
        /whole numbers/,
      );
    } finally {
      await store.close();
    }
  });
});
