import { FFCError } from "@ffc/core";
import { type BreakerState, type BreakerStore, checkOptions, option } from "@ffc/core/plugin";
import {
  createRedisClient,
  type RedisClient,
  type RedisConnection,
  type RedisConnectionInput,
  redisStoreRules,
} from "./redis-connection";
import { redisKey } from "./redis-keys";

/** Options of a RedisBreakerStore. */
export interface RedisBreakerStoreOptions {
  /** A redis:// URL, connection options (standalone or cluster) or an ioredis client. */
  redis: RedisConnectionInput;
  /**
   * Prefix of every key; no braces.
   * @default "ffc"
   */
  keyPrefix?: string;
  /**
   * A breaker untouched this long is forgotten, i.e. closed again, in ms.
   * @default 86400000 (one day)
   */
  expireAfterMs?: number;
  /**
   * Most compare-and-set rounds of one update under contention before it fails.
   * @default 100
   */
  maxUpdateRounds?: number;
}

/**
 * KEYS: state. ARGV: expected JSON ('' for none), new JSON, expireAfterMs.
 * Writes only when the stored state is still the one `change` saw; otherwise returns it.
 */
const compareAndSetScript = `
local current = redis.call('GET', KEYS[1])
if (current or '') ~= ARGV[1] then return {0, current or ''} end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
return {1, ''}
`;

interface ScriptedClient {
  ffcBreakerCompareAndSet(
    key: string,
    expected: string,
    next: string,
    expireAfterMs: number,
  ): Promise<[number, string]>;
}

const redisBreakerStoreRules = {
  ...redisStoreRules,
  expireAfterMs: option.integer({ min: 1, default: 86_400_000 }),
  maxUpdateRounds: option.integer({ min: 1, default: 100 }),
};

/**
 * Circuit-breaker state on Redis, shared by every process, so that when one process opens a
 * breaker all of them skip that target. `update` is an optimistic compare-and-set in Lua:
 * `change` runs on the latest state and is retried when another process wrote in between.
 */
export class RedisBreakerStore implements BreakerStore {
  readonly #connection: RedisConnection;
  readonly #client: RedisClient & ScriptedClient;
  readonly #prefix: string;
  readonly #expireAfterMs: number;
  readonly #maxUpdateRounds: number;

  constructor(options: RedisBreakerStoreOptions) {
    const checked = checkOptions(
      "RedisBreakerStore",
      options,
      redisBreakerStoreRules,
      '{ redis: "redis://127.0.0.1:6379" }',
    );
    this.#prefix = checked.keyPrefix;
    this.#expireAfterMs = checked.expireAfterMs;
    this.#maxUpdateRounds = checked.maxUpdateRounds;
    this.#connection = createRedisClient(checked.redis!);
    const client = this.#connection.client;
    // A client shared by several stores gets the script once.
    if (!("ffcBreakerCompareAndSet" in client)) {
      client.defineCommand("ffcBreakerCompareAndSet", { numberOfKeys: 1, lua: compareAndSetScript });
    }
    this.#client = client as RedisClient & ScriptedClient;
  }

  async get(key: string): Promise<BreakerState | undefined> {
    return parseState(await this.#client.get(this.#key(key)));
  }

  async update(
    key: string,
    change: (current: BreakerState | undefined) => BreakerState,
  ): Promise<BreakerState> {
    const redisKeyName = this.#key(key);
    let raw = (await this.#client.get(redisKeyName)) ?? "";
    for (let round = 0; round < this.#maxUpdateRounds; round += 1) {
      const current = parseState(raw);
      const next = change(current);
      // The hot path of a closed breaker changes nothing and so writes nothing.
      if (next === current) return current;
      const written = JSON.stringify(next);
      const [ok, stored] = await this.#client.ffcBreakerCompareAndSet(
        redisKeyName,
        raw,
        written,
        this.#expireAfterMs,
      );
      if (Number(ok) === 1) return next;
      raw = stored;
      // Spread the retries out: contenders retrying in lockstep would keep colliding.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(50, 2 ** round)));
    }
    throw new FFCError(
      `RedisBreakerStore: the breaker state of "${key}" kept changing under ${this.#maxUpdateRounds} concurrent updates; try again.`,
      { retryable: true },
    );
  }

  async delete(key: string): Promise<void> {
    await this.#client.del(this.#key(key));
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
    return redisKey(this.#prefix, "breaker", key);
  }
}

const states = new Set(["closed", "open", "half-open"]);

/** Reads a stored state; anything unreadable counts as none (a closed breaker). */
function parseState(raw: string | null | undefined): BreakerState | undefined {
  if (!raw) return undefined;
  let parsed: Partial<BreakerState>;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!parsed || !states.has(parsed.state as string)) return undefined;
  const number = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? value : 0);
  return {
    state: parsed.state as BreakerState["state"],
    failures: number(parsed.failures),
    calls: number(parsed.calls),
    windowStart: number(parsed.windowStart),
    openUntil: number(parsed.openUntil),
    probeUntil: number(parsed.probeUntil),
  };
}
