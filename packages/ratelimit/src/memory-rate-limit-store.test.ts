import { rateLimitStoreConformanceChecks } from "@ffc/testing";
import { afterEach, describe, expect, it, vi } from "vitest";
import { MemoryRateLimitStore } from "./memory-rate-limit-store";

describe("MemoryRateLimitStore conformance", () => {
  for (const check of rateLimitStoreConformanceChecks(() => new MemoryRateLimitStore()))
    it(check.name, check.run);
});

describe("MemoryRateLimitStore", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("slides the window: takes leave one by one as each turns a window old", async () => {
    vi.useFakeTimers({ now: 0 });
    const store = new MemoryRateLimitStore();
    const take = () =>
      store.take({ key: "k", id: crypto.randomUUID(), amount: 1, limit: 2, windowMs: 60_000 });
    expect((await take()).ok).toBe(true);
    vi.advanceTimersByTime(30_000);
    expect((await take()).ok).toBe(true);
    const refused = await take();
    expect(refused.retryAfterMs).toBe(30_000);
    vi.advanceTimersByTime(30_000);
    expect((await take()).ok).toBe(true);
    expect((await take()).ok).toBe(false);
  });

  it("settles a take once: a second settle of its id is ignored", async () => {
    const store = new MemoryRateLimitStore();
    await store.take({ key: "k", id: "a", amount: 5, limit: 10, windowMs: 60_000 });
    await store.settle({ key: "k", id: "a", amount: 2, windowMs: 60_000 });
    await store.settle({ key: "k", id: "a", amount: 9, windowMs: 60_000 });
    expect(await store.take({ key: "k", id: "b", amount: 8, limit: 10, windowMs: 60_000 })).toEqual({
      ok: true,
      remaining: 0,
      retryAfterMs: 0,
    });
  });

  it("keeps a window whose takes are all settled through a sweep, until they expire", async () => {
    vi.useFakeTimers({ now: 0 });
    const store = new MemoryRateLimitStore();
    await store.take({ key: "full", id: "only", amount: 1, limit: 1, windowMs: 60_000 });
    await store.settle({ key: "full", id: "only", amount: 1, windowMs: 60_000 });
    // A thousand takes on other keys run a sweep; the settled take still fills its window.
    for (let index = 0; index < 1000; index += 1)
      await store.take({ key: `other-${index}`, id: `o${index}`, amount: 1, limit: 5, windowMs: 60_000 });
    expect((await store.take({ key: "full", id: "next", amount: 1, limit: 1, windowMs: 60_000 })).ok).toBe(
      false,
    );
    vi.advanceTimersByTime(60_000);
    expect((await store.take({ key: "full", id: "later", amount: 1, limit: 1, windowMs: 60_000 })).ok).toBe(
      true,
    );
  });

  it("starts a key afresh once its takes are a window old, even after a sweep", async () => {
    vi.useFakeTimers({ now: 0 });
    const store = new MemoryRateLimitStore();
    for (let index = 0; index < 999; index += 1) {
      await store.take({ key: `user-${index}`, id: `t${index}`, amount: 1, limit: 5, windowMs: 1000 });
    }
    vi.advanceTimersByTime(2000);
    await store.take({ key: "late", id: "x", amount: 1, limit: 5, windowMs: 1000 });
    // A settle of a forgotten key's take is a no-op, and the key starts fresh.
    await store.settle({ key: "user-1", id: "t1", amount: 5, windowMs: 1000 });
    expect(await store.take({ key: "user-1", id: "y", amount: 5, limit: 5, windowMs: 1000 })).toEqual({
      ok: true,
      remaining: 0,
      retryAfterMs: 0,
    });
  });

  it("finds a take by its id after the log is compacted: settling and taking again", async () => {
    vi.useFakeTimers({ now: 0 });
    const store = new MemoryRateLimitStore();
    const take = (id: string, amount = 1) =>
      store.take({ key: "k", id, amount, limit: 1000, windowMs: 1000 });
    // 100 old takes expire and are cut off the log (compaction starts past 64 of them).
    for (let index = 0; index < 100; index += 1) await take(`old-${index}`);
    vi.advanceTimersByTime(500);
    for (let index = 0; index < 10; index += 1) await take(`new-${index}`);
    vi.advanceTimersByTime(600);
    expect(await take("probe", 0)).toEqual({ ok: true, remaining: 990, retryAfterMs: 0 });
    // A take made before the compaction is found at its new place: settled down, then added to.
    await store.settle({ key: "k", id: "new-3", amount: 0, windowMs: 1000 });
    expect(await take("probe", 0)).toMatchObject({ remaining: 991 });
    expect(await take("new-3", 5)).toMatchObject({ ok: true, remaining: 986 });
    await store.settle({ key: "k", id: "new-3", amount: 2, windowMs: 1000 });
    expect(await take("probe", 0)).toMatchObject({ remaining: 989 });
    // When full, the retry time comes from the oldest takes that must leave.
    expect(await take("big", 990)).toMatchObject({ ok: false, retryAfterMs: 400 });
  });
});
