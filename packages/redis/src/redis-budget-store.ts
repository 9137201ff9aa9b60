import { FFCError } from "@ffc/core";
import {
  type BudgetReserveOutcome,
  type BudgetStore,
  type BudgetUsage,
  checkOptions,
  fromNanoUsd,
  toNanoUsd,
} from "@ffc/core/plugin";
import { reserveScript, settleScript, usageScript } from "./redis-budget-scripts";
import {
  createRedisClient,
  type RedisClient,
  type RedisConnection,
  type RedisConnectionInput,
  redisStoreRules,
} from "./redis-connection";
import { redisKeyFamily } from "./redis-keys";

type ReserveRequest = Parameters<BudgetStore["reserve"]>[0];
type SettleRequest = Parameters<BudgetStore["settle"]>[0];
type ScriptReply = [number, string, number, number, number, number, number];

interface BudgetCommands {
  ffcBudgetReserve(...args: (string | number)[]): Promise<ScriptReply>;
  ffcBudgetSettle(...args: (string | number)[]): Promise<ScriptReply>;
  ffcBudgetUsage(...args: (string | number)[]): Promise<ScriptReply>;
}

/** Options of a RedisBudgetStore. */
export interface RedisBudgetStoreOptions {
  /** A redis:// URL, connection options (url, clusterNodes, client) or an ioredis Redis/Cluster. */
  redis: RedisConnectionInput;
  /**
   * Prefix of every key; use one per application sharing a server. No braces.
   * @default "ffc"
   */
  keyPrefix?: string;
}

const parts = ["state", "reservations", "expiry", "settled"] as const;

/**
 * Budget state in Redis, shared by every process and machine that points at it. Each operation
 * is one Lua script (sent with EVALSHA, falling back to EVAL when the server lacks it), and the
 * keys of one budget share a hash tag, so it is atomic on a single server and on Redis Cluster.
 * When Redis cannot be reached, every method rejects quickly with an FFCError saying so;
 * the BudgetManager then refuses the call (failMode "closed") or lets it through ("open").
 */
export class RedisBudgetStore implements BudgetStore {
  readonly #connection: RedisConnection;
  readonly #client: RedisClient & BudgetCommands;
  readonly #prefix: string;

  constructor(options: RedisBudgetStoreOptions) {
    const checked = checkOptions(
      "RedisBudgetStore",
      options,
      redisStoreRules,
      '{ redis: "redis://127.0.0.1:6379" }',
    );
    this.#prefix = checked.keyPrefix;
    this.#connection = createRedisClient(checked.redis!);
    const client = this.#connection.client;
    // An error event without a listener would crash the process; failures surface per command.
    if (this.#connection.ownsClient) client.on("error", () => {});
    for (const [name, lua] of [
      ["ffcBudgetReserve", reserveScript],
      ["ffcBudgetSettle", settleScript],
      ["ffcBudgetUsage", usageScript],
    ] as const) {
      if (!(name in client)) client.defineCommand(name, { numberOfKeys: parts.length, lua });
    }
    this.#client = client as RedisClient & BudgetCommands;
  }

  /** The ioredis client in use. */
  get client(): RedisClient {
    return this.#client;
  }

  async reserve(request: ReserveRequest): Promise<BudgetReserveOutcome> {
    const { limits } = request;
    const reply = await this.#run("reserve", () =>
      this.#client.ffcBudgetReserve(
        ...this.#keys(request.key),
        request.reservationId,
        Math.round(request.amount.tokens),
        toNano(request.amount.usd),
        limits.tokens === undefined ? "" : Math.floor(limits.tokens),
        limits.usd === undefined ? "" : toNano(limits.usd),
        Math.ceil(request.ttlMs),
        Math.ceil(request.expireKeyAfterMs),
      ),
    );
    const usage = usageOf(reply);
    return reply[0] === 1
      ? { ok: true, ...usage }
      : { ok: false, exceeded: reply[1] as "tokens" | "usd", ...usage };
  }

  async settle(request: SettleRequest): Promise<BudgetUsage> {
    const reply = await this.#run("settle", () =>
      this.#client.ffcBudgetSettle(
        ...this.#keys(request.key),
        request.reservationId,
        Math.round(request.actual.tokens),
        toNano(request.actual.usd),
        Math.ceil(request.rememberMs),
        Math.ceil(request.expireKeyAfterMs),
      ),
    );
    return usageOf(reply);
  }

  async usage(key: string): Promise<BudgetUsage> {
    return usageOf(await this.#run("usage", () => this.#client.ffcBudgetUsage(...this.#keys(key))));
  }

  /** Disconnects a client this store created; a client you passed in stays open. */
  close(): Promise<void> {
    return this.#connection.close();
  }

  #keys(key: string): string[] {
    const family = redisKeyFamily(this.#prefix, "budget", key, parts);
    return parts.map((part) => family[part]);
  }

  async #run(operation: string, command: () => Promise<ScriptReply>): Promise<ScriptReply> {
    try {
      return await command();
    } catch (error) {
      // The message names the operation and Redis's own words, never the URL (it may hold a password).
      throw new FFCError(
        `Redis budget store: ${operation} failed, Redis is unreachable or refused the command: ${messageOf(error)}`,
        {
          cause: error,
          retryable: true,
        },
      );
    }
  }
}

function usageOf(reply: ScriptReply): BudgetUsage {
  return {
    spent: { tokens: Number(reply[2]), usd: fromNanoUsd(Number(reply[3])) },
    reserved: { tokens: Number(reply[4]), usd: fromNanoUsd(Number(reply[5])) },
    reservations: Number(reply[6]),
  };
}

function toNano(usd: number): number {
  return toNanoUsd(usd);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
