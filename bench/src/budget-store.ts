// Measures reserve-and-settle pairs per second on each budget store and prints a table.
// Run: pnpm exec tsx bench/src/budget-store.ts   (Redis: scripts/redis-up.sh, or FFC_REDIS_URL)
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { FileBudgetStore, MemoryBudgetStore } from "@ffc/budget";
import type { BudgetStore } from "@ffc/core/plugin";
import { RedisBudgetStore } from "@ffc/redis";

const redisUrl = process.env.FFC_REDIS_URL ?? "redis://127.0.0.1:6390";
const clusterNodes = process.env.FFC_REDIS_CLUSTER_NODES ?? "127.0.0.1:7000,127.0.0.1:7001,127.0.0.1:7002";
const folder = mkdtempSync(path.join(tmpdir(), "ffc-bench-budget-"));

interface Case {
  name: string;
  operations: number;
  create: () => BudgetStore;
}

const prefix = `ffc-bench-${randomUUID().slice(0, 8)}`;
const cases: Case[] = [
  { name: "memory", operations: 50_000, create: () => new MemoryBudgetStore() },
  {
    name: "file",
    operations: 1_000,
    create: () => new FileBudgetStore({ path: path.join(folder, `${randomUUID()}.json`) }),
  },
  {
    name: "redis",
    operations: 10_000,
    create: () => new RedisBudgetStore({ redis: redisUrl, keyPrefix: prefix }),
  },
  {
    name: "redis cluster",
    operations: 10_000,
    create: () => new RedisBudgetStore({ redis: { clusterNodes }, keyPrefix: prefix }),
  },
];

/** Runs `operations` reserve+settle pairs with `concurrency` in flight; returns pairs per second. */
async function measure(store: BudgetStore, operations: number, concurrency: number): Promise<number> {
  const key = `bench-${randomUUID()}`;
  let next = 0;
  const worker = async () => {
    while (next < operations) {
      const id = `r${next++}`;
      const reserve = {
        key,
        reservationId: id,
        amount: { tokens: 100, usd: 0.001 },
        limits: { tokens: 1e12, usd: 1e6 },
      };
      await store.reserve({ ...reserve, ttlMs: 60_000, expireKeyAfterMs: 600_000 });
      await store.settle({
        key,
        reservationId: id,
        actual: { tokens: 80, usd: 0.0008 },
        rememberMs: 60_000,
        expireKeyAfterMs: 600_000,
      });
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return operations / ((performance.now() - started) / 1000);
}

const rows: string[][] = [["store", "pairs", "1 in flight (pairs/s)", "32 in flight (pairs/s)"]];
for (const benchCase of cases) {
  const store = benchCase.create();
  try {
    await measure(store, Math.min(200, benchCase.operations), 4); // warm-up: connections, script cache, JIT
    const sequential = await measure(store, benchCase.operations, 1);
    const concurrent = await measure(store, benchCase.operations, 32);
    rows.push([benchCase.name, String(benchCase.operations), sequential.toFixed(0), concurrent.toFixed(0)]);
  } catch (error) {
    rows.push([
      benchCase.name,
      "-",
      `failed: ${error instanceof Error ? error.message.slice(0, 60) : error}`,
      "",
    ]);
  } finally {
    await store.close?.();
  }
}
const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
for (const row of rows) console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join("  "));
console.log(`\nNode ${process.version}, ${process.platform}; one reserve plus one settle per pair.`);
