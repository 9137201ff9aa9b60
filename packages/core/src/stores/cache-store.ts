/**
 * Storage of cached responses, behind a small interface.
 * Owned by @ffc/cache's design; implemented there (memory) and by @ffc/redis.
 * Keys are opaque strings of any characters; values are strings (serialized results).
 */
export interface CacheStore {
  /** The stored value, or undefined when missing or expired. */
  get(key: string): Promise<string | undefined>;
  /** Stores a value for `ttlMs` milliseconds (a positive number), replacing any earlier value. */
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /** Forgets a value; a missing key is not an error. */
  delete?(key: string): Promise<void>;
  /** Releases connections and timers. */
  close?(): Promise<void>;
}
