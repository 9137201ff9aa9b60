import { type CacheStore, checkOptions } from "@ffc/core/plugin";
import {
  createRedisClient,
  type RedisClient,
  type RedisConnection,
  type RedisConnectionInput,
  redisStoreRules,
} from "./redis-connection";
import { redisKey } from "./redis-keys";

/** Options of a RedisCacheStore. */
export interface RedisCacheStoreOptions {
  /** A redis:// URL, connection options (standalone or cluster) or an ioredis client. */
  redis: RedisConnectionInput;
  /**
   * Prefix of every key; no braces.
   * @default "ffc"
   */
  keyPrefix?: string;
}

/**
 * Cached responses on Redis, shared by every process: one string key per answer, expired by
 * Redis itself (SET ... PX). Bound its memory with Redis's `maxmemory` and an LRU policy.
 */
export class RedisCacheStore implements CacheStore {
  readonly #connection: RedisConnection;
  readonly #prefix: string;

  constructor(options: RedisCacheStoreOptions) {
    const checked = checkOptions(
      "RedisCacheStore",
      options,
      redisStoreRules,
      '{ redis: "redis://127.0.0.1:6379" }',
    );
    this.#prefix = checked.keyPrefix;
    this.#connection = createRedisClient(checked.redis!);
  }

  async get(key: string): Promise<string | undefined> {
    const value = await this.#connection.client.get(this.#key(key));
    return value ?? undefined;
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    await this.#connection.client.set(this.#key(key), value, "PX", Math.max(1, Math.ceil(ttlMs)));
  }

  async delete(key: string): Promise<void> {
    await this.#connection.client.del(this.#key(key));
  }

  /** The ioredis client, e.g. to share it with another store. */
  get client(): RedisClient {
    return this.#connection.client;
  }

  /** Disconnects from Redis when the store created the client. */
  async close(): Promise<void> {
    await this.#connection.close();
  }

  #key(key: string): string {
    return redisKey(this.#prefix, "cache", key);
  }
}
