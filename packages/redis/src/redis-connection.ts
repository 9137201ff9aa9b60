import type { OptionProblem } from "@ffc/core";
import { isPlainObject, type OptionRule, option, optionsError } from "@ffc/core/plugin";
import { Cluster, type ClusterOptions, Redis, type RedisOptions } from "ioredis";
import { defaultKeyPrefix, isValidKeyPrefix } from "./redis-keys";

/** A standalone Redis client or a Redis Cluster client; every FFC store accepts either. */
export type RedisClient = Redis | Cluster;

/**
 * What a store does when Redis cannot be reached: "closed" refuses the work (budgets refuse the
 * call before anything is sent), "open" lets it through unmetered and says so in an event.
 */
export type RedisFailMode = "closed" | "open";

/** How to reach Redis, as an options object. Give exactly one of `url`, `clusterNodes` or `client`. */
export interface RedisConnectionOptions {
  /** A `redis://` or `rediss://` URL of a standalone server, e.g. "redis://127.0.0.1:6379/0". */
  url?: string;
  /** Seed nodes of a Redis Cluster: "host:port" strings (or one comma-separated string). */
  clusterNodes?: string | readonly string[];
  /** An ioredis `Redis` or `Cluster` you already hold; FFC never closes a client it did not create. */
  client?: RedisClient;
  /** Extra ioredis options for a client FFC creates (for a cluster: the per-node options). */
  redisOptions?: RedisOptions;
  /** Extra ioredis Cluster options for a cluster client FFC creates. */
  clusterOptions?: ClusterOptions;
  /**
   * How long one command may take before Redis counts as unreachable, in ms.
   * @default 2000
   */
  commandTimeoutMs?: number;
  /**
   * How long connecting may take before Redis counts as unreachable, in ms.
   * @default 2000
   */
  connectTimeoutMs?: number;
}

/** A redis:// URL, an options object, or an existing ioredis client. */
export type RedisConnectionInput = string | RedisConnectionOptions | RedisClient;

/** A client together with whether FFC owns it (and so must close it). */
export interface RedisConnection {
  /** The ioredis client. */
  readonly client: RedisClient;
  /** True when FFC created the client; `close()` then disconnects it. */
  readonly ownsClient: boolean;
  /** Disconnects the client when FFC created it; a no-op for a client passed in. */
  close(): Promise<void>;
}

const defaultTimeoutMs = 2000;

/**
 * Builds an ioredis client from a URL, options or an existing client, validating the input at
 * once so that a typo fails at construction (naming `field`) rather than inside a call.
 *
 * Clients FFC creates fail fast instead of queueing forever: a command waits at most
 * `commandTimeoutMs`, and queued commands are rejected as soon as a reconnect fails, because a
 * budget must refuse a call quickly when Redis is down rather than hang it.
 */
export function createRedisClient(input: RedisConnectionInput, field = "redis"): RedisConnection {
  const problems: OptionProblem[] = [];
  const checked = redisConnectionOption()(input, field, problems);
  if (problems.length > 0 || checked === undefined) throw optionsError("createRedisClient", problems);
  return connect(checked);
}

/** Connects checked input: a client is borrowed, a URL or cluster nodes make a client FFC owns. */
function connect(input: RedisConnectionInput): RedisConnection {
  if (isRedisClient(input)) return borrowed(input);
  const options: RedisConnectionOptions = typeof input === "string" ? { url: input } : input;
  if (options.client !== undefined) return borrowed(options.client);
  const commandTimeout = options.commandTimeoutMs ?? defaultTimeoutMs;
  const connectTimeout = options.connectTimeoutMs ?? defaultTimeoutMs;
  const failFast: RedisOptions = {
    commandTimeout,
    connectTimeout,
    maxRetriesPerRequest: 0,
    retryStrategy: (times) => Math.min(times * 50, 1000),
    lazyConnect: true,
  };
  if (options.url !== undefined) {
    const { host, port, username, password, db, tls } = parseRedisUrl(options.url);
    const client = new Redis({
      host,
      port,
      db,
      ...(username ? { username } : {}),
      ...(password ? { password } : {}),
      ...(tls ? { tls: {} } : {}),
      ...failFast,
      ...options.redisOptions,
    });
    return owned(client);
  }
  const nodes = parseClusterNodes(options.clusterNodes!);
  const { retryStrategy: _nodeRetry, ...nodeOptions } = failFast;
  const cluster = new Cluster(nodes, {
    lazyConnect: true,
    clusterRetryStrategy: (times) => Math.min(times * 50, 1000),
    redisOptions: { ...nodeOptions, ...options.redisOptions },
    ...options.clusterOptions,
  });
  return owned(cluster);
}

type ParsedUrl = {
  host: string;
  port: number;
  username?: string;
  password?: string;
  db: number;
  tls: boolean;
};

/** Parses and checks a redis:// URL; the message never repeats the URL, which may hold a password. */
export function parseRedisUrl(url: string, field = "url"): ParsedUrl {
  const parsed = readRedisUrl(url);
  if (typeof parsed === "string") throw optionsError("Redis connection", [{ field, message: parsed }]);
  return parsed;
}

/** The parsed URL, or what is wrong with it as a phrase following the option's name. */
function readRedisUrl(url: unknown): ParsedUrl | string {
  if (typeof url !== "string" || url.trim() === "") return 'must be a URL like "redis://127.0.0.1:6379"';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'is not a URL; expected one like "redis://127.0.0.1:6379"';
  }
  if (parsed.protocol !== "redis:" && parsed.protocol !== "rediss:") {
    return `must use the scheme "redis:" or "rediss:", not "${parsed.protocol}"`;
  }
  if (parsed.hostname === "") return "has no host";
  const port = parsed.port === "" ? 6379 : Number(parsed.port);
  const database = parsed.pathname.replace(/^\//, "");
  const db = database === "" ? 0 : Number(database);
  if (!Number.isInteger(db) || db < 0) return 'must have a database number such as "/0" as its path';
  return {
    host: parsed.hostname.replace(/^\[|\]$/g, ""),
    port,
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    db,
    tls: parsed.protocol === "rediss:",
  };
}

/** Parses "host:port,host:port" (or a list of "host:port") into ioredis cluster nodes. */
export function parseClusterNodes(
  nodes: string | readonly string[],
  field = "clusterNodes",
): { host: string; port: number }[] {
  const parsed = readClusterNodes(nodes);
  if (typeof parsed === "string") throw optionsError("Redis connection", [{ field, message: parsed }]);
  return parsed;
}

function readClusterNodes(nodes: unknown): { host: string; port: number }[] | string {
  const list = typeof nodes === "string" ? nodes.split(",") : Array.isArray(nodes) ? nodes : undefined;
  if (list === undefined) return 'must be "host:port" strings';
  const parsed: { host: string; port: number }[] = [];
  for (const entry of list) {
    const node = typeof entry === "string" ? entry.trim() : "";
    if (node === "") continue;
    const match = /^(.+):(\d{1,5})$/.exec(node);
    const port = match ? Number(match[2]) : Number.NaN;
    if (!match || port < 1 || port > 65535)
      return `has "${node.slice(0, 60)}", which is not "host:port" (e.g. "127.0.0.1:7000")`;
    parsed.push({ host: match[1]!.replace(/^\[|\]$/g, ""), port });
  }
  if (parsed.length === 0) return 'must hold at least one "host:port" seed node';
  return parsed;
}

const connectionRules = {
  url: option.custom<string>((value) => {
    const parsed = readRedisUrl(value);
    return typeof parsed === "string" ? parsed : { value: value as string };
  }),
  clusterNodes: option.custom<string | readonly string[]>((value) => {
    const parsed = readClusterNodes(value);
    return typeof parsed === "string" ? parsed : { value: value as string | readonly string[] };
  }),
  client: option.custom<RedisClient>((value) =>
    isRedisClient(value) ? { value } : "must be an ioredis Redis or Cluster instance",
  ),
  redisOptions: option.custom<RedisOptions>((value) =>
    isPlainObject(value) ? { value: value as RedisOptions } : "must be an object of ioredis options",
  ),
  clusterOptions: option.custom<ClusterOptions>((value) =>
    isPlainObject(value)
      ? { value: value as ClusterOptions }
      : "must be an object of ioredis Cluster options",
  ),
  commandTimeoutMs: option.number({ min: 0, exclusiveMin: true }),
  connectTimeoutMs: option.number({ min: 0, exclusiveMin: true }),
};

/**
 * The options-kit rule of a `redis` option: a redis:// URL, connection options with exactly one
 * of `url`, `clusterNodes` or `client`, or an ioredis client. Problems are named by path, e.g.
 * "redis.url", and never repeat the URL, which may hold a password.
 */
export function redisConnectionOption(): OptionRule<RedisConnectionInput | undefined> {
  return (value, field, problems) => {
    if (value === undefined) {
      problems.push({
        field,
        message: "is required: a redis:// URL, { url }, { clusterNodes } or an ioredis client",
      });
      return undefined;
    }
    if (isRedisClient(value)) return value;
    if (typeof value === "string") {
      const parsed = readRedisUrl(value);
      if (typeof parsed !== "string") return value;
      problems.push({ field, message: parsed });
      return undefined;
    }
    if (!isPlainObject(value)) {
      problems.push({ field, message: "must be a redis:// URL, an options object or an ioredis client" });
      return undefined;
    }
    const before = problems.length;
    const checked = option.object(connectionRules)(value, field, problems);
    if (checked === undefined || problems.length > before) return undefined;
    const given = (["url", "clusterNodes", "client"] as const).filter((name) => checked[name] !== undefined);
    if (given.length !== 1) {
      problems.push({
        field,
        message: `must give exactly one of "url", "clusterNodes" or "client" (got ${given.length === 0 ? "none" : given.join(", ")})`,
      });
      return undefined;
    }
    return checked as RedisConnectionOptions;
  };
}

/** The rule of a store's `keyPrefix`: no braces, which would break Redis Cluster hash tags. */
export function keyPrefixOption() {
  return option.custom<string, { default: string }>(
    (value) =>
      typeof value === "string" && isValidKeyPrefix(value)
        ? { value }
        : 'must be a non-empty string without "{" or "}"',
    { default: defaultKeyPrefix },
  );
}

/** The rules every Redis store shares: where Redis is and the prefix of its keys. */
export const redisStoreRules = { redis: redisConnectionOption(), keyPrefix: keyPrefixOption() };

/** True for an ioredis Redis or Cluster instance (duck-typed, so two ioredis copies both work). */
export function isRedisClient(value: unknown): value is RedisClient {
  return (
    value instanceof Redis ||
    value instanceof Cluster ||
    (typeof value === "object" &&
      value !== null &&
      typeof (value as Redis).evalsha === "function" &&
      typeof (value as Redis).defineCommand === "function")
  );
}

function borrowed(client: RedisClient): RedisConnection {
  return { client, ownsClient: false, close: async () => {} };
}

function owned(client: RedisClient): RedisConnection {
  return {
    client,
    ownsClient: true,
    close: async () => {
      // quit() waits for replies in flight; disconnect() is the fallback when Redis is gone.
      try {
        if (client.status === "ready") await client.quit();
        else client.disconnect();
      } catch {
        client.disconnect();
      }
    },
  };
}
