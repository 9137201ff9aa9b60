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
 * The takes of one key's window, in time order, as parallel arrays: a take costs its id, two
 * numbers and one map entry, and no object of its own (a busy limiter holds a minute of takes).
 */
interface Window {
  /** Take ids in time order, undefined once settled; `head` is the oldest still in the window. */
  ids: (string | undefined)[];
  /** When each take was made (or last added to), in ms since the epoch. */
  ats: number[];
  /** What each take holds of the limit now. */
  amounts: number[];
  head: number;
  /** Takes cut off the front of the arrays by compaction: a position minus this is an index. */
  dropped: number;
  /** Where each id's take is: its position since the window began (index + dropped). */
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
        const id = flattened(request.id);
        window.positions.set(id, window.dropped + window.ids.length);
        window.ids.push(id);
        window.ats.push(now);
        window.amounts.push(amount);
      } else {
        // The same id again: it adds to its take and renews it, in its place in the log.
        const index = position - window.dropped;
        window.ats[index] = now;
        window.amounts[index]! += amount;
      }
      window.total += amount;
      return { ok: true, remaining: limit - window.total, retryAfterMs: 0 };
    }
    // Walk from the oldest take until enough would have left the window for `amount` to fit.
    const excess = window.total + amount - limit;
    let freed = 0;
    let retryAfterMs = window.windowMs;
    for (let index = window.head; index < window.ids.length; index += 1) {
      freed += window.amounts[index]!;
      if (freed >= excess) {
        retryAfterMs = window.ats[index]! + window.windowMs - now;
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
    // A zero take stays in the log until it expires; it weighs nothing meanwhile.
    window.amounts[index] = request.amount;
    // A take is settled once, so its id is forgotten now: the log keeps two numbers per take for
    // the rest of the window, and the id map holds only the takes of calls in flight.
    window.positions.delete(request.id);
    window.ids[index] = undefined;
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
        ids: [],
        ats: [],
        amounts: [],
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
    const { ids, ats, amounts } = window;
    while (window.head < ids.length && ats[window.head]! + window.windowMs <= now) {
      window.total -= amounts[window.head]!;
      const id = ids[window.head];
      if (id !== undefined) window.positions.delete(id);
      ids[window.head] = undefined;
      window.head += 1;
    }
    // Compact now and then so the log does not grow without bound.
    if (window.head > 64 && window.head * 2 > ids.length) {
      window.ids = ids.slice(window.head);
      window.ats = ats.slice(window.head);
      window.amounts = amounts.slice(window.head);
      window.dropped += window.head;
      window.head = 0;
    }
  }

  #sweep(now: number): void {
    this.#takesSinceSweep = 0;
    for (const [key, window] of this.#windows) {
      this.#expire(window, now);
      // Empty once every take has expired (settled takes have no id left, so count the log).
      if (window.head >= window.ats.length) this.#windows.delete(key);
    }
    for (const [key, until] of this.#pausedUntil) if (until <= now) this.#pausedUntil.delete(key);
  }
}

/**
 * The id as one flat string. Ids are often built by concatenation (Node's `crypto.randomUUID()`
 * joins 20 pieces), and V8 keeps such a string as a tree of its pieces: about 500 bytes a UUID
 * instead of about 100 flat, held for the minute the log keeps it. Reading a character makes V8
 * flatten the string in place (measured in optimized code as well; `Number(id)` does not);
 * the id's value is unchanged either way.
 */
function flattened(id: string): string {
  id.charCodeAt(0);
  return id;
}
