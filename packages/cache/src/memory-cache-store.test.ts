import { ConfigError } from "@ffc/core";
import { cacheStoreConformanceChecks } from "@ffc/testing";
import { afterEach, describe, expect, it, vi } from "vitest";
import { MemoryCacheStore } from "./memory-cache-store";

describe("MemoryCacheStore conformance", () => {
  for (const check of cacheStoreConformanceChecks(() => new MemoryCacheStore())) it(check.name, check.run);
});

describe("MemoryCacheStore", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("drops the least recently used entry beyond maxEntries", async () => {
    const store = new MemoryCacheStore({ maxEntries: 2 });
    await store.set("a", "1", 60_000);
    await store.set("b", "2", 60_000);
    await store.get("a");
    await store.set("c", "3", 60_000);
    expect(await store.get("b")).toBeUndefined();
    expect(await store.get("a")).toBe("1");
    expect(await store.get("c")).toBe("3");
    expect(store.size).toBe(2);
  });

  it("expires an entry exactly at its TTL on the fake clock", async () => {
    vi.useFakeTimers({ now: 0 });
    const store = new MemoryCacheStore();
    await store.set("k", "v", 1000);
    vi.advanceTimersByTime(999);
    expect(await store.get("k")).toBe("v");
    vi.advanceTimersByTime(1);
    expect(await store.get("k")).toBeUndefined();
  });

  it.each([0, -1, 1.5, Number.NaN])("rejects maxEntries %s with a ConfigError naming it", (maxEntries) => {
    expect(() => new MemoryCacheStore({ maxEntries })).toThrow(ConfigError);
    expect(() => new MemoryCacheStore({ maxEntries })).toThrow(
      /"maxEntries" must be a whole number at least 1/,
    );
  });
});
