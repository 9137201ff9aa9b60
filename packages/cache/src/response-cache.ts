import type {
  CallContext,
  GenerateNext,
  GenerateResult,
  Plugin,
  ProviderResult,
  StreamNext,
  StreamPart,
  Usage,
} from "@ffc/core";
import { addUsage, type CacheStore, emptyUsage, StreamAccumulator } from "@ffc/core/plugin";
import { cacheKeyFor } from "./cache-key";
import { type CachedEntry, hitResult, parseEntry, replayParts, serializeEntry } from "./cached-entry";
import { MemoryCacheStore } from "./memory-cache-store";
import {
  type CheckedResponseCacheOptions,
  checkResponseCacheOptions,
  type ResponseCacheOptions,
} from "./response-cache-options";

/** Counts of a ResponseCache since it was created. */
export interface ResponseCacheStats {
  hits: number;
  misses: number;
  /** Tokens the hits would have cost had they been sent (the usage of the cached answers). */
  savedUsage: Usage;
}

/**
 * An exact-match response cache (stage "cache", the outermost layer). A request identical to
 * an earlier one (same provider, model, messages and parameters) is answered from the store:
 * nothing is sent, nothing is spent, `result.cached` is true and `result.attempts` is empty.
 * Streams replay as streams. Only complete, successful answers are stored.
 * Use it for every call (`plugins: [cache]`) or for some (`policies: [cache]`).
 */
export class ResponseCache implements Plugin {
  readonly name = "cache";
  readonly stage = "cache" as const;
  readonly #options: CheckedResponseCacheOptions;
  readonly #store: CacheStore;
  /** Marks a call answered from the cache, in `call.state`; one per cache instance. */
  readonly #hitMarker = Symbol("cache hit");
  #hits = 0;
  #misses = 0;
  #savedUsage = emptyUsage();

  constructor(options: ResponseCacheOptions = {}) {
    this.#options = checkResponseCacheOptions(options);
    this.#store =
      this.#options.store ?? new MemoryCacheStore({ maxEntries: this.#options.maxEntries ?? 1000 });
  }

  /** The store holding the answers. */
  get store(): CacheStore {
    return this.#store;
  }

  /** Hits, misses and the usage the hits saved. */
  stats(): ResponseCacheStats {
    return { hits: this.#hits, misses: this.#misses, savedUsage: { ...this.#savedUsage } };
  }

  /** The key a call's request is cached under. */
  keyFor(call: Pick<CallContext, "provider" | "request">): string {
    return cacheKeyFor(call.provider.id, call.request);
  }

  async generate(call: CallContext, next: GenerateNext): Promise<ProviderResult> {
    const key = this.keyFor(call);
    const hit = await this.#lookup(call, key);
    // The extra `cached` field reaches the GenerateResult through core's spread, so a per-call
    // cache (which gets no finalizeResult) still marks its hits.
    if (hit) return { ...hitResult(hit), cached: true } as ProviderResult;
    const from = call.attempts.length;
    const result = await next(call);
    await this.#remember(call, key, result, from);
    return result;
  }

  async *stream(call: CallContext, next: StreamNext): AsyncIterable<StreamPart> {
    const key = this.keyFor(call);
    const hit = await this.#lookup(call, key);
    if (hit) {
      yield* replayParts(hit);
      return;
    }
    const from = call.attempts.length;
    const collected = new StreamAccumulator(false);
    for await (const part of next(call)) {
      collected.add(part);
      yield part;
    }
    // Reached only when the stream ended normally: a failed or abandoned stream is not stored.
    if (collected.finish) await this.#remember(call, key, collected.result(call.request.model), from);
  }

  /** Marks a hit's result: cached, answered by the provider that answered first, free. */
  finalizeResult(result: GenerateResult, call: CallContext): void {
    const hit = call.state.get(this.#hitMarker) as CachedEntry | undefined;
    if (!hit) return;
    result.cached = true;
    result.provider = hit.provider;
    result.costUsd = 0;
  }

  /** Closes the store (its connections and timers). */
  async close(): Promise<void> {
    await this.#store.close?.();
  }

  async #lookup(call: CallContext, key: string): Promise<CachedEntry | undefined> {
    const target = { provider: call.provider.id, model: call.request.model };
    let entry: CachedEntry | undefined;
    try {
      const stored = await this.#store.get(key);
      entry = stored === undefined ? undefined : parseEntry(stored);
    } catch (error) {
      this.#options.onStoreError?.(error, "get");
    }
    if (!entry) {
      this.#misses += 1;
      call.emit("cache-miss", { ...target, key });
      return undefined;
    }
    this.#hits += 1;
    this.#savedUsage = addUsage(this.#savedUsage, entry.result.usage);
    call.state.set(this.#hitMarker, entry);
    call.emit("cache-hit", { ...target, key, savedUsage: entry.result.usage });
    return entry;
  }

  async #remember(call: CallContext, key: string, result: ProviderResult, from: number): Promise<void> {
    if (!this.#options.cacheFinishReasons.has(result.finishReason)) return;
    const answered = call.attempts.slice(from).findLast((attempt) => attempt.error === undefined);
    const entry: CachedEntry = {
      version: 1,
      provider: answered?.provider ?? call.provider.id,
      result: withoutExtras(result),
      storedAt: Date.now(),
    };
    try {
      await this.#store.set(key, serializeEntry(entry), this.#options.ttlMs);
    } catch (error) {
      this.#options.onStoreError?.(error, "set");
    }
  }
}

/** Only the ProviderResult fields, so that nothing a policy attached is stored. */
function withoutExtras(result: ProviderResult): ProviderResult {
  const kept: ProviderResult = {
    text: result.text,
    content: result.content,
    toolCalls: result.toolCalls,
    finishReason: result.finishReason,
    usage: result.usage,
    model: result.model,
  };
  if (result.reasoning !== undefined) kept.reasoning = result.reasoning;
  if (result.rawFinishReason !== undefined) kept.rawFinishReason = result.rawFinishReason;
  if (result.responseId !== undefined) kept.responseId = result.responseId;
  return kept;
}
