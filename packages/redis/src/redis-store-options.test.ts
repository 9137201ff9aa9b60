import { ConfigError } from "@ffc/core";
import { describe, expect, it } from "vitest";
import { RedisBreakerStore } from "./redis-breaker-store";
import { RedisBudgetStore } from "./redis-budget-store";
import { RedisCacheStore } from "./redis-cache-store";
import { RedisRateLimitStore } from "./redis-rate-limit-store";
import { RedisUsageStore } from "./redis-usage-store";

const stores = { RedisBreakerStore, RedisBudgetStore, RedisCacheStore, RedisRateLimitStore, RedisUsageStore };

describe("the Redis stores' options", () => {
  it.each(Object.entries(stores))(
    "%s refuses an unknown option before connecting, naming it",
    (name, Store) => {
      let caught: unknown;
      try {
        new Store({ redis: "redis://127.0.0.1:6379", keyprefix: "app" } as never);
      } catch (error) {
        caught = error;
      }
      expect(ConfigError.isInstance(caught)).toBe(true);
      expect((caught as ConfigError).field).toBe("keyprefix");
      expect((caught as Error).message).toBe(
        `Invalid ${name} options: "keyprefix" is not an option (did you mean "keyPrefix"?).`,
      );
    },
  );

  it.each(Object.entries(stores))("%s requires redis and never prints its URL", (_name, Store) => {
    expect(() => new Store({} as never)).toThrow(/"redis" is required/);
    expect(() => new Store({ redis: "http://user:hunter2secret@host:1" } as never)).toThrow(
      /^(?!.*hunter2secret).*"redis" must use the scheme/,
    );
  });
});
