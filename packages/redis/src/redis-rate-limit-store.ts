import {
  checkOptions,
  type RateLimitStore,
  type RateLimitTakeOutcome,
  type RateLimitTakeRequest,
} from "@ffc/core/plugin";
import {
  createRedisClient,
  type RedisClient,
  type RedisConnection,
  type RedisConnectionInput,
  redisStoreRules,
} from "./redis-connection";
import { redisKey, redisKeyFamily } from "./redis-keys";

/** Options of a RedisRateLimitStore. */
export interface RedisRateLimitStoreOptions {
  /** A redis:// URL, connection options (standalone or cluster) or an ioredis client. */
  redis: RedisConnectionInput;
  /**
   * Prefix of every key; no braces.
   * @default "ffc"
   */
  keyPrefix?: string;
}

// Redis's own clock (TIME) times every take, so processes with skewed clocks agree.
const clock = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
`;

/**
 * KEYS: log (sorted set: take id by time), amounts (hash: take id -> amount, '#total' -> sum).
 * ARGV: id, amount, limit, windowMs. Returns {ok, remaining, retryAfterMs} as strings.
 */
const takeScript = `${clock}
local log, amounts = KEYS[1], KEYS[2]
local id, amount, limit, window = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
while true do
  local old = redis.call('ZRANGEBYSCORE', log, '-inf', now - window, 'LIMIT', 0, 500)
  if #old == 0 then break end
  local values = redis.call('HMGET', amounts, unpack(old))
  local freed = 0
  for i = 1, #values do freed = freed + (tonumber(values[i]) or 0) end
  redis.call('ZREM', log, unpack(old))
  redis.call('HDEL', amounts, unpack(old))
  redis.call('HINCRBY', amounts, '#total', -freed)
end
local total = tonumber(redis.call('HGET', amounts, '#total') or '0')
local left = math.max(0, limit - total)
if amount > limit then return {'0', tostring(left), '-1'} end
if total + amount <= limit then
  redis.call('ZADD', log, now, id)
  redis.call('HSET', amounts, id, amount)
  total = redis.call('HINCRBY', amounts, '#total', amount)
  redis.call('PEXPIRE', log, window + 1000)
  redis.call('PEXPIRE', amounts, window + 1000)
  return {'1', tostring(limit - total), '0'}
end
local excess = total + amount - limit
local freed = 0
local offset = 0
while true do
  local batch = redis.call('ZRANGE', log, offset, offset + 499, 'WITHSCORES')
  if #batch == 0 then break end
  local ids = {}
  for i = 1, #batch, 2 do ids[#ids + 1] = batch[i] end
  local values = redis.call('HMGET', amounts, unpack(ids))
  for i = 1, #ids do
    freed = freed + (tonumber(values[i]) or 0)
    if freed >= excess then
      return {'0', tostring(left), tostring(math.max(1, tonumber(batch[i * 2]) + window - now))}
    end
  end
  offset = offset + 500
end
return {'0', tostring(left), tostring(window)}
`;

/** KEYS: log, amounts. ARGV: id, amount, windowMs. */
const settleScript = `${clock}
local log, amounts = KEYS[1], KEYS[2]
local id, amount, window = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3])
local at = redis.call('ZSCORE', log, id)
if not at or tonumber(at) <= now - window then return 0 end
local old = tonumber(redis.call('HGET', amounts, id) or '0')
if amount == 0 then
  redis.call('ZREM', log, id)
  redis.call('HDEL', amounts, id)
else
  redis.call('HSET', amounts, id, amount)
end
redis.call('HINCRBY', amounts, '#total', amount - old)
return 1
`;

/** KEYS: pause. ARGV: durationMs. A shorter pause never shortens a longer one. */
const pauseScript = `
local left = redis.call('PTTL', KEYS[1])
if left < tonumber(ARGV[1]) then redis.call('SET', KEYS[1], '1', 'PX', ARGV[1]) end
return 1
`;

interface ScriptedClient {
  ffcRateLimitTake(
    log: string,
    amounts: string,
    id: string,
    amount: number,
    limit: number,
    windowMs: number,
  ): Promise<string[]>;
  ffcRateLimitSettle(
    log: string,
    amounts: string,
    id: string,
    amount: number,
    windowMs: number,
  ): Promise<number>;
  ffcRateLimitPause(key: string, durationMs: number): Promise<number>;
}

/**
 * Rate-limit state on Redis, shared by every process: the sliding-window log of
 * MemoryRateLimitStore, one atomic Lua script per operation, timed by Redis's clock. The
 * keys of one limit share a hash tag, so it works on Redis Cluster.
 */
export class RedisRateLimitStore implements RateLimitStore {
  readonly #connection: RedisConnection;
  readonly #client: RedisClient & ScriptedClient;
  readonly #prefix: string;

  constructor(options: RedisRateLimitStoreOptions) {
    const checked = checkOptions(
      "RedisRateLimitStore",
      options,
      redisStoreRules,
      '{ redis: "redis://127.0.0.1:6379" }',
    );
    this.#prefix = checked.keyPrefix;
    this.#connection = createRedisClient(checked.redis!);
    const client = this.#connection.client;
    for (const [name, numberOfKeys, lua] of [
      ["ffcRateLimitTake", 2, takeScript],
      ["ffcRateLimitSettle", 2, settleScript],
      ["ffcRateLimitPause", 1, pauseScript],
    ] as const) {
      // A client shared by several stores gets each script once.
      if (!(name in client)) client.defineCommand(name, { numberOfKeys, lua });
    }
    this.#client = client as RedisClient & ScriptedClient;
  }

  async take(request: RateLimitTakeRequest): Promise<RateLimitTakeOutcome> {
    checkAmount(request.amount);
    const keys = this.#keys(request.key);
    const [ok, remaining, retryAfterMs] = await this.#client.ffcRateLimitTake(
      keys.log,
      keys.amounts,
      request.id,
      request.amount,
      request.limit,
      Math.ceil(request.windowMs),
    );
    return { ok: ok === "1", remaining: Number(remaining), retryAfterMs: Number(retryAfterMs) };
  }

  async settle(request: { key: string; id: string; amount: number; windowMs: number }): Promise<void> {
    checkAmount(request.amount);
    const keys = this.#keys(request.key);
    await this.#client.ffcRateLimitSettle(
      keys.log,
      keys.amounts,
      request.id,
      request.amount,
      Math.ceil(request.windowMs),
    );
  }

  async pause(request: { key: string; durationMs: number }): Promise<void> {
    const durationMs = Math.ceil(request.durationMs);
    if (!(durationMs > 0)) return;
    await this.#client.ffcRateLimitPause(redisKey(this.#prefix, "ratelimit-pause", request.key), durationMs);
  }

  async pausedFor(key: string): Promise<number> {
    const left = await this.#client.pttl(redisKey(this.#prefix, "ratelimit-pause", key));
    return Math.max(left, 0);
  }

  /** The ioredis client, e.g. to share it with another store. */
  get client(): RedisClient {
    return this.#connection.client;
  }

  /** Disconnects from Redis when the store created the client. */
  async close(): Promise<void> {
    await this.#connection.close();
  }

  #keys(key: string): { log: string; amounts: string } {
    return redisKeyFamily(this.#prefix, "ratelimit", key, ["log", "amounts"] as const);
  }
}

function checkAmount(amount: number): void {
  // HINCRBY keeps integers exactly; fractions would drift.
  if (!Number.isInteger(amount) || amount < 0) {
    throw new RangeError(`RedisRateLimitStore: amounts must be non-negative whole numbers (got ${amount}).`);
  }
}
