import type { BreakerState, BreakerStore } from "@ffc/core/plugin";
import { type ConformanceCheck, type StoreFactory, storeCheckBuilder } from "./conformance-check";
import { expectEqual } from "./expectations";

/** A closed breaker with nothing counted: the state a breaker store starts a target in. */
export const closedBreakerState: BreakerState = {
  state: "closed",
  failures: 0,
  calls: 0,
  windowStart: 0,
  openUntil: 0,
  probeUntil: 0,
};

/** A pure `change` that counts one more failure, as a breaker does after a failed call. */
const oneMoreFailure = (current: BreakerState | undefined): BreakerState => ({
  ...(current ?? closedBreakerState),
  failures: (current?.failures ?? 0) + 1,
});

/**
 * The checks every BreakerStore (memory, Redis, your own) must pass, from the contract in
 * @ffc/core: atomic updates, a pure `change` that may be retried, nothing written when `change`
 * returns its input, delete, and a missing key read as a closed breaker:
 * `for (const check of breakerStoreConformanceChecks(() => new MyStore())) it(check.name, check.run)`.
 */
export function breakerStoreConformanceChecks(createStore: StoreFactory<BreakerStore>): ConformanceCheck[] {
  const check = storeCheckBuilder(createStore);
  return [
    check(
      "has no state for a key never updated, and update's change receives undefined",
      async (store, key) => {
        expectEqual(await store.get(key("never")), undefined, "get of a key never updated");
        const seen: Array<BreakerState | undefined> = [];
        await store.update(key("first"), (current) => {
          seen.push(current);
          return oneMoreFailure(current);
        });
        expectEqual(seen[0], undefined, "the state change first received for a new key");
      },
    ),
    check("stores what change returns, resolves to it and reads it back", async (store, key) => {
      const opened: BreakerState = {
        ...closedBreakerState,
        state: "open",
        failures: 5,
        openUntil: 1_900_000_000_000,
      };
      const stored = await store.update(key("target"), () => opened);
      expectEqual(stored, opened, "what update resolved to");
      expectEqual(await store.get(key("target")), opened, "get after update");
      const probing: BreakerState = { ...opened, state: "half-open", probeUntil: 1_900_000_000_500 };
      let received: BreakerState | undefined;
      const restored = await store.update(key("target"), (current) => {
        received = current;
        return probing;
      });
      expectEqual(received, opened, "the state the next change received");
      expectEqual(restored, probing, "what the second update resolved to");
      expectEqual(await store.get(key("target")), probing, "get after the second update");
    }),
    check("keeps the state as it is when change returns the state it received", async (store, key) => {
      const counted = await store.update(key("same"), oneMoreFailure);
      const result = await store.update(key("same"), (current) => current ?? closedBreakerState);
      expectEqual(result, counted, "what an unchanged update resolved to");
      expectEqual(await store.get(key("same")), counted, "get after an unchanged update");
    }),
    check("loses no update when 100 updates of one key run at once", async (store, key) => {
      await Promise.all(Array.from({ length: 100 }, () => store.update(key("contended"), oneMoreFailure)));
      expectEqual(
        (await store.get(key("contended")))?.failures,
        100,
        "failures after 100 concurrent updates",
      );
    }),
    check(
      "stores and resolves to the result of change's last call, however often it is retried",
      async (store, key) => {
        const outcomes = await Promise.all(
          Array.from({ length: 20 }, async () => {
            let lastReturned: BreakerState | undefined;
            const resolved = await store.update(key("retried"), (current) => {
              lastReturned = oneMoreFailure(current);
              return lastReturned;
            });
            return { lastReturned, resolved };
          }),
        );
        for (const { lastReturned, resolved } of outcomes) {
          expectEqual(resolved, lastReturned, "what update resolved to, against change's last result");
        }
        const failures = outcomes
          .map((outcome) => outcome.resolved.failures)
          .sort((left, right) => left - right);
        expectEqual(
          failures,
          Array.from({ length: 20 }, (_, index) => index + 1),
          "failures each update stored",
        );
      },
    ),
    check("forgets a deleted key, so that it reads as a closed breaker again", async (store, key) => {
      await store.update(key("deleted"), oneMoreFailure);
      await store.delete(key("deleted"));
      expectEqual(await store.get(key("deleted")), undefined, "get after delete");
      const after = await store.update(key("deleted"), oneMoreFailure);
      expectEqual(after.failures, 1, "failures counted after delete");
      await store.delete(key("never-set"));
    }),
    check("keeps keys apart", async (store, key) => {
      await store.update(key("openai/gpt-4o"), oneMoreFailure);
      await store.update(key("openai/gpt-4o"), oneMoreFailure);
      await store.update(key("anthropic/claude"), oneMoreFailure);
      expectEqual((await store.get(key("openai/gpt-4o")))?.failures, 2, "failures of the first key");
      expectEqual((await store.get(key("anthropic/claude")))?.failures, 1, "failures of the second key");
    }),
  ];
}
