import { ConfigError, type FinishReason } from "@ffc/core";
import { type CacheStore, describeValue } from "@ffc/core/plugin";

/** Options of a ResponseCache. */
export interface ResponseCacheOptions {
  /** How long an answer stays cached, in ms (default one hour). */
  ttlMs?: number;
  /** Where answers live (default: a MemoryCacheStore with `maxEntries`). */
  store?: CacheStore;
  /** Most answers kept by the built-in memory store (default 1000); not used with `store`. */
  maxEntries?: number;
  /**
   * Answers with these finish reasons are cached (default "stop", "length", "tool-calls").
   * Use ["stop"] to cache only answers the model finished on its own.
   */
  cacheFinishReasons?: readonly FinishReason[];
  /** Told about a store that failed; the call goes on as a miss (default: ignore). */
  onStoreError?: (error: unknown, operation: "get" | "set") => void;
}

/** The options after validation, with defaults filled in. */
export interface CheckedResponseCacheOptions {
  ttlMs: number;
  store: CacheStore | undefined;
  maxEntries: number | undefined;
  cacheFinishReasons: ReadonlySet<FinishReason>;
  onStoreError: ((error: unknown, operation: "get" | "set") => void) | undefined;
}

const finishReasons: readonly FinishReason[] = [
  "stop",
  "length",
  "tool-calls",
  "content-filter",
  "error",
  "other",
];

/** Checks ResponseCache options once, at construction; throws a ConfigError naming the field. */
export function checkResponseCacheOptions(options: ResponseCacheOptions): CheckedResponseCacheOptions {
  if (typeof options !== "object" || options === null) {
    throw new ConfigError("Invalid ResponseCache options: expected an object like { ttlMs: 3_600_000 }.");
  }
  const ttlMs = options.ttlMs ?? 3_600_000;
  if (typeof ttlMs !== "number" || !Number.isFinite(ttlMs) || ttlMs <= 0) {
    throw new ConfigError(
      `Invalid ResponseCache options: "ttlMs" must be a positive number of milliseconds (got ${describeValue(ttlMs)}).`,
    );
  }
  const store = options.store;
  if (
    store !== undefined &&
    (typeof store !== "object" ||
      store === null ||
      typeof store.get !== "function" ||
      typeof store.set !== "function")
  ) {
    throw new ConfigError(
      `Invalid ResponseCache options: "store" must be a CacheStore (get and set), such as new MemoryCacheStore() or @ffc/redis's RedisCacheStore.`,
    );
  }
  if (store !== undefined && options.maxEntries !== undefined) {
    throw new ConfigError(
      `Invalid ResponseCache options: "maxEntries" sizes the built-in memory store; with your own "store", set its size there.`,
    );
  }
  const reasons = options.cacheFinishReasons ?? ["stop", "length", "tool-calls"];
  if (!Array.isArray(reasons) || reasons.some((reason) => !finishReasons.includes(reason))) {
    throw new ConfigError(
      `Invalid ResponseCache options: "cacheFinishReasons" must be a list of ${finishReasons.map((reason) => `"${reason}"`).join(", ")}.`,
    );
  }
  if (options.onStoreError !== undefined && typeof options.onStoreError !== "function") {
    throw new ConfigError(
      `Invalid ResponseCache options: "onStoreError" must be a function (got ${describeValue(options.onStoreError)}).`,
    );
  }
  return {
    ttlMs,
    store,
    maxEntries: options.maxEntries,
    cacheFinishReasons: new Set(reasons),
    onStoreError: options.onStoreError,
  };
}
