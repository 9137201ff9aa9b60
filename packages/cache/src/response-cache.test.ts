import {
  type CallContext,
  ConfigError,
  LLMManager,
  type Plugin,
  type Policy,
  TemporaryError,
} from "@ffc/core";
import type { CacheStore } from "@ffc/core/plugin";
import { createTestManager, MockProvider, type MockStep } from "@ffc/testing";
import { afterEach, describe, expect, it, vi } from "vitest";
import { MemoryCacheStore } from "./memory-cache-store";
import { ResponseCache } from "./response-cache";
import type { ResponseCacheOptions } from "./response-cache-options";

const answer: MockStep = { text: "Paris is the capital.", usage: { inputTokens: 20, outputTokens: 6 } };

function setup(options: ResponseCacheOptions = {}, steps: MockStep[] = [answer]) {
  const cache = new ResponseCache(options);
  return { cache, ...createTestManager({ providerId: "openai", model: "gpt-4o", steps, plugins: [cache] }) };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("ResponseCache", () => {
  it("answers an identical second call from the cache without sending anything", async () => {
    const { provider, cache, llm, events } = setup();
    const first = await llm.generate({ prompt: "Capital of France?", temperature: 0 });
    const second = await llm.generate({ prompt: "Capital of France?", temperature: 0 });
    expect(provider.callCount).toBe(1);
    expect(first.cached).toBeUndefined();
    expect(second.cached).toBe(true);
    expect(second.text).toBe(first.text);
    expect(second.attempts).toEqual([]);
    expect(second.usage).toEqual({ inputTokens: 0, outputTokens: 0, totalTokens: 0 });
    expect(second.costUsd).toBe(0);
    expect(events.map((event) => event.type).filter((type) => type.startsWith("cache"))).toEqual([
      "cache-miss",
      "cache-hit",
    ]);
    expect(cache.stats()).toEqual({
      hits: 1,
      misses: 1,
      savedUsage: { inputTokens: 20, outputTokens: 6, totalTokens: 26 },
    });
  });

  it("misses when the temperature differs", async () => {
    const { provider, llm } = setup();
    await llm.generate({ prompt: "Capital of France?", temperature: 0 });
    const other = await llm.generate({ prompt: "Capital of France?", temperature: 0.5 });
    expect(provider.callCount).toBe(2);
    expect(other.cached).toBeUndefined();
  });

  it("shares an entry between calls that differ only in metadata", async () => {
    const { provider, llm } = setup();
    await llm.generate({ prompt: "Hi", metadata: { userId: "ada" } });
    await llm.generate({ prompt: "Hi", metadata: { userId: "bob" } });
    expect(provider.callCount).toBe(1);
  });

  it("forgets an answer after its TTL", async () => {
    vi.useFakeTimers({ now: 0 });
    const { provider, llm } = setup({ ttlMs: 10_000 });
    await llm.generate({ prompt: "Hi" });
    vi.advanceTimersByTime(9_999);
    expect((await llm.generate({ prompt: "Hi" })).cached).toBe(true);
    vi.advanceTimersByTime(1);
    expect((await llm.generate({ prompt: "Hi" })).cached).toBeUndefined();
    expect(provider.callCount).toBe(2);
  });

  it("replays a cached stream as a stream with the same text", async () => {
    const { provider, llm } = setup();
    let live = "";
    for await (const delta of llm.stream({ prompt: "Hi" }).text) live += delta;
    const replay = llm.stream({ prompt: "Hi" });
    const parts: string[] = [];
    let replayed = "";
    for await (const part of replay) {
      parts.push(part.type);
      if (part.type === "text-delta") replayed += part.text;
    }
    const result = await replay.result;
    expect(provider.callCount).toBe(1);
    expect(replayed).toBe(live);
    expect(live).toBe("Paris is the capital.");
    expect(parts.at(-1)).toBe("finish");
    expect(result.cached).toBe(true);
    expect(result.text).toBe(live);
  });

  it("answers a stream from an answer cached by generate, and the other way round", async () => {
    const { provider, llm } = setup();
    await llm.generate({ prompt: "Hi" });
    expect((await llm.stream({ prompt: "Hi" }).result).text).toBe("Paris is the capital.");
    await llm.stream({ prompt: "Other" }).result;
    expect((await llm.generate({ prompt: "Other" })).cached).toBe(true);
    expect(provider.callCount).toBe(2);
  });

  it("does not cache errors", async () => {
    const { provider, llm } = setup({}, [{ error: new TemporaryError("503") }, answer]);
    await expect(llm.generate({ prompt: "Hi" })).rejects.toThrow("503");
    const after = await llm.generate({ prompt: "Hi" });
    expect(after.cached).toBeUndefined();
    expect(provider.callCount).toBe(2);
  });

  it("does not cache a stream that broke off or that its reader abandoned", async () => {
    const { provider, llm } = setup({}, [
      { text: "one two three four", failAfterParts: 2, error: new TemporaryError("reset") },
      { text: "one two three four" },
      { text: "one two three four" },
    ]);
    await expect(llm.stream({ prompt: "Hi" }).result).rejects.toThrow();
    for await (const _part of llm.stream({ prompt: "Hi" })) break;
    const third = await llm.stream({ prompt: "Hi" }).result;
    expect(third.cached).toBeUndefined();
    expect(provider.callCount).toBe(3);
  });

  it("skips answers whose finish reason is not in cacheFinishReasons", async () => {
    const { provider, llm } = setup({ cacheFinishReasons: ["stop"] }, [
      { text: "cut off", finishReason: "length" },
    ]);
    await llm.generate({ prompt: "Hi" });
    await llm.generate({ prompt: "Hi" });
    expect(provider.callCount).toBe(2);
  });

  it("shows an observer no attempt on a hit", async () => {
    const seen: string[] = [];
    const tracker: Plugin = { name: "tracker-like", onEvent: (event) => seen.push(event.type) };
    const provider = new MockProvider({ script: [answer] });
    const llm = new LLMManager({ provider, model: "m" }, { plugins: [new ResponseCache(), tracker] });
    await llm.generate({ prompt: "Hi" });
    expect(seen).toContain("attempt-end");
    seen.length = 0;
    await llm.generate({ prompt: "Hi" });
    expect(seen).toEqual(["call-start", "cache-hit", "call-end"]);
  });

  it("works per call through policies and marks the hit", async () => {
    const provider = new MockProvider({ script: [answer] });
    const llm = new LLMManager({ provider, model: "m" });
    const cache = new ResponseCache();
    await llm.generate({ prompt: "Hi", policies: [cache] });
    const hit = await llm.generate({ prompt: "Hi", policies: [cache] });
    const uncached = await llm.generate({ prompt: "Hi" });
    expect(hit.cached).toBe(true);
    expect(uncached.cached).toBeUndefined();
    expect(provider.callCount).toBe(2);
  });

  it("reports the provider that really answered, e.g. a fallback target", async () => {
    const backup = new MockProvider({ id: "backup", script: [answer] });
    const toBackup: Policy = {
      name: "to-backup",
      stage: "fallback",
      generate: (call: CallContext, next) => next({ ...call, provider: backup }),
    };
    const primary = new MockProvider({ id: "primary" });
    const llm = new LLMManager(
      { provider: primary, model: "m" },
      { plugins: [new ResponseCache(), toBackup] },
    );
    expect((await llm.generate({ prompt: "Hi" })).provider).toBe("backup");
    const hit = await llm.generate({ prompt: "Hi" });
    expect(hit.cached).toBe(true);
    expect(hit.provider).toBe("backup");
    expect(backup.callCount + primary.callCount).toBe(1);
  });

  it("goes on as a miss when the store fails, and says so", async () => {
    const failures: string[] = [];
    const broken: CacheStore = {
      get: async () => {
        throw new Error("store down");
      },
      set: async () => {
        throw new Error("store down");
      },
    };
    const { provider, llm } = setup({
      store: broken,
      onStoreError: (_error, operation) => failures.push(operation),
    });
    await llm.generate({ prompt: "Hi" });
    await llm.generate({ prompt: "Hi" });
    expect(provider.callCount).toBe(2);
    expect(failures).toEqual(["get", "set", "get", "set"]);
  });

  it("treats a corrupt stored entry as a miss", async () => {
    const store = new MemoryCacheStore();
    const { provider, cache, llm } = setup({ store });
    await llm.generate({ prompt: "Hi" });
    const key = cache.keyFor({ provider, request: provider.requests[0]! });
    await store.set(key, "{not json", 60_000);
    expect((await llm.generate({ prompt: "Hi" })).cached).toBeUndefined();
    expect(provider.callCount).toBe(2);
  });

  it.each([
    [{ ttlMs: 0 }, /"ttlMs" must be a finite number greater than 0, got 0/],
    [{ ttlMs: -5 }, /"ttlMs" must be a finite number greater than 0/],
    [{ ttlMs: Number.NaN }, /"ttlMs"/],
    [{ store: { get: 1 } }, /"store" must be a CacheStore with get, set/],
    [{ store: new MemoryCacheStore(), maxEntries: 5 }, /"maxEntries" sizes the built-in memory store/],
    [{ maxEntries: 0 }, /"maxEntries" must be a whole number at least 1/],
    [{ cacheFinishReasons: ["done"] }, /"cacheFinishReasons\[0\]" must be one of "stop", "length"/],
    [{ onStoreError: "log" }, /"onStoreError" must be a function/],
    [{ ttlMs: 5, maxEntires: 3 }, /"maxEntires" is not an option \(did you mean "maxEntries"\?\)/],
  ])("rejects %j with a ConfigError naming the field", (options, message) => {
    const build = () => new ResponseCache(options as unknown as ResponseCacheOptions);
    expect(build).toThrow(ConfigError);
    expect(build).toThrow(message);
  });
});
