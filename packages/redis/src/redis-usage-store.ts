import type { Usage } from "@ffc/core";
import { checkOptions, fromNanoUsd, toNanoUsd, type UsageStore, type UsageTotals } from "@ffc/core/plugin";
import {
  createRedisClient,
  type RedisClient,
  type RedisConnection,
  type RedisConnectionInput,
  redisStoreRules,
} from "./redis-connection";
import { redisKey } from "./redis-keys";

/** Options of a RedisUsageStore. */
export interface RedisUsageStoreOptions {
  /** A redis:// URL, connection options (standalone or cluster) or an ioredis client. */
  redis: RedisConnectionInput;
  /**
   * Prefix of every key; no braces.
   * @default "ffc"
   */
  keyPrefix?: string;
}

// Cost is kept in whole nano-dollars: HINCRBY is exact where a float sum would drift.
const usageFields = [
  "inputTokens",
  "outputTokens",
  "totalTokens",
  "cacheReadTokens",
  "cacheWriteTokens",
  "reasoningTokens",
] as const;

/**
 * Usage totals on Redis, shared by every process: one hash per group key, each add one
 * MULTI of HINCRBYs on that hash (atomic per key, and one key per command, so Cluster safe).
 */
export class RedisUsageStore implements UsageStore {
  readonly #connection: RedisConnection;
  readonly #prefix: string;

  constructor(options: RedisUsageStoreOptions) {
    const checked = checkOptions(
      "RedisUsageStore",
      options,
      redisStoreRules,
      '{ redis: "redis://127.0.0.1:6379" }',
    );
    this.#prefix = checked.keyPrefix;
    this.#connection = createRedisClient(checked.redis!);
  }

  async add(keys: readonly string[], usage: Usage, costUsd: number | null): Promise<void> {
    await Promise.all(
      keys.map((key) => {
        const hash = this.#key(key);
        const multi = this.#connection.client.multi();
        for (const field of usageFields) {
          const value = usage[field];
          if (value !== undefined) multi.hincrby(hash, field, Math.round(value));
        }
        if (costUsd === null) multi.hincrby(hash, "unpricedAttempts", 1);
        else multi.hincrby(hash, "costNanoUsd", toNanoUsd(costUsd));
        multi.hincrby(hash, "attempts", 1);
        return multi.exec().then(throwOnCommandError);
      }),
    );
  }

  async get(key: string): Promise<UsageTotals | undefined> {
    const hash = await this.#connection.client.hgetall(this.#key(key));
    if (!hash || Object.keys(hash).length === 0) return undefined;
    const number = (field: string) => Number(hash[field] ?? 0);
    const usage: Usage = {
      inputTokens: number("inputTokens"),
      outputTokens: number("outputTokens"),
      totalTokens: number("totalTokens"),
    };
    for (const field of ["cacheReadTokens", "cacheWriteTokens", "reasoningTokens"] as const) {
      if (hash[field] !== undefined) usage[field] = number(field);
    }
    return {
      usage,
      costUsd: fromNanoUsd(number("costNanoUsd")),
      unpricedAttempts: number("unpricedAttempts"),
      attempts: number("attempts"),
    };
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
    return redisKey(this.#prefix, "usage", key);
  }
}

function throwOnCommandError(results: Array<[Error | null, unknown]> | null): void {
  if (!results) throw new Error("The Redis transaction was aborted.");
  const failed = results.find(([error]) => error);
  if (failed) throw failed[0];
}
