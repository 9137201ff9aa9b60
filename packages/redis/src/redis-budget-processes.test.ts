import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { BudgetManager } from "@ffc/budget";
import { describe, expect, it } from "vitest";
import { RedisBudgetStore } from "./redis-budget-store";
import { testRedisUrl, uniquePrefix } from "./test-support/redis-test-environment";

const run = promisify(execFile);
const worker = fileURLToPath(new URL("./test-support/budget-worker.mjs", import.meta.url));

describe("a budget shared by 4 processes on one Redis server", () => {
  it("never spends more than the limit and leaves no reservation behind", async () => {
    const keyPrefix = uniquePrefix("budget-processes");
    const input = 6;
    const perCall = input + 90;
    const fitting = 301;
    const limit = perCall * fitting;
    const outputs = await Promise.all(
      [1, 2, 3, 4].map(() =>
        run(process.execPath, [worker, testRedisUrl, keyPrefix, String(limit), "250", String(input)]),
      ),
    );
    const results = outputs.map(
      (output) => JSON.parse(output.stdout) as { admitted: number; refused: number; other: string[] },
    );
    expect(results.flatMap((result) => result.other)).toEqual([]);
    const admitted = results.reduce((sum, result) => sum + result.admitted, 0);
    // Each call spends exactly its worst case, so exactly `fitting` calls fit, whoever makes them.
    expect(admitted).toBe(fitting);
    expect(results.reduce((sum, result) => sum + result.refused, 0)).toBe(1000 - fitting);
    const store = new RedisBudgetStore({ redis: testRedisUrl, keyPrefix });
    try {
      const status = await new BudgetManager({ maxDailyTokens: limit, store }).status();
      expect(status.tokens).toMatchObject({ spent: limit, reserved: 0, remaining: 0 });
      expect(status.reservations).toBe(0);
      const keys = await store.client.keys(`${keyPrefix}:*`);
      if (keys.length > 0) await store.client.del(...keys);
    } finally {
      await store.close();
    }
  }, 60_000);
});
