import { type CacheStore, checkOptions, option } from "@ffc/core/plugin";

/** Options of a MemoryCacheStore. */
export interface MemoryCacheStoreOptions {
  /**
   * Most entries kept; the least recently used one is dropped first.
   * @default 1000
   */
  maxEntries?: number;
  /**
   * The clock, in ms since the epoch (vitest's fake timers control Date.now).
   * @default Date.now
   */
  now?: () => number;
}

const memoryStoreRules = {
  maxEntries: option.integer({ min: 1, default: 1000 }),
  now: option.callback<() => number, { default: () => number }>({
    default: () => Date.now(),
    example: "Date.now",
  }),
};

interface Entry {
  value: string;
  expiresAt: number;
}

/** Cached responses in this process: least-recently-used, bounded by `maxEntries`, with TTLs. */
export class MemoryCacheStore implements CacheStore {
  readonly #entries = new Map<string, Entry>();
  readonly #maxEntries: number;
  readonly #now: () => number;

  constructor(options: MemoryCacheStoreOptions = {}) {
    const checked = checkOptions("MemoryCacheStore", options, memoryStoreRules, "{ maxEntries: 1000 }");
    this.#maxEntries = checked.maxEntries;
    this.#now = checked.now;
  }

  /** Entries held now, expired ones included until they are next touched. */
  get size(): number {
    return this.#entries.size;
  }

  async get(key: string): Promise<string | undefined> {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    this.#entries.delete(key);
    if (entry.expiresAt <= this.#now()) return undefined;
    // Re-inserting moves the key to the end of the Map's order: the most recently used.
    this.#entries.set(key, entry);
    return entry.value;
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    this.#entries.delete(key);
    this.#entries.set(key, { value, expiresAt: this.#now() + ttlMs });
    while (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next().value as string;
      this.#entries.delete(oldest);
    }
  }

  async delete(key: string): Promise<void> {
    this.#entries.delete(key);
  }

  async close(): Promise<void> {
    this.#entries.clear();
  }
}
