/**
 * Storage of cached responses, behind a small interface.
 * Owned by @ffc/cache's design; implemented there (memory) and by @ffc/redis.
 */
export interface CacheStore {
  /** The stored value, or undefined when missing or expired. */
  get(key: string): Promise<string | undefined>;
  /** Stores a value for `ttlMs` milliseconds. */
  set(key: string, value: string, ttlMs: number): Promise<void>;
  delete?(key: string): Promise<void>;
  close?(): Promise<void>;
}
