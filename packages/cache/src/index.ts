export { cacheKeyFor } from "./cache-key";
export type { CachedEntry } from "./cached-entry";
export { canonicalJson } from "./canonical-json";
export { MemoryCacheStore, type MemoryCacheStoreOptions } from "./memory-cache-store";
export { ResponseCache, type ResponseCacheStats } from "./response-cache";
export type { ResponseCacheOptions } from "./response-cache-options";
