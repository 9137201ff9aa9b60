import type { RateLimitStore } from "@ffc/core/plugin";
import { type ConformanceCheck, type StoreFactory, storeCheckBuilder } from "./conformance-check";
import { expectEqual, expectThat, wait } from "./expectations";

/**
 * The checks every RateLimitStore (memory, Redis, your own) must pass. They use real time with
 * short windows, because a shared store (Redis) keeps its own clock:
 * `for (const check of rateLimitStoreConformanceChecks(() => new MyStore())) it(check.name, check.run)`.
 */
export function rateLimitStoreConformanceChecks(
  createStore: StoreFactory<RateLimitStore>,
): ConformanceCheck[] {
  const check = storeCheckBuilder(createStore);
  const take = (
    store: RateLimitStore,
    key: string,
    amount: number,
    limit: number,
    windowMs = 60_000,
    id = newId(),
  ) => store.take({ key, id, amount, limit, windowMs });
  const between = (value: number, low: number, high: number, what: string) =>
    expectThat(value > low && value <= high, what, `more than ${low} and at most ${high}`, value);

  return [
    check("allows takes up to the limit and refuses the next with a retry time", async (store, key) => {
      for (let index = 0; index < 3; index += 1) {
        const outcome = await take(store, key("a"), 1, 3);
        expectEqual(outcome, { ok: true, remaining: 2 - index, retryAfterMs: 0 }, `take ${index + 1} of 3`);
      }
      const refused = await take(store, key("a"), 1, 3);
      expectEqual(refused.ok, false, "take 4 of 3 allowed");
      expectEqual(refused.remaining, 0, "remaining after a refusal");
      between(refused.retryAfterMs, 0, 60_000, "retryAfterMs of a refusal");
    }),
    check("counts amounts, not takes", async (store, key) => {
      expectEqual((await take(store, key("t"), 600, 1000)).ok, true, "600 of 1000 allowed");
      const refused = await take(store, key("t"), 500, 1000);
      expectEqual(refused.ok, false, "500 more allowed");
      expectEqual(refused.remaining, 400, "remaining");
      const fits = await take(store, key("t"), 400, 1000);
      expectEqual(fits.ok, true, "the last 400 allowed");
      expectEqual(fits.remaining, 0, "remaining after the last 400");
    }),
    check("keeps keys apart", async (store, key) => {
      expectEqual((await take(store, key("one"), 1, 1)).ok, true, "first key's take allowed");
      expectEqual((await take(store, key("two"), 1, 1)).ok, true, "second key's take allowed");
      expectEqual((await take(store, key("one"), 1, 1)).ok, false, "first key's second take allowed");
    }),
    check("refuses an amount above the limit with -1 and records nothing", async (store, key) => {
      const outcome = await take(store, key("big"), 11, 10);
      expectEqual(outcome, { ok: false, remaining: 10, retryAfterMs: -1 }, "outcome of 11 of 10");
      expectEqual((await take(store, key("big"), 10, 10)).ok, true, "10 of 10 after the refusal allowed");
    }),
    check("settle lowers a take so that more fits", async (store, key) => {
      const id = newId();
      expectEqual((await take(store, key("s"), 800, 1000, 60_000, id)).ok, true, "800 of 1000 allowed");
      expectEqual((await take(store, key("s"), 500, 1000)).ok, false, "500 more allowed");
      await store.settle({ key: key("s"), id, amount: 300, windowMs: 60_000 });
      const after = await take(store, key("s"), 500, 1000);
      expectEqual(after.ok, true, "500 after settling 800 down to 300 allowed");
      expectEqual(after.remaining, 200, "remaining");
    }),
    check("settle to zero removes a take and raising it counts the extra", async (store, key) => {
      const first = newId();
      const second = newId();
      expectEqual((await take(store, key("z"), 1, 2, 60_000, first)).ok, true, "first take allowed");
      expectEqual((await take(store, key("z"), 1, 2, 60_000, second)).ok, true, "second take allowed");
      await store.settle({ key: key("z"), id: first, amount: 0, windowMs: 60_000 });
      expectEqual((await take(store, key("z"), 1, 2)).ok, true, "a take after settling one to zero allowed");
      await store.settle({ key: key("z"), id: second, amount: 5, windowMs: 60_000 });
      const raised = await take(store, key("z"), 1, 10);
      expectEqual(raised.ok, true, "1 + 5 settled + 1 more = 7 of 10 allowed");
      expectEqual(raised.remaining, 3, "remaining");
    }),
    check("ignores a settle of an unknown take", async (store, key) => {
      await store.settle({ key: key("unknown"), id: newId(), amount: 5, windowMs: 60_000 });
      expectEqual(
        (await take(store, key("unknown"), 3, 3)).ok,
        true,
        "3 of 3 after an unknown settle allowed",
      );
    }),
    check("frees the window once its takes are older than windowMs", async (store, key) => {
      expectEqual((await take(store, key("w"), 2, 2, 150)).ok, true, "2 of 2 allowed");
      const refused = await take(store, key("w"), 1, 2, 150);
      expectEqual(refused.ok, false, "a third allowed");
      between(refused.retryAfterMs, 0, 150, "retryAfterMs in a 150 ms window");
      await wait(refused.retryAfterMs + 30);
      expectEqual((await take(store, key("w"), 2, 2, 150)).ok, true, "2 of 2 after the window allowed");
    }),
    check("retryAfterMs waits for enough old takes to leave, not just the oldest", async (store, key) => {
      expectEqual((await take(store, key("r"), 1, 2, 400)).ok, true, "first take allowed");
      await wait(150);
      expectEqual((await take(store, key("r"), 1, 2, 400)).ok, true, "second take allowed");
      const needsOne = await take(store, key("r"), 1, 2, 400);
      const needsTwo = await take(store, key("r"), 2, 2, 400);
      expectThat(needsOne.retryAfterMs <= 260, "retryAfterMs for 1", "at most 260", needsOne.retryAfterMs);
      expectThat(
        needsTwo.retryAfterMs > needsOne.retryAfterMs + 100,
        "retryAfterMs for 2",
        `more than ${needsOne.retryAfterMs + 100}`,
        needsTwo.retryAfterMs,
      );
    }),
    check("lets exactly the limit through when 200 take at once", async (store, key) => {
      const outcomes = await Promise.all(Array.from({ length: 200 }, () => take(store, key("c"), 1, 50)));
      expectEqual(outcomes.filter((outcome) => outcome.ok).length, 50, "allowed of 200 concurrent takes");
    }),
    check("pauses a key, never shortens a pause, and ends it on time", async (store, key) => {
      expectEqual(await store.pausedFor(key("p")), 0, "pausedFor before any pause");
      await store.pause({ key: key("p"), durationMs: 200 });
      await store.pause({ key: key("p"), durationMs: 50 });
      between(await store.pausedFor(key("p")), 100, 200, "pausedFor after pauses of 200 and 50 ms");
      expectEqual(await store.pausedFor(key("other")), 0, "pausedFor of another key");
      await wait(230);
      expectEqual(await store.pausedFor(key("p")), 0, "pausedFor after the pause");
    }),
  ];
}

function newId(): string {
  return crypto.randomUUID();
}
