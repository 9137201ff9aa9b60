import { inspect, isDeepStrictEqual } from "node:util";

// The suites must run under any test runner, so they cannot use one's `expect`; these few
// assertions say what was wrong in words a store or provider author can act on.

/** Fails unless `actual` deep-equals `expected`. */
export function expectEqual(actual: unknown, expected: unknown, what: string): void {
  if (!isDeepStrictEqual(actual, expected)) {
    throw new Error(`${what}: expected ${show(expected)}, got ${show(actual)}`);
  }
}

/** Fails unless `condition` holds; `wanted` says what should have been true of `actual`. */
export function expectThat(condition: boolean, what: string, wanted: string, actual: unknown): void {
  if (!condition) throw new Error(`${what}: expected ${wanted}, got ${show(actual)}`);
}

/** Fails unless `actual` is within a billionth of `expected` (sums of USD amounts). */
export function expectClose(actual: number | undefined, expected: number, what: string): void {
  expectThat(actual !== undefined && Math.abs(actual - expected) <= 1e-9, what, `about ${expected}`, actual);
}

/** The error `run` fails with; fails itself when `run` succeeds. */
export async function failure(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail, but it succeeded");
}

/** Waits `ms` milliseconds of real time (stores with their own clock, such as Redis, need it). */
export function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function show(value: unknown): string {
  const shown = inspect(value, { depth: 4, breakLength: Number.POSITIVE_INFINITY });
  return shown.length > 200 ? `${shown.slice(0, 200)}…` : shown;
}
