import { checkOptions, option } from "@ffc/core/plugin";

/**
 * Options of a retry budget. Like Finagle's RetryBudget and Envoy's retry budgets, it allows
 * retries as a fraction of the calls recently made to a provider, plus a small reserve, so
 * that during an outage retries add at most `ratio` to the traffic instead of multiplying it.
 */
export interface RetryBudgetOptions {
  /**
   * Retries allowed per call in the window, e.g. 0.2: one retry per five calls.
   * @default 0.2
   */
  ratio?: number;
  /**
   * Retries always allowed per second of the window, so that a quiet provider can still retry.
   * @default 10
   */
  minRetriesPerSecond?: number;
  /**
   * How far back calls and retries count, in ms.
   * @default 10000
   */
  windowMs?: number;
}

/** The slices a window is cut into: old calls leave the window a slice at a time. */
const slices = 10;

/** The rules of RetryBudgetOptions, also applied to RetryConfig's `retryBudget` option. */
export const retryBudgetRules = {
  ratio: option.number({ min: 0, default: 0.2 }),
  minRetriesPerSecond: option.number({ min: 0, default: 10 }),
  windowMs: option.number({ min: 1, default: 10_000 }),
};

interface Window {
  /** Index of the slice the counts below end in (time / slice length). */
  slice: number;
  calls: number[];
  retries: number[];
}

/**
 * Counts calls and retries per provider over a sliding window. One budget may be shared by
 * several RetryConfigs (pass it as `retryBudget`); it lives in this process only.
 */
export class RetryBudget {
  /** Retries allowed per call. */
  readonly ratio: number;
  /** Retries allowed per second regardless of traffic. */
  readonly minRetriesPerSecond: number;
  /** Length of the window, in ms. */
  readonly windowMs: number;
  readonly #windows = new Map<string, Window>();
  readonly #sliceMs: number;

  constructor(options: RetryBudgetOptions = {}) {
    const checked = checkOptions("RetryBudget", options, retryBudgetRules, "{ ratio: 0.2 }");
    this.ratio = checked.ratio;
    this.minRetriesPerSecond = checked.minRetriesPerSecond;
    this.windowMs = checked.windowMs;
    this.#sliceMs = this.windowMs / slices;
  }

  /** Records a call (a first attempt) to `key`. */
  recordCall(key: string, now = Date.now()): void {
    const window = this.#windowAt(key, now);
    window.calls[window.slice % slices]! += 1;
  }

  /** Takes one retry from the budget of `key`; false when the budget is spent. */
  tryRetry(key: string, now = Date.now()): boolean {
    const window = this.#windowAt(key, now);
    if (sum(window.retries) + 1 > this.allowance(sum(window.calls))) return false;
    window.retries[window.slice % slices]! += 1;
    return true;
  }

  /** Retries the window allows for a number of calls. */
  allowance(calls: number): number {
    return this.ratio * calls + (this.minRetriesPerSecond * this.windowMs) / 1000;
  }

  /** Calls and retries of `key` in the current window. */
  usage(key: string, now = Date.now()): { calls: number; retries: number } {
    const window = this.#windowAt(key, now);
    return { calls: sum(window.calls), retries: sum(window.retries) };
  }

  /** The window of `key`, with slices that fell out of it cleared. */
  #windowAt(key: string, now: number): Window {
    const slice = Math.floor(now / this.#sliceMs);
    let window = this.#windows.get(key);
    if (!window) {
      window = { slice, calls: new Array(slices).fill(0), retries: new Array(slices).fill(0) };
      this.#windows.set(key, window);
      return window;
    }
    const elapsed = Math.min(slice - window.slice, slices);
    for (let step = 1; step <= elapsed; step += 1) {
      const index = (window.slice + step) % slices;
      window.calls[index] = 0;
      window.retries[index] = 0;
    }
    if (slice > window.slice) window.slice = slice;
    return window;
  }
}

function sum(values: number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}
