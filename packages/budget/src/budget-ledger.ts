import {
  type BudgetAmount,
  type BudgetReserveOutcome,
  type BudgetReserveRequest,
  type BudgetSettleRequest,
  type BudgetUsage,
  fromNanoUsd,
  toNanoUsd,
} from "@ffc/core/plugin";

export type { BudgetReserveRequest, BudgetSettleRequest };

/**
 * The state of one budget key as plain JSON, shared by the memory and file stores so both
 * follow exactly the same rules (the Redis store's Lua script mirrors them).
 */
export interface BudgetLedger {
  spentTokens: number;
  spentNano: number;
  reservedTokens: number;
  reservedNano: number;
  /** Reservation id → [tokens, nano-USD, expires at (ms since epoch)]. */
  reservations: Record<string, [number, number, number]>;
  /** Settled reservation id → forget at (ms since epoch). */
  settled: Record<string, number>;
  /** When the whole key may be dropped; 0 keeps it. */
  expiresAt: number;
  /** The earliest expiry among reservations and settled ids (0: none), so pruning is skipped until then. */
  nextExpiryAt: number;
}

/** A ledger with nothing spent or reserved. */
export function emptyLedger(): BudgetLedger {
  return {
    spentTokens: 0,
    spentNano: 0,
    reservedTokens: 0,
    reservedNano: 0,
    reservations: {},
    settled: {},
    expiresAt: 0,
    nextExpiryAt: 0,
  };
}

/** Drops expired reservations (crashed callers) and settled ids past their memory. */
export function pruneLedger(ledger: BudgetLedger, now: number): void {
  if (ledger.nextExpiryAt === 0 || ledger.nextExpiryAt > now) return;
  let next = 0;
  for (const [id, [tokens, nano, expiresAt]] of Object.entries(ledger.reservations)) {
    if (expiresAt > now) {
      next = earliest(next, expiresAt);
      continue;
    }
    ledger.reservedTokens -= tokens;
    ledger.reservedNano -= nano;
    delete ledger.reservations[id];
  }
  for (const [id, forgetAt] of Object.entries(ledger.settled)) {
    if (forgetAt <= now) delete ledger.settled[id];
    else next = earliest(next, forgetAt);
  }
  ledger.nextExpiryAt = next;
}

function earliest(current: number, candidate: number): number {
  return current === 0 ? candidate : Math.min(current, candidate);
}

/** True when the ledger's key has passed its expiry and should start again empty. */
export function isLedgerExpired(ledger: BudgetLedger, now: number): boolean {
  return ledger.expiresAt !== 0 && ledger.expiresAt <= now;
}

/** Applies a reservation to a pruned ledger. */
export function reserveInLedger(
  ledger: BudgetLedger,
  request: BudgetReserveRequest,
  now: number,
): BudgetReserveOutcome {
  const { reservationId, amount, limits } = request;
  extendExpiry(ledger, now, request.expireKeyAfterMs);
  if (ledger.reservations[reservationId] || ledger.settled[reservationId] !== undefined) {
    return { ok: true, ...usageOfLedger(ledger) };
  }
  const nano = toNanoUsd(amount.usd);
  if (
    limits.tokens !== undefined &&
    ledger.spentTokens + ledger.reservedTokens + amount.tokens > limits.tokens
  ) {
    return { ok: false, exceeded: "tokens", ...usageOfLedger(ledger) };
  }
  if (limits.usd !== undefined && ledger.spentNano + ledger.reservedNano + nano > toNanoUsd(limits.usd)) {
    return { ok: false, exceeded: "usd", ...usageOfLedger(ledger) };
  }
  ledger.reservations[reservationId] = [amount.tokens, nano, now + request.ttlMs];
  ledger.nextExpiryAt = earliest(ledger.nextExpiryAt, now + request.ttlMs);
  ledger.reservedTokens += amount.tokens;
  ledger.reservedNano += nano;
  return { ok: true, ...usageOfLedger(ledger) };
}

/** Applies a settlement to a pruned ledger; settling an id twice changes nothing. */
export function settleInLedger(ledger: BudgetLedger, request: BudgetSettleRequest, now: number): BudgetUsage {
  const { reservationId, actual } = request;
  extendExpiry(ledger, now, request.expireKeyAfterMs);
  if (ledger.settled[reservationId] !== undefined) return usageOfLedger(ledger);
  const held = ledger.reservations[reservationId];
  if (held) {
    ledger.reservedTokens -= held[0];
    ledger.reservedNano -= held[1];
    delete ledger.reservations[reservationId];
  }
  ledger.spentTokens += actual.tokens;
  ledger.spentNano += toNanoUsd(actual.usd);
  ledger.settled[reservationId] = now + request.rememberMs;
  ledger.nextExpiryAt = earliest(ledger.nextExpiryAt, now + request.rememberMs);
  return usageOfLedger(ledger);
}

/** The public view of a ledger. */
export function usageOfLedger(ledger: BudgetLedger): BudgetUsage {
  return {
    spent: amountOf(ledger.spentTokens, ledger.spentNano),
    reserved: amountOf(ledger.reservedTokens, ledger.reservedNano),
    reservations: countKeys(ledger.reservations),
  };
}

function amountOf(tokens: number, nano: number): BudgetAmount {
  return { tokens, usd: fromNanoUsd(nano) };
}

function extendExpiry(ledger: BudgetLedger, now: number, expireKeyAfterMs: number): void {
  if (expireKeyAfterMs > 0) ledger.expiresAt = Math.max(ledger.expiresAt, now + expireKeyAfterMs);
}

function countKeys(record: Record<string, unknown>): number {
  let count = 0;
  for (const _ in record) count += 1;
  return count;
}
