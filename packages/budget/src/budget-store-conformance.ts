import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import type { BudgetAmount, BudgetStore } from "@ffc/core/plugin";
import type { BudgetReserveRequest } from "./budget-ledger";

/** One named check of the budget store conformance suite. */
export interface BudgetStoreCheck {
  /** What the store must do, phrased as a test name. */
  name: string;
  /** Runs the check; throws an assertion error when the store misbehaves. */
  run(): Promise<void>;
}

/**
 * The checks every BudgetStore (memory, file, Redis, your own) must pass. Run them with any
 * test runner: `for (const check of budgetStoreConformanceChecks(create)) it(check.name, check.run)`.
 * Each check gets a fresh store from `createStore` and closes it afterwards.
 */
export function budgetStoreConformanceChecks(
  createStore: () => BudgetStore | Promise<BudgetStore>,
): BudgetStoreCheck[] {
  const check = (
    name: string,
    body: (store: BudgetStore, key: string) => Promise<void>,
  ): BudgetStoreCheck => ({
    name,
    run: async () => {
      const store = await createStore();
      try {
        await body(store, `conformance-${randomUUID()}`);
      } finally {
        await store.close?.();
      }
    },
  });
  const amount = (tokens: number, usd: number): BudgetAmount => ({ tokens, usd });
  const reserve = (
    key: string,
    id: string,
    held: BudgetAmount,
    limits: BudgetReserveRequest["limits"] = {},
  ) => ({
    key,
    reservationId: id,
    amount: held,
    limits,
    ttlMs: 60_000,
    expireKeyAfterMs: 3_600_000,
  });
  const settle = (key: string, id: string, actual: BudgetAmount) => ({
    key,
    reservationId: id,
    actual,
    rememberMs: 60_000,
    expireKeyAfterMs: 3_600_000,
  });

  return [
    check("reports nothing spent or reserved for an unknown key", async (store, key) => {
      assert.deepEqual(await store.usage(key), {
        spent: amount(0, 0),
        reserved: amount(0, 0),
        reservations: 0,
      });
    }),
    check("holds a reservation that fits and reports it as reserved", async (store, key) => {
      const outcome = await store.reserve(reserve(key, "a", amount(100, 0.5), { tokens: 1000, usd: 1 }));
      assert.equal(outcome.ok, true);
      assert.deepEqual(await store.usage(key), {
        spent: amount(0, 0),
        reserved: amount(100, 0.5),
        reservations: 1,
      });
    }),
    check("refuses a reservation over the token limit and holds nothing", async (store, key) => {
      await store.reserve(reserve(key, "a", amount(600, 0), { tokens: 1000 }));
      const outcome = await store.reserve(reserve(key, "b", amount(500, 0), { tokens: 1000 }));
      assert.equal(outcome.ok, false);
      assert.equal(!outcome.ok && outcome.exceeded, "tokens");
      assert.deepEqual(outcome.reserved, amount(600, 0));
      assert.equal((await store.usage(key)).reservations, 1);
    }),
    check("refuses a reservation over the USD limit, naming usd", async (store, key) => {
      await store.reserve(reserve(key, "a", amount(1, 0.75), { usd: 1 }));
      const outcome = await store.reserve(reserve(key, "b", amount(1, 0.3), { usd: 1 }));
      assert.equal(!outcome.ok && outcome.exceeded, "usd");
    }),
    check(
      "admits exactly as many reservations as fit the USD limit, without float drift",
      async (store, key) => {
        const results: boolean[] = [];
        for (let index = 0; index < 11; index += 1) {
          results.push((await store.reserve(reserve(key, `r${index}`, amount(0, 0.1), { usd: 1 }))).ok);
        }
        assert.deepEqual(results, [...Array(10).fill(true), false]);
      },
    ),
    check("replaces a reservation with the actual spend when settled", async (store, key) => {
      await store.reserve(reserve(key, "a", amount(1000, 0.02), { tokens: 5000 }));
      const usage = await store.settle(settle(key, "a", amount(250, 0.005)));
      assert.deepEqual(usage, { spent: amount(250, 0.005), reserved: amount(0, 0), reservations: 0 });
      assert.deepEqual(await store.usage(key), usage);
    }),
    check("counts a settlement once when it is repeated", async (store, key) => {
      await store.reserve(reserve(key, "a", amount(100, 0), {}));
      await store.settle(settle(key, "a", amount(40, 0)));
      await store.settle(settle(key, "a", amount(40, 0)));
      assert.deepEqual((await store.usage(key)).spent, amount(40, 0));
    }),
    check("holds a reservation once when the same id is reserved twice", async (store, key) => {
      await store.reserve(reserve(key, "a", amount(100, 0.1), { tokens: 150 }));
      const again = await store.reserve(reserve(key, "a", amount(100, 0.1), { tokens: 150 }));
      assert.equal(again.ok, true);
      assert.deepEqual((await store.usage(key)).reserved, amount(100, 0.1));
    }),
    check("holds nothing when an id is reserved after it was settled (a late replay)", async (store, key) => {
      await store.settle(settle(key, "late", amount(0, 0)));
      await store.reserve(reserve(key, "late", amount(100, 0), {}));
      assert.deepEqual(await store.usage(key), {
        spent: amount(0, 0),
        reserved: amount(0, 0),
        reservations: 0,
      });
    }),
    check("records the spend of a settlement whose reservation is gone", async (store, key) => {
      await store.settle(settle(key, "expired", amount(70, 0.01)));
      assert.deepEqual((await store.usage(key)).spent, amount(70, 0.01));
    }),
    check("drops a reservation that is not settled within its TTL", async (store, key) => {
      await store.reserve({ ...reserve(key, "crashed", amount(900, 0), { tokens: 1000 }), ttlMs: 40 });
      assert.equal(
        (await store.reserve(reserve(key, "blocked", amount(200, 0), { tokens: 1000 }))).ok,
        false,
      );
      await new Promise((resolve) => setTimeout(resolve, 120));
      assert.equal((await store.reserve(reserve(key, "after", amount(200, 0), { tokens: 1000 }))).ok, true);
      assert.deepEqual((await store.usage(key)).reserved, amount(200, 0));
    }),
    check("keeps keys independent", async (store, key) => {
      await store.reserve(reserve(`${key}-a`, "a", amount(100, 0), { tokens: 100 }));
      assert.equal((await store.reserve(reserve(`${key}-b`, "b", amount(100, 0), { tokens: 100 }))).ok, true);
    }),
    check("never admits more concurrent reservations than fit", async (store, key) => {
      const outcomes = await Promise.all(
        Array.from({ length: 40 }, (_, index) =>
          store.reserve(reserve(key, `c${index}`, amount(10, 0.01), { tokens: 150 })),
        ),
      );
      assert.equal(outcomes.filter((outcome) => outcome.ok).length, 15);
      const usage = await store.usage(key);
      assert.deepEqual(usage.reserved, amount(150, 0.15));
      assert.equal(usage.reservations, 15);
    }),
  ];
}
