import {
  checkOptions,
  option,
  type RateLimitStore,
  type RateLimitTakeOutcome,
  type RateLimitTakeRequest,
} from "@ffc/core/plugin";

/** Options of a MemoryRateLimitStore. */
export interface MemoryRateLimitStoreOptions {
  /**
   * The clock, in ms since the epoch (vitest's fake timers control Date.now).
   * @default Date.now
   */
  now?: () => number;
}

interface Take {
  at: number;
  amount: number;
}

interface Window {
  /** Takes in time order; `head` is the oldest one still in the window. */
  order: string[];
  head: number;
  takes: Map<string, Take>;
  total: number;
  windowMs: number;
}

/** Every this many takes, windows nobody has touched for a whole window are dropped. */
const sweepEvery = 1000;

const memoryStoreRules = {
  now: option.callback<() => number, { default: () => number }>({
    default: () => Date.now(),
    example: "Date.now",
  }),
};

/**
 * Rate-limit state in this process: a sliding-window log per key. Exact (no window of
 * `windowMs` ever holds more than `limit`) and cheap, because a window only remembers the
 * takes of the last `windowMs`. Shared by every limiter in the process that is given it;
 * use @ffc/redis's store to share limits between processes.
 */
export class MemoryRateLimitStore implements RateLimitStore {
  readonly #now: () => number;
  readonly #windows = new Map<string, Window>();
  readonly #pausedUntil = new Map<string, number>();
  #takesSinceSweep = 0;

  constructor(options: MemoryRateLimitStoreOptions = {}) {
    this.#now = checkOptions("MemoryRateLimitStore", options, memoryStoreRules, "{ now: Date.now }").now;
  }

  async take(request: RateLimitTakeRequest): Promise<RateLimitTakeOutcome> {
    const now = this.#now();
    if (++this.#takesSinceSweep >= sweepEvery) this.#sweep(now);
    const window = this.#window(request.key, request.windowMs, now);
    const { amount, limit } = request;
    if (amount > limit) return { ok: false, remaining: Math.max(0, limit - window.total), retryAfterMs: -1 };
    if (window.total + amount <= limit) {
      if (!window.takes.has(request.id)) window.order.push(request.id);
      const previous = window.takes.get(request.id)?.amount ?? 0;
      window.takes.set(request.id, { at: now, amount: previous + amount });
      window.total += amount;
      return { ok: true, remaining: limit - window.total, retryAfterMs: 0 };
    }
    // Walk from the oldest take until enough would have left the window for `amount` to fit.
    const excess = window.total + amount - limit;
    let freed = 0;
    let retryAfterMs = window.windowMs;
    for (let index = window.head; index < window.order.length; index += 1) {
      const take = window.takes.get(window.order[index]!);
      if (!take) continue;
      freed += take.amount;
      if (freed >= excess) {
        retryAfterMs = take.at + window.windowMs - now;
        break;
      }
    }
    return {
      ok: false,
      remaining: Math.max(0, limit - window.total),
      retryAfterMs: Math.max(1, retryAfterMs),
    };
  }

  async settle(request: { key: string; id: string; amount: number; windowMs: number }): Promise<void> {
    const window = this.#windows.get(request.key);
    if (!window) return;
    this.#expire(window, this.#now());
    const take = window.takes.get(request.id);
    if (!take) return;
    window.total += request.amount - take.amount;
    // A zero take stays in `order` until it expires; it weighs nothing meanwhile.
    take.amount = request.amount;
  }

  async pause(request: { key: string; durationMs: number }): Promise<void> {
    const until = this.#now() + request.durationMs;
    if ((this.#pausedUntil.get(request.key) ?? 0) < until) this.#pausedUntil.set(request.key, until);
  }

  async pausedFor(key: string): Promise<number> {
    const until = this.#pausedUntil.get(key);
    if (until === undefined) return 0;
    const left = until - this.#now();
    if (left > 0) return left;
    this.#pausedUntil.delete(key);
    return 0;
  }

  async close(): Promise<void> {
    this.#windows.clear();
    this.#pausedUntil.clear();
  }

  #window(key: string, windowMs: number, now: number): Window {
    let window = this.#windows.get(key);
    if (!window) {
      window = { order: [], head: 0, takes: new Map(), total: 0, windowMs };
      this.#windows.set(key, window);
    }
    window.windowMs = windowMs;
    this.#expire(window, now);
    return window;
  }

  #expire(window: Window, now: number): void {
    while (window.head < window.order.length) {
      const id = window.order[window.head]!;
      const take = window.takes.get(id);
      if (take && take.at + window.windowMs > now) break;
      if (take) window.total -= take.amount;
      window.takes.delete(id);
      window.head += 1;
    }
    // Compact now and then so the log does not grow without bound.
    if (window.head > 64 && window.head * 2 > window.order.length) {
      window.order = window.order.slice(window.head);
      window.head = 0;
    }
  }

  #sweep(now: number): void {
    this.#takesSinceSweep = 0;
    for (const [key, window] of this.#windows) {
      this.#expire(window, now);
      if (window.takes.size === 0) this.#windows.delete(key);
    }
    for (const [key, until] of this.#pausedUntil) if (until <= now) this.#pausedUntil.delete(key);
  }
}
