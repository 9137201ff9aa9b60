import type { RateLimitStore } from "@ffc/core/plugin";

/** One named check of the store conformance suite: `for (const c of checks) it(c.name, c.run)`. */
export interface StoreConformanceCheck {
  name: string;
  run(): Promise<void>;
}

/** Creates a fresh store for one check (it is closed afterwards). */
export type RateLimitStoreFactory = () => RateLimitStore | Promise<RateLimitStore>;

/**
 * The checks every RateLimitStore must pass (memory, Redis, or your own). They use real time
 * with short windows, because a shared store (Redis) keeps its own clock.
 */
export function rateLimitStoreConformanceChecks(createStore: RateLimitStoreFactory): StoreConformanceCheck[] {
  const check = (
    name: string,
    body: (store: RateLimitStore, key: (name: string) => string) => Promise<void>,
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
  const take = (
    store: RateLimitStore,
    key: string,
    amount: number,
    limit: number,
    windowMs = 60_000,
    id = newId(),
  ) => store.take({ key, id, amount, limit, windowMs });

  return [
    check("allows takes up to the limit and refuses the next with a retry time", async (store, key) => {
      for (let index = 0; index < 3; index += 1) {
        const outcome = await take(store, key("a"), 1, 3);
        expect(outcome.ok, `take ${index + 1} of 3`).toBe(true);
        expect(outcome.remaining).toBe(2 - index);
        expect(outcome.retryAfterMs).toBe(0);
      }
      const refused = await take(store, key("a"), 1, 3);
      expect(refused.ok).toBe(false);
      expect(refused.remaining).toBe(0);
      expect(refused.retryAfterMs).toBeGreaterThan(0);
      expect(refused.retryAfterMs).toBeLessThanOrEqual(60_000);
    }),
    check("counts amounts, not takes", async (store, key) => {
      expect((await take(store, key("t"), 600, 1000)).ok).toBe(true);
      const refused = await take(store, key("t"), 500, 1000);
      expect(refused.ok).toBe(false);
      expect(refused.remaining).toBe(400);
      const fits = await take(store, key("t"), 400, 1000);
      expect(fits.ok).toBe(true);
      expect(fits.remaining).toBe(0);
    }),
    check("keeps keys apart", async (store, key) => {
      expect((await take(store, key("one"), 1, 1)).ok).toBe(true);
      expect((await take(store, key("two"), 1, 1)).ok).toBe(true);
      expect((await take(store, key("one"), 1, 1)).ok).toBe(false);
    }),
    check("refuses an amount above the limit with -1 and records nothing", async (store, key) => {
      const outcome = await take(store, key("big"), 11, 10);
      expect(outcome).toEqual({ ok: false, remaining: 10, retryAfterMs: -1 });
      expect((await take(store, key("big"), 10, 10)).ok).toBe(true);
    }),
    check("settle lowers a take so that more fits", async (store, key) => {
      const id = newId();
      expect((await take(store, key("s"), 800, 1000, 60_000, id)).ok).toBe(true);
      expect((await take(store, key("s"), 500, 1000)).ok).toBe(false);
      await store.settle({ key: key("s"), id, amount: 300, windowMs: 60_000 });
      const after = await take(store, key("s"), 500, 1000);
      expect(after.ok).toBe(true);
      expect(after.remaining).toBe(200);
    }),
    check("settle to zero removes a take and raising it counts the extra", async (store, key) => {
      const first = newId();
      const second = newId();
      expect((await take(store, key("z"), 1, 2, 60_000, first)).ok).toBe(true);
      expect((await take(store, key("z"), 1, 2, 60_000, second)).ok).toBe(true);
      await store.settle({ key: key("z"), id: first, amount: 0, windowMs: 60_000 });
      expect((await take(store, key("z"), 1, 2)).ok).toBe(true);
      await store.settle({ key: key("z"), id: second, amount: 5, windowMs: 60_000 });
      const refused = await take(store, key("z"), 1, 10);
      expect(refused.ok, "1 + 5 settled + 1 more = 7 of 10 fits").toBe(true);
      expect(refused.remaining).toBe(3);
    }),
    check("ignores a settle of an unknown take", async (store, key) => {
      await store.settle({ key: key("unknown"), id: newId(), amount: 5, windowMs: 60_000 });
      expect((await take(store, key("unknown"), 3, 3)).ok).toBe(true);
    }),
    check("frees the window once its takes are older than windowMs", async (store, key) => {
      expect((await take(store, key("w"), 2, 2, 150)).ok).toBe(true);
      const refused = await take(store, key("w"), 1, 2, 150);
      expect(refused.ok).toBe(false);
      expect(refused.retryAfterMs).toBeGreaterThan(0);
      expect(refused.retryAfterMs).toBeLessThanOrEqual(150);
      await wait(refused.retryAfterMs + 30);
      expect((await take(store, key("w"), 2, 2, 150)).ok).toBe(true);
    }),
    check("retryAfterMs waits for enough old takes to leave, not just the oldest", async (store, key) => {
      expect((await take(store, key("r"), 1, 2, 400)).ok).toBe(true);
      await wait(150);
      expect((await take(store, key("r"), 1, 2, 400)).ok).toBe(true);
      const needsOne = await take(store, key("r"), 1, 2, 400);
      const needsTwo = await take(store, key("r"), 2, 2, 400);
      expect(needsOne.retryAfterMs).toBeLessThanOrEqual(260);
      expect(needsTwo.retryAfterMs).toBeGreaterThan(needsOne.retryAfterMs + 100);
    }),
    check("lets exactly the limit through when 200 take at once", async (store, key) => {
      const outcomes = await Promise.all(Array.from({ length: 200 }, () => take(store, key("c"), 1, 50)));
      expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(50);
    }),
    check("pauses a key, never shortens a pause, and ends it on time", async (store, key) => {
      expect(await store.pausedFor(key("p"))).toBe(0);
      await store.pause({ key: key("p"), durationMs: 200 });
      await store.pause({ key: key("p"), durationMs: 50 });
      const left = await store.pausedFor(key("p"));
      expect(left).toBeGreaterThan(100);
      expect(left).toBeLessThanOrEqual(200);
      expect(await store.pausedFor(key("other"))).toBe(0);
      await wait(230);
      expect(await store.pausedFor(key("p"))).toBe(0);
    }),
  ];
}

function newId(): string {
  return crypto.randomUUID();
}

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A tiny assertion helper, so that the checks need no test runner's `expect`. */
function expect(actual: unknown, label?: string) {
  const fail = (wanted: string) => {
    throw new Error(`${label ? `${label}: ` : ""}expected ${JSON.stringify(actual)} ${wanted}`);
  };
  return {
    toBe(expected: unknown) {
      if (!Object.is(actual, expected)) fail(`to be ${JSON.stringify(expected)}`);
    },
    toEqual(expected: unknown) {
      if (JSON.stringify(actual) !== JSON.stringify(expected)) fail(`to equal ${JSON.stringify(expected)}`);
    },
    toBeGreaterThan(limit: number) {
      if (!(typeof actual === "number" && actual > limit)) fail(`to be greater than ${limit}`);
    },
    toBeLessThanOrEqual(limit: number) {
      if (!(typeof actual === "number" && actual <= limit)) fail(`to be at most ${limit}`);
    },
    toHaveLength(length: number) {
      if (!(Array.isArray(actual) && actual.length === length)) {
        fail(`to have length ${length} (had ${Array.isArray(actual) ? actual.length : "none"})`);
      }
    },
  };
}
