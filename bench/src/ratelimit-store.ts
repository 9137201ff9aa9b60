// Measures RateLimitStore.take() operations per second in memory and on Redis, and prints a table.
// Run: pnpm exec tsx bench/src/ratelimit-store.ts   (Redis: scripts/redis-up.sh, or FFC_REDIS_URL)
import { randomUUID } from "node:crypto";
import type { RateLimitStore } from "@ffc/core/plugin";
import { MemoryRateLimitStore } from "@ffc/ratelimit";
import { RedisRateLimitStore } from "@ffc/redis";

const redisUrl = process.env.FFC_REDIS_URL ?? "redis://127.0.0.1:6390";
const clusterNodes = process.env.FFC_REDIS_CLUSTER_NODES ?? "127.0.0.1:7000,127.0.0.1:7001,127.0.0.1:7002";
const prefix = `ffc-bench-${randomUUID().slice(0, 8)}`;

interface Case {
  name: string;
  operations: number;
  create: () => RateLimitStore;
}

const cases: Case[] = [
  { name: "memory", operations: 200_000, create: () => new MemoryRateLimitStore() },
  {
    name: "redis",
    operations: 20_000,
    create: () => new RedisRateLimitStore({ redis: redisUrl, keyPrefix: prefix }),
  },
  {
    name: "redis cluster",
    operations: 20_000,
    create: () => new RedisRateLimitStore({ redis: { clusterNodes }, keyPrefix: prefix }),
  },
];

/**
 * Runs `operations` takes with `concurrency` in flight; returns takes per second. `limit` decides
 * the path: a huge limit measures takes that fit (each one is logged), a limit of 50 measures
 * the refusal path once the window is full (it walks the log to compute retryAfterMs).
 */
async function measure(
  store: RateLimitStore,
  operations: number,
  concurrency: number,
  limit: number,
): Promise<number> {
  const key = `bench-${randomUUID()}`;
  let next = 0;
  const worker = async () => {
    while (next < operations) {
      next += 1;
      await store.take({ key, id: randomUUID(), amount: 1, limit, windowMs: 60_000 });
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return operations / ((performance.now() - started) / 1000);
}

const rows: string[][] = [
  ["store", "takes", "fits, 1 in flight (/s)", "fits, 32 in flight (/s)", "refused, 32 in flight (/s)"],
];
for (const benchCase of cases) {
  const store = benchCase.create();
  try {
    await measure(store, Math.min(500, benchCase.operations), 4, 1e12); // warm-up: connections, script cache, JIT
    const sequential = await measure(store, benchCase.operations, 1, 1e12);
    const concurrent = await measure(store, benchCase.operations, 32, 1e12);
    const refused = await measure(store, benchCase.operations, 32, 50);
    rows.push([
      benchCase.name,
      String(benchCase.operations),
      sequential.toFixed(0),
      concurrent.toFixed(0),
      refused.toFixed(0),
    ]);
  } catch (error) {
    rows.push([
      benchCase.name,
      "-",
      `failed: ${error instanceof Error ? error.message : String(error)}`,
      "-",
      "-",
    ]);
  } finally {
    await store.close?.();
  }
}

const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
for (const row of rows) console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join("  "));
console.log(`\nNode ${process.version}; sliding-window log, one Lua script per take on Redis.`);
