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

/**
 * The takes of one key, oldest first, as parallel arrays from `head` on: plain numbers and one
 * id string per take, no object per take. With one take per call for every limit, a window of
 * a busy process holds about 100,000 of them; an object and a boxed time for each made the
 * garbage collector the largest cost of a rate-limited call.
 */
interface Window {
  /** When each take was made (ms since the epoch). */
  times: number[];
  /** Each take's amount; settle replaces it. */
  amounts: number[];
  /** Each take's id. */
  ids: string[];
  /** Position of the oldest take still in the window. */
  head: number;
  /** Takes dropped from the front of the arrays so far (see #compact). */
  dropped: number;
  /** Each take's position by id, counted from the first take ever made: its index plus `dropped`. */
  positions: Map<string, number>;
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
      const position = window.positions.get(request.id);
      if (position === undefined) {
        window.positions.set(request.id, window.times.length + window.dropped);
        window.times.push(now);
        window.amounts.push(amount);
        window.ids.push(request.id);
      } else {
        // The same id again adds to its take, as one take made now.
        window.times[position - window.dropped] = now;
        window.amounts[position - window.dropped]! += amount;
      }
      window.total += amount;
      return { ok: true, remaining: limit - window.total, retryAfterMs: 0 };
    }
    // Walk from the oldest take until enough would have left the window for `amount` to fit.
    const excess = window.total + amount - limit;
    let freed = 0;
    let retryAfterMs = window.windowMs;
    for (let index = window.head; index < window.times.length; index += 1) {
      freed += window.amounts[index]!;
      if (freed >= excess) {
        retryAfterMs = window.times[index]! + window.windowMs - now;
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
    const position = window.positions.get(request.id);
    if (position === undefined) return;
    const index = position - window.dropped;
    window.total += request.amount - window.amounts[index]!;
    // A zero take stays until it expires; it weighs nothing meanwhile.
    window.amounts[index] = request.amount;
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
      window = {
        times: [],
        amounts: [],
        ids: [],
        head: 0,
        dropped: 0,
        positions: new Map(),
        total: 0,
        windowMs,
      };
      this.#windows.set(key, window);
    }
    window.windowMs = windowMs;
    this.#expire(window, now);
    return window;
  }

  #expire(window: Window, now: number): void {
    const { times, amounts, ids, positions } = window;
    let head = window.head;
    const oldest = now - window.windowMs;
    while (head < times.length && times[head]! <= oldest) {
      window.total -= amounts[head]!;
      positions.delete(ids[head]!);
      head += 1;
    }
    window.head = head;
    // Drop the expired front now and then, so the arrays do not grow without bound.
    if (head > 64 && head * 2 > times.length) this.#compact(window);
  }

  #compact(window: Window): void {
    const head = window.head;
    window.times = window.times.slice(head);
    window.amounts = window.amounts.slice(head);
    window.ids = window.ids.slice(head);
    window.dropped += head;
    window.head = 0;
  }

  #sweep(now: number): void {
    this.#takesSinceSweep = 0;
    for (const [key, window] of this.#windows) {
      this.#expire(window, now);
      if (window.positions.size === 0) this.#windows.delete(key);
    }
    for (const [key, until] of this.#pausedUntil) if (until <= now) this.#pausedUntil.delete(key);
  }
}
