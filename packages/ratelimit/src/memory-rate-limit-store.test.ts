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

  it("settles the right take after old takes were dropped from the front of its log", async () => {
    let now = 0;
    const store = new MemoryRateLimitStore({ now: () => now });
    const take = (id: string, amount: number) =>
      store.take({ key: "k", id, amount, limit: 1000, windowMs: 1000 });
    for (let index = 0; index < 200; index += 1) await take(`old-${index}`, 1);
    now = 500;
    await take("kept", 100);
    now = 1200;
    // The 200 old takes leave the window; the log drops them and moves every later position.
    expect(await take("new", 300)).toEqual({ ok: true, remaining: 600, retryAfterMs: 0 });
    await store.settle({ key: "k", id: "kept", amount: 10, windowMs: 1000 });
    await store.settle({ key: "k", id: "new", amount: 50, windowMs: 1000 });
    await store.settle({ key: "k", id: "old-3", amount: 900, windowMs: 1000 });
    expect(await take("probe", 1)).toEqual({ ok: true, remaining: 939, retryAfterMs: 0 });
    // The same id again adds to its take.
    expect(await take("new", 9)).toEqual({ ok: true, remaining: 930, retryAfterMs: 0 });
    now = 1600;
    // "kept" (made at 500) has left; "new" (last taken at 1200) and "probe" are still in.
    expect(await take("last", 1)).toEqual({ ok: true, remaining: 939, retryAfterMs: 0 });
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
});
