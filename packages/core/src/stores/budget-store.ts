/**
 * State of budgets (reservations and spend per scope and period), behind a small interface so
 * that memory, file and Redis stores are interchangeable. Owned by @ffc/budget's design;
 * implemented by @ffc/budget (memory, file) and @ffc/redis. Every operation is one atomic step
 * on one key, so a store can be a single Lua script on a single Redis Cluster slot.
 *
 * Stores compare USD in whole nano-dollars (1e-9 USD), so that sums of many small amounts are
 * exact and a limit that fits N reservations exactly admits exactly N of them.
 */
export interface BudgetAmount {
  /** Tokens. */
  tokens: number;
  /** US dollars. */
  usd: number;
}

/** Limits of one budget key; a missing limit is not enforced. */
export interface BudgetLimits {
  /** Most tokens that may be spent plus reserved. */
  tokens?: number;
  /** Most US dollars that may be spent plus reserved. */
  usd?: number;
}

/** Spent and reserved amounts of one budget key. */
export interface BudgetUsage {
  /** Settled spend. */
  spent: BudgetAmount;
  /** Held by reservations not yet settled. */
  reserved: BudgetAmount;
  /** Reservations outstanding. */
  reservations: number;
}

/** The outcome of a reservation attempt. */
export type BudgetReserveOutcome =
  | ({ ok: true } & BudgetUsage)
  | ({ ok: false; exceeded: "tokens" | "usd" } & BudgetUsage);

/** A request to hold an amount under a key until it is settled. */
export interface BudgetReserveRequest {
  /** The budget key (scope and period), e.g. "user:42|day:2026-01-31". */
  key: string;
  /**
   * Unique per call. Reserving an id twice holds it once, and reserving an id that was already
   * settled holds nothing, so a command replayed after a reconnect can never count twice.
   */
  reservationId: string;
  /** What to hold. */
  amount: BudgetAmount;
  /** Limits that spent + reserved + amount must fit. */
  limits: BudgetLimits;
  /** A reservation not settled within this time is dropped (a crashed process leaks nothing). */
  ttlMs: number;
  /** The key's data may be forgotten after this time (the end of its period, plus slack); 0 keeps it. */
  expireKeyAfterMs: number;
}

/** A request to replace a reservation with what was actually spent. */
export interface BudgetSettleRequest {
  /** The budget key the reservation was made under. */
  key: string;
  /** The id given to `reserve`. */
  reservationId: string;
  /**
   * The actual spend (zero when nothing was consumed). It is added once per id: settling an id
   * twice changes nothing, and settling an id whose reservation expired still records the spend.
   */
  actual: BudgetAmount;
  /** How long the store remembers that the id was settled (at least the reservation TTL). */
  rememberMs: number;
  /** As for reserve: the key's data may be forgotten after this time; 0 keeps it. */
  expireKeyAfterMs: number;
}

/** Atomic budget state. Every method must be atomic with respect to every other caller. */
export interface BudgetStore {
  /** Reserves `amount` under `key` when spent + reserved + amount fits every limit. */
  reserve(request: BudgetReserveRequest): Promise<BudgetReserveOutcome>;
  /** Replaces a reservation with the actual spend. Idempotent per reservation id. */
  settle(request: BudgetSettleRequest): Promise<BudgetUsage>;
  /** Spent and reserved under a key. */
  usage(key: string): Promise<BudgetUsage>;
  /** Releases connections and timers. */
  close?(): Promise<void>;
}
