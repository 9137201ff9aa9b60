/** How a promise ended: its value, or what it was rejected with. */
export interface Settled<Value> {
  /** The value, when the promise fulfilled. */
  value?: Value;
  /** The rejection, when it rejected. */
  error?: unknown;
}

/**
 * Resolves to how `promise` ended instead of rejecting, so a test can start a call, advance
 * fake timers, and then assert on its error.
 */
export function settled<Value>(promise: Promise<Value>): Promise<Settled<Value>> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}
