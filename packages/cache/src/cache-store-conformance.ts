import type { CacheStore } from "@ffc/core/plugin";

/** One named check of the store conformance suite: `for (const c of checks) it(c.name, c.run)`. */
export interface CacheStoreConformanceCheck {
  name: string;
  run(): Promise<void>;
}

/** Creates a fresh store for one check (it is closed afterwards). */
export type CacheStoreFactory = () => CacheStore | Promise<CacheStore>;

/** The checks every CacheStore must pass (memory, Redis, or your own). They use real time. */
export function cacheStoreConformanceChecks(createStore: CacheStoreFactory): CacheStoreConformanceCheck[] {
  const check = (
    name: string,
    body: (store: CacheStore, key: (name: string) => string) => Promise<void>,
  ) => ({
    name,
    async run() {
      const store = await createStore();
      const run = Math.random().toString(36).slice(2, 10);
      try {
        await body(store, (name) => `conformance:${run}:${name}`);
      } finally {
        await store.close?.();
      }
    },
  });

  return [
    check("returns undefined for a key never set", async (store, key) => {
      equal(await store.get(key("missing")), undefined);
    }),
    check("returns the value that was set, and the latest one after a replace", async (store, key) => {
      await store.set(key("a"), "first", 60_000);
      equal(await store.get(key("a")), "first");
      await store.set(key("a"), "second", 60_000);
      equal(await store.get(key("a")), "second");
    }),
    check("keeps a value until its TTL and forgets it after", async (store, key) => {
      await store.set(key("ttl"), "soon gone", 250);
      await wait(50);
      equal(await store.get(key("ttl")), "soon gone");
      await wait(300);
      equal(await store.get(key("ttl")), undefined);
    }),
    check("gives every entry its own TTL", async (store, key) => {
      await store.set(key("short"), "s", 100);
      await store.set(key("long"), "l", 60_000);
      await wait(180);
      equal(await store.get(key("short")), undefined);
      equal(await store.get(key("long")), "l");
    }),
    check("deletes a value, and deleting a missing key is fine", async (store, key) => {
      if (!store.delete) return;
      await store.set(key("d"), "x", 60_000);
      await store.delete(key("d"));
      equal(await store.get(key("d")), undefined);
      await store.delete(key("never-set"));
    }),
    check("keeps keys of any characters apart", async (store, key) => {
      const names = ["plain", "with space", "{braces}", "}{", "ünïcödé ✓", "a:b:c", "x".repeat(1000)];
      for (const name of names) await store.set(key(name), `value of ${name}`, 60_000);
      for (const name of names) equal(await store.get(key(name)), `value of ${name}`);
    }),
    check("returns large and non-ASCII values byte for byte", async (store, key) => {
      const value = `${"日本語のテキスト 🚀 \u0000 \n".repeat(20_000)}end`;
      await store.set(key("big"), value, 60_000);
      equal(await store.get(key("big")), value);
    }),
  ];
}

function equal(actual: unknown, expected: unknown): void {
  if (!Object.is(actual, expected)) {
    const show = (value: unknown) =>
      typeof value === "string" && value.length > 80 ? `${value.slice(0, 80)}…` : JSON.stringify(value);
    throw new Error(`expected ${show(expected)}, got ${show(actual)}`);
  }
}

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
