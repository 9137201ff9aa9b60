/**
 * State of budgets (reservations and spend per scope and period), behind a small interface so
 * that memory, file and Redis stores are interchangeable. Owned by @ffc/budget's design;
 * implemented by @ffc/budget (memory, file) and @ffc/redis.
 */
export interface BudgetAmount {
  /** Tokens. */
  tokens: number;
  /** US dollars. */
  usd: number;
}

/** Limits of one budget key; a missing limit is not enforced. */
export interface BudgetLimits {
  tokens?: number;
  usd?: number;
}

/** Spent and reserved amounts of one budget key. */
export interface BudgetUsage {
  spent: BudgetAmount;
  reserved: BudgetAmount;
  /** Reservations outstanding. */
  reservations: number;
}

/** The outcome of a reservation attempt. */
export type BudgetReserveOutcome =
  | ({ ok: true } & BudgetUsage)
  | ({ ok: false; exceeded: "tokens" | "usd" } & BudgetUsage);

/** Atomic budget state. Every method must be atomic with respect to every other caller. */
export interface BudgetStore {
  /** Reserves `amount` under `key` when spent + reserved + amount fits every limit. */
  reserve(request: {
    key: string;
    reservationId: string;
    amount: BudgetAmount;
    limits: BudgetLimits;
    /** A reservation not settled within this time is dropped (a crashed process leaks nothing). */
    ttlMs: number;
    /** The key's data may be forgotten after this time (the end of its period, plus slack). */
    expireKeyAfterMs: number;
  }): Promise<BudgetReserveOutcome>;
  /** Replaces a reservation with the actual spend (zero for nothing consumed). Idempotent. */
  settle(request: { key: string; reservationId: string; actual: BudgetAmount }): Promise<BudgetUsage>;
  /** Spent and reserved under a key. */
  usage(key: string): Promise<BudgetUsage>;
  /** Releases connections and timers. */
  close?(): Promise<void>;
}
