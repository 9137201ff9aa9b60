import type { CacheStore } from "@ffc/core/plugin";
import { type ConformanceCheck, type StoreFactory, storeCheckBuilder } from "./conformance-check";
import { expectEqual, wait } from "./expectations";

/**
 * The checks every CacheStore (memory, Redis, your own) must pass. They use real time:
 * `for (const check of cacheStoreConformanceChecks(() => new MyStore())) it(check.name, check.run)`.
 */
export function cacheStoreConformanceChecks(createStore: StoreFactory<CacheStore>): ConformanceCheck[] {
  const check = storeCheckBuilder(createStore);
  return [
    check("returns undefined for a key never set", async (store, key) => {
      expectEqual(await store.get(key("missing")), undefined, "get of a key never set");
    }),
    check("returns the value that was set, and the latest one after a replace", async (store, key) => {
      await store.set(key("a"), "first", 60_000);
      expectEqual(await store.get(key("a")), "first", "get after set");
      await store.set(key("a"), "second", 60_000);
      expectEqual(await store.get(key("a")), "second", "get after a replace");
    }),
    check("keeps a value until its TTL and forgets it after", async (store, key) => {
      await store.set(key("ttl"), "soon gone", 250);
      await wait(50);
      expectEqual(await store.get(key("ttl")), "soon gone", "get before the TTL");
      await wait(300);
      expectEqual(await store.get(key("ttl")), undefined, "get after the TTL");
    }),
    check("gives every entry its own TTL", async (store, key) => {
      await store.set(key("short"), "s", 100);
      await store.set(key("long"), "l", 60_000);
      await wait(180);
      expectEqual(await store.get(key("short")), undefined, "the short-lived entry");
      expectEqual(await store.get(key("long")), "l", "the long-lived entry");
    }),
    check("deletes a value, and deleting a missing key is fine", async (store, key) => {
      // delete is optional in the contract; a store without it has nothing to check here.
      if (!store.delete) return;
      await store.set(key("d"), "x", 60_000);
      await store.delete(key("d"));
      expectEqual(await store.get(key("d")), undefined, "get after delete");
      await store.delete(key("never-set"));
    }),
    check("keeps keys of any characters apart", async (store, key) => {
      const names = ["plain", "with space", "{braces}", "}{", "ünïcödé ✓", "a:b:c", "x".repeat(1000)];
      for (const name of names) await store.set(key(name), `value of ${name}`, 60_000);
      for (const name of names)
        expectEqual(await store.get(key(name)), `value of ${name}`, `value of key ${name}`);
    }),
    check("returns large and non-ASCII values byte for byte", async (store, key) => {
      const value = `${"日本語のテキスト 🚀 \u0000 \n".repeat(20_000)}end`;
      await store.set(key("big"), value, 60_000);
      expectEqual(await store.get(key("big")), value, "a large value read back");
    }),
  ];
}
