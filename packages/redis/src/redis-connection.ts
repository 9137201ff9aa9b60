import { ConfigError } from "@ffc/core";
import { Cluster, type ClusterOptions, Redis, type RedisOptions } from "ioredis";

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
  /** How long one command may take before Redis counts as unreachable, in ms (default 2000). */
  commandTimeoutMs?: number;
  /** How long connecting may take before Redis counts as unreachable, in ms (default 2000). */
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
  if (isRedisClient(input)) return borrowed(input);
  const options: RedisConnectionOptions =
    typeof input === "string" ? { url: input } : checkObject(input, field);
  const given = (["url", "clusterNodes", "client"] as const).filter((name) => options[name] !== undefined);
  if (given.length !== 1) {
    throw new ConfigError(
      `Invalid ${field}: give exactly one of "url", "clusterNodes" or "client" (got ${given.length === 0 ? "none" : given.join(", ")}).`,
    );
  }
  const commandTimeout = checkTimeout(options.commandTimeoutMs, `${field}.commandTimeoutMs`);
  const connectTimeout = checkTimeout(options.connectTimeoutMs, `${field}.connectTimeoutMs`);
  if (options.client !== undefined) {
    if (!isRedisClient(options.client)) {
      throw new ConfigError(`Invalid ${field}.client: expected an ioredis Redis or Cluster instance.`);
    }
    return borrowed(options.client);
  }
  const failFast: RedisOptions = {
    commandTimeout,
    connectTimeout,
    maxRetriesPerRequest: 0,
    retryStrategy: (times) => Math.min(times * 50, 1000),
    lazyConnect: true,
  };
  if (options.url !== undefined) {
    const { host, port, username, password, db, tls } = parseRedisUrl(options.url, `${field}.url`);
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
  const nodes = parseClusterNodes(options.clusterNodes!, `${field}.clusterNodes`);
  const { retryStrategy: _nodeRetry, ...nodeOptions } = failFast;
  const cluster = new Cluster(nodes, {
    lazyConnect: true,
    clusterRetryStrategy: (times) => Math.min(times * 50, 1000),
    redisOptions: { ...nodeOptions, ...options.redisOptions },
    ...options.clusterOptions,
  });
  return owned(cluster);
}

/** Parses and checks a redis:// URL; the message never repeats the URL, which may hold a password. */
export function parseRedisUrl(
  url: string,
  field = "url",
): { host: string; port: number; username?: string; password?: string; db: number; tls: boolean } {
  if (typeof url !== "string" || url.trim() === "") {
    throw new ConfigError(`Invalid ${field}: expected a URL like "redis://127.0.0.1:6379".`);
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError(`Invalid ${field}: not a URL; expected one like "redis://127.0.0.1:6379".`);
  }
  if (parsed.protocol !== "redis:" && parsed.protocol !== "rediss:") {
    throw new ConfigError(
      `Invalid ${field}: the scheme must be "redis:" or "rediss:", not "${parsed.protocol}".`,
    );
  }
  if (parsed.hostname === "") throw new ConfigError(`Invalid ${field}: the URL has no host.`);
  const port = parsed.port === "" ? 6379 : Number(parsed.port);
  const database = parsed.pathname.replace(/^\//, "");
  const db = database === "" ? 0 : Number(database);
  if (!Number.isInteger(db) || db < 0) {
    throw new ConfigError(`Invalid ${field}: the path must be a database number such as "/0".`);
  }
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
  const list = typeof nodes === "string" ? nodes.split(",") : Array.isArray(nodes) ? nodes : undefined;
  if (list === undefined) throw new ConfigError(`Invalid ${field}: expected "host:port" strings.`);
  const parsed = list
    .map((node) => (typeof node === "string" ? node.trim() : ""))
    .filter((node) => node !== "")
    .map((node) => {
      const match = /^(.+):(\d{1,5})$/.exec(node);
      const port = match ? Number(match[2]) : Number.NaN;
      if (!match || port < 1 || port > 65535) {
        throw new ConfigError(`Invalid ${field}: "${node}" is not "host:port" (e.g. "127.0.0.1:7000").`);
      }
      return { host: match[1]!.replace(/^\[|\]$/g, ""), port };
    });
  if (parsed.length === 0)
    throw new ConfigError(`Invalid ${field}: give at least one "host:port" seed node.`);
  return parsed;
}

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

function checkObject(input: unknown, field: string): RedisConnectionOptions {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new ConfigError(
      `Invalid ${field}: expected a redis:// URL, an options object or an ioredis client.`,
    );
  }
  return input as RedisConnectionOptions;
}

function checkTimeout(value: number | undefined, field: string): number {
  if (value === undefined) return defaultTimeoutMs;
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    throw new ConfigError(`Invalid ${field}: expected a positive number of milliseconds.`);
  }
  return value;
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
