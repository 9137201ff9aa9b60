import type { BudgetAmount, BudgetReserveRequest, BudgetSettleRequest, BudgetStore } from "@ffc/core/plugin";
import { type ConformanceCheck, type StoreFactory, storeCheckBuilder } from "./conformance-check";
import { expectEqual, wait } from "./expectations";

/**
 * The checks every BudgetStore (memory, file, Redis, your own) must pass:
 * `for (const check of budgetStoreConformanceChecks(() => new MyStore())) it(check.name, check.run)`.
 */
export function budgetStoreConformanceChecks(createStore: StoreFactory<BudgetStore>): ConformanceCheck[] {
  const check = storeCheckBuilder(createStore);
  const amount = (tokens: number, usd: number): BudgetAmount => ({ tokens, usd });
  const reserve = (
    key: string,
    id: string,
    held: BudgetAmount,
    limits: BudgetReserveRequest["limits"] = {},
  ): BudgetReserveRequest => ({
    key,
    reservationId: id,
    amount: held,
    limits,
    ttlMs: 60_000,
    expireKeyAfterMs: 3_600_000,
  });
  const settle = (key: string, id: string, actual: BudgetAmount): BudgetSettleRequest => ({
    key,
    reservationId: id,
    actual,
    rememberMs: 60_000,
    expireKeyAfterMs: 3_600_000,
  });
  const nothing = { spent: amount(0, 0), reserved: amount(0, 0), reservations: 0 };

  return [
    check("reports nothing spent or reserved for an unknown key", async (store, key) => {
      expectEqual(await store.usage(key("budget")), nothing, "usage of an unknown key");
    }),
    check("holds a reservation that fits and reports it as reserved", async (store, key) => {
      const outcome = await store.reserve(
        reserve(key("budget"), "a", amount(100, 0.5), { tokens: 1000, usd: 1 }),
      );
      expectEqual(outcome.ok, true, "reservation admitted");
      expectEqual(
        await store.usage(key("budget")),
        { spent: amount(0, 0), reserved: amount(100, 0.5), reservations: 1 },
        "usage after one reservation",
      );
    }),
    check("refuses a reservation over the token limit and holds nothing", async (store, key) => {
      await store.reserve(reserve(key("budget"), "a", amount(600, 0), { tokens: 1000 }));
      const outcome = await store.reserve(reserve(key("budget"), "b", amount(500, 0), { tokens: 1000 }));
      expectEqual(outcome.ok, false, "reservation over the limit admitted");
      expectEqual(!outcome.ok && outcome.exceeded, "tokens", "exceeded");
      expectEqual(outcome.reserved, amount(600, 0), "reserved after the refusal");
      expectEqual((await store.usage(key("budget"))).reservations, 1, "reservations held");
    }),
    check("refuses a reservation over the USD limit, naming usd", async (store, key) => {
      await store.reserve(reserve(key("budget"), "a", amount(1, 0.75), { usd: 1 }));
      const outcome = await store.reserve(reserve(key("budget"), "b", amount(1, 0.3), { usd: 1 }));
      expectEqual(!outcome.ok && outcome.exceeded, "usd", "exceeded");
    }),
    check(
      "admits exactly as many reservations as fit the USD limit, without float drift",
      async (store, key) => {
        const results: boolean[] = [];
        for (let index = 0; index < 11; index += 1) {
          results.push(
            (await store.reserve(reserve(key("budget"), `r${index}`, amount(0, 0.1), { usd: 1 }))).ok,
          );
        }
        expectEqual(results, [...Array(10).fill(true), false], "admitted reservations of $0.10 under $1");
      },
    ),
    check("replaces a reservation with the actual spend when settled", async (store, key) => {
      await store.reserve(reserve(key("budget"), "a", amount(1000, 0.02), { tokens: 5000 }));
      const usage = await store.settle(settle(key("budget"), "a", amount(250, 0.005)));
      expectEqual(
        usage,
        { spent: amount(250, 0.005), reserved: amount(0, 0), reservations: 0 },
        "usage returned by settle",
      );
      expectEqual(await store.usage(key("budget")), usage, "usage read after settle");
    }),
    check("counts a settlement once when it is repeated", async (store, key) => {
      await store.reserve(reserve(key("budget"), "a", amount(100, 0), {}));
      await store.settle(settle(key("budget"), "a", amount(40, 0)));
      await store.settle(settle(key("budget"), "a", amount(40, 0)));
      expectEqual((await store.usage(key("budget"))).spent, amount(40, 0), "spent after a repeated settle");
    }),
    check("holds a reservation once when the same id is reserved twice", async (store, key) => {
      await store.reserve(reserve(key("budget"), "a", amount(100, 0.1), { tokens: 150 }));
      const again = await store.reserve(reserve(key("budget"), "a", amount(100, 0.1), { tokens: 150 }));
      expectEqual(again.ok, true, "the repeated reservation admitted");
      expectEqual((await store.usage(key("budget"))).reserved, amount(100, 0.1), "reserved");
    }),
    check("holds nothing when an id is reserved after it was settled (a late replay)", async (store, key) => {
      await store.settle(settle(key("budget"), "late", amount(0, 0)));
      await store.reserve(reserve(key("budget"), "late", amount(100, 0), {}));
      expectEqual(await store.usage(key("budget")), nothing, "usage after a late replay");
    }),
    check("records the spend of a settlement whose reservation is gone", async (store, key) => {
      await store.settle(settle(key("budget"), "expired", amount(70, 0.01)));
      expectEqual((await store.usage(key("budget"))).spent, amount(70, 0.01), "spent");
    }),
    check("drops a reservation that is not settled within its TTL", async (store, key) => {
      await store.reserve({
        ...reserve(key("budget"), "crashed", amount(900, 0), { tokens: 1000 }),
        ttlMs: 40,
      });
      const blocked = await store.reserve(
        reserve(key("budget"), "blocked", amount(200, 0), { tokens: 1000 }),
      );
      expectEqual(blocked.ok, false, "a reservation beside a live one admitted");
      await wait(120);
      const after = await store.reserve(reserve(key("budget"), "after", amount(200, 0), { tokens: 1000 }));
      expectEqual(after.ok, true, "a reservation after the TTL admitted");
      expectEqual((await store.usage(key("budget"))).reserved, amount(200, 0), "reserved");
    }),
    check("keeps keys independent", async (store, key) => {
      await store.reserve(reserve(key("a"), "a", amount(100, 0), { tokens: 100 }));
      const other = await store.reserve(reserve(key("b"), "b", amount(100, 0), { tokens: 100 }));
      expectEqual(other.ok, true, "a reservation under another key admitted");
    }),
    check("never admits more concurrent reservations than fit", async (store, key) => {
      const outcomes = await Promise.all(
        Array.from({ length: 40 }, (_, index) =>
          store.reserve(reserve(key("budget"), `c${index}`, amount(10, 0.01), { tokens: 150 })),
        ),
      );
      expectEqual(
        outcomes.filter((outcome) => outcome.ok).length,
        15,
        "admitted of 40 concurrent reservations",
      );
      const usage = await store.usage(key("budget"));
      expectEqual(usage.reserved, amount(150, 0.15), "reserved");
      expectEqual(usage.reservations, 15, "reservations");
    }),
  ];
}
