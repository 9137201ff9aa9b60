import type { FinishReason } from "@ffc/core";
import { type CacheStore, checkOptions, option, optionsError } from "@ffc/core/plugin";

/**
 * Options of a ResponseCache.
 * @example new ResponseCache({ ttlMs: 600_000, maxEntries: 500 })
 */
export interface ResponseCacheOptions {
  /**
   * How long an answer stays cached, in ms.
   * @default 3600000 (one hour)
   */
  ttlMs?: number;
  /**
   * Where answers live.
   * @default a MemoryCacheStore with `maxEntries`
   */
  store?: CacheStore;
  /**
   * Most answers kept by the built-in memory store; not used with `store`.
   * @default 1000
   */
  maxEntries?: number;
  /**
   * Answers with these finish reasons are cached.
   * Use ["stop"] to cache only answers the model finished on its own.
   * @default ["stop", "length", "tool-calls"]
   */
  cacheFinishReasons?: readonly FinishReason[];
  /**
   * Told about a store that failed; the call goes on as a miss.
   * @default none: store failures are ignored
   */
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

const owner = "ResponseCache";

const cacheRules = {
  ttlMs: option.number({ min: 0, exclusiveMin: true, default: 3_600_000 }),
  store: option.implementing<CacheStore>("a CacheStore", ["get", "set"], {
    example: "new MemoryCacheStore() or @ffc/redis's RedisCacheStore",
  }),
  maxEntries: option.integer({ min: 1 }),
  cacheFinishReasons: option.array(option.oneOf(finishReasons, { required: true }), {
    default: ["stop", "length", "tool-calls"] as FinishReason[],
  }),
  onStoreError: option.callback<(error: unknown, operation: "get" | "set") => void>({
    example: "(error) => console.warn(error)",
  }),
};

/** Checks ResponseCache options once, at construction; throws a ConfigError naming every bad field. */
export function checkResponseCacheOptions(options: ResponseCacheOptions): CheckedResponseCacheOptions {
  const checked = checkOptions(owner, options, cacheRules, "{ ttlMs: 3_600_000 }");
  if (checked.store !== undefined && checked.maxEntries !== undefined) {
    throw optionsError(owner, [
      {
        field: "maxEntries",
        message: 'sizes the built-in memory store; with your own "store", set its size there',
      },
    ]);
  }
  return {
    ttlMs: checked.ttlMs,
    store: checked.store,
    maxEntries: checked.maxEntries,
    cacheFinishReasons: new Set(checked.cacheFinishReasons),
    onStoreError: checked.onStoreError,
  };
}
