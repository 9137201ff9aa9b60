/**
 * One named check of a conformance suite. Every suite of @ffc/testing is a list of these, so
 * any test runner drives any suite the same way: `for (const check of suite) it(check.name, check.run)`.
 */
export interface ConformanceCheck {
  /** What the subject must do, phrased as a test name. */
  readonly name: string;
  /** Runs the check; rejects with an Error that says what the subject did wrong. */
  run(): Promise<void>;
}

/** Creates a fresh store for one check; the check closes it (when it has `close`) afterwards. */
export type StoreFactory<Store> = () => Store | Promise<Store>;

/** Turns a name into a key no other check (or earlier run on a shared Redis) uses. */
export type CheckKey = (name: string) => string;

/**
 * The scaffolding every store suite shares: each check gets its own store from `createStore`
 * and its own keys, and closes the store however the check ends.
 */
export function storeCheckBuilder<Store extends { close?(): Promise<void> }>(
  createStore: StoreFactory<Store>,
): (name: string, body: (store: Store, key: CheckKey) => Promise<void>) => ConformanceCheck {
  return (name, body) => ({
    name,
    run: async () => {
      const store = await createStore();
      const run = crypto.randomUUID();
      try {
        await body(store, (keyName) => `conformance:${run}:${keyName}`);
      } finally {
        await store.close?.();
      }
    },
  });
}
