import {
  BudgetExceededError,
  type CallContext,
  FFCError,
  type GenerateNext,
  type Plugin,
  type PolicyStage,
  type ProviderResult,
  type RequestMetadata,
  type StreamNext,
  type StreamPart,
} from "@ffc/core";
import { aroundStream, type BudgetAmount, type BudgetUsage, fromNanoUsd, toNanoUsd } from "@ffc/core/plugin";
import { actualSpend, type EstimateSettings, estimateWorstCase, type WorstCase } from "./budget-estimate";
import {
  type BudgetManagerOptions,
  type ResolvedBudgetOptions,
  resolveBudgetOptions,
} from "./budget-manager-options";
import { periodWindow } from "./budget-period";
import { resolveScope } from "./budget-scope";
import { BudgetUnavailableError } from "./budget-unavailable-error";
import { SettlementQueue } from "./settlement-queue";

declare module "@ffc/core" {
  interface LLMEventMap {
    /** The budget store could not be reached; with failMode "open" the call went ahead unmetered. */
    "budget-unavailable": { scope: string; failMode: "closed" | "open"; error: unknown };
  }
}

/** One limit of a budget, as `status()` reports it. */
export interface BudgetLimitStatus {
  /** The configured limit for the period. */
  limit: number;
  /** Settled spend in the period. */
  spent: number;
  /** Held by calls in flight. */
  reserved: number;
  /** What is left for new calls: limit − spent − reserved (never below 0). */
  remaining: number;
}

/** The state of one scope's budget in the current period. */
export interface BudgetStatus {
  /** The scope, e.g. "global" or "user:42". */
  scope: string;
  /** The period window, e.g. "day:2026-01-31". */
  period: string;
  /** The token limit, when one is set. */
  tokens?: BudgetLimitStatus;
  /** The USD limit, when one is set. */
  usd?: BudgetLimitStatus;
  /** Calls in flight holding a reservation. */
  reservations: number;
}

interface Reservation {
  scope: string;
  key: string;
  id: string;
  worstCase: WorstCase;
  /** Attempts recorded before this policy ran (a stage outside it may have made some). */
  firstAttempt: number;
  /** False when failing open: nothing is held, but the spend is still recorded. */
  held: boolean;
}

/**
 * Daily (or hourly, weekly, monthly, total) token and USD budgets, enforced before every call:
 * the worst case is reserved atomically in a BudgetStore, a call that does not fit is refused
 * with BudgetExceededError before any request is sent, and afterwards the reservation is
 * replaced by what every attempt of the call actually used.
 */
export class BudgetManager implements Plugin {
  /** The plugin name. */
  readonly name = "budget";
  /**
   * Where the budget sits: "custom" (innermost, around each attempt, the default) or, with
   * `perAttempt: false`, "budget" (just inside the cache, once per call).
   */
  readonly stage: PolicyStage;
  readonly #options: ResolvedBudgetOptions;
  readonly #estimate: EstimateSettings;
  readonly #settlements: SettlementQueue;
  readonly #warned = new Map<string, Set<string>>();

  constructor(options: BudgetManagerOptions) {
    this.#options = resolveBudgetOptions(options);
    this.stage = this.#options.perAttempt ? "attempt" : "admission";
    this.#estimate = {
      prices: this.#options.prices,
      pricesNeeded: this.#options.maxCostUsd !== undefined,
      defaultMaxOutputTokens: this.#options.defaultMaxOutputTokens,
      fallbackTargets: this.#options.fallbackTargets,
      attemptsPerCall: this.#options.attemptsPerCall,
      tokenCounting: this.#options.tokenCounting,
    };
    this.#settlements = new SettlementQueue(this.#options.store);
  }

  async generate(call: CallContext, next: GenerateNext): Promise<ProviderResult> {
    const reservation = await this.#reserve(call);
    let succeeded = false;
    try {
      const result = await next(call);
      succeeded = true;
      return result;
    } finally {
      await this.#settle(reservation, call, succeeded);
    }
  }

  stream(call: CallContext, next: StreamNext): AsyncIterable<StreamPart> {
    // Parts pass through untouched; the settle also runs when the consumer stops early: the
    // tokens streamed so far are still paid for.
    return aroundStream(
      () => this.#reserve(call),
      () => next(call),
      (reservation, how) => this.#settle(reservation, call, how.completed),
    );
  }

  /** Spent, reserved and remaining for a scope ("global", "user:42", ...) or a call's metadata. */
  async status(scopeOrMetadata: string | RequestMetadata = "global"): Promise<BudgetStatus> {
    const scope =
      typeof scopeOrMetadata === "string"
        ? scopeOrMetadata
        : resolveScope(this.#options.scope, scopeOrMetadata);
    const window = periodWindow(this.#options.period, this.#options.now(), this.#options.timeZone);
    const usage = await this.#options.store.usage(`${scope}|${window.id}`);
    const status: BudgetStatus = { scope, period: window.id, reservations: usage.reservations };
    if (this.#options.maxTokens !== undefined) {
      status.tokens = limitStatus(this.#options.maxTokens, usage.spent.tokens, usage.reserved.tokens);
    }
    if (this.#options.maxCostUsd !== undefined) {
      // Whole nano-dollars, as stores count them: no 0.010000000000000002 from float sums.
      const usd = limitStatus(this.#options.maxCostUsd, usage.spent.usd, usage.reserved.usd);
      status.usd = {
        limit: usd.limit,
        spent: roundUsd(usd.spent),
        reserved: roundUsd(usd.reserved),
        remaining: roundUsd(usd.remaining),
      };
    }
    return status;
  }

  /** Settlements waiting for an unreachable store (they are retried in the background). */
  get pendingSettlements(): number {
    return this.#settlements.size;
  }

  /** Retries pending settlements now, e.g. before a script exits. */
  flush(): Promise<void> {
    return this.#settlements.flush();
  }

  /** Stops background retries; the store (which you may share) is left open. */
  close(): void {
    this.#settlements.stop();
  }

  async #reserve(call: CallContext): Promise<Reservation> {
    const options = this.#options;
    let scope = "(unresolved)";
    try {
      scope = resolveScope(options.scope, call.request.metadata);
      const window = periodWindow(options.period, options.now(), options.timeZone);
      const key = `${scope}|${window.id}`;
      const worstCase = await estimateWorstCase(call.provider, call.request, this.#estimate);
      const reservation: Reservation = {
        scope,
        key,
        // The global Web Crypto, not node:crypto: importing that costs ~5 ms of start-up.
        id: crypto.randomUUID(),
        worstCase,
        firstAttempt: call.attempts.length,
        held: true,
      };
      const limits = { tokens: options.maxTokens, usd: options.maxCostUsd };
      let outcome: Awaited<ReturnType<typeof options.store.reserve>>;
      try {
        outcome = await options.store.reserve({
          key,
          reservationId: reservation.id,
          amount: { tokens: worstCase.tokens, usd: worstCase.usd },
          limits: definedOnly(limits),
          ttlMs: options.reservationTtlMs,
          expireKeyAfterMs: window.keepForMs,
        });
      } catch (error) {
        // The reservation may still land later (a command replayed after a reconnect); settling
        // it at zero leaves a marker that makes such a late reservation hold nothing.
        this.#settlements.add(this.#settleRequest(reservation, { tokens: 0, usd: 0 }, window.keepForMs));
        call.emit("budget-unavailable", { scope, failMode: options.failMode, error });
        if (options.failMode === "open") return { ...reservation, held: false };
        throw new BudgetUnavailableError(
          `The budget store could not be reached (${messageOf(error)}), so the call was refused before any request was sent (failMode "closed"). Check the store (e.g. Redis), or set failMode: "open" to let calls through unmetered while it is down.`,
          scope,
          { cause: error },
        );
      }
      if (!outcome.ok)
        throw refusal(outcome.exceeded, outcome, worstCase, limits, scope, window.id, call.request.maxTokens);
      call.emit("budget-reserved", { scope, tokens: worstCase.tokens, usd: this.#usdOrNull(worstCase.usd) });
      return reservation;
    } catch (error) {
      if (FFCError.isInstance(error)) call.emit("budget-refused", { scope, error });
      throw error;
    }
  }

  async #settle(reservation: Reservation, call: CallContext, succeeded: boolean): Promise<void> {
    const attempts = call.attempts.slice(reservation.firstAttempt);
    const actual = actualSpend(attempts, this.#estimate, reservation.worstCase);
    const keepForMs = periodWindow(
      this.#options.period,
      this.#options.now(),
      this.#options.timeZone,
    ).keepForMs;
    const request = this.#settleRequest(reservation, actual, keepForMs);
    let usage: BudgetUsage | undefined;
    try {
      usage = await this.#options.store.settle(request);
    } catch (error) {
      this.#settlements.add(request);
      call.emit("budget-unavailable", { scope: reservation.scope, failMode: this.#options.failMode, error });
    }
    const fields = { scope: reservation.scope, tokens: actual.tokens, usd: this.#usdOrNull(actual.usd) };
    call.emit(succeeded ? "budget-committed" : "budget-released", fields);
    if (usage) this.#warn(call, reservation, usage);
  }

  #settleRequest(reservation: Reservation, actual: BudgetAmount, keepForMs: number) {
    return {
      key: reservation.key,
      reservationId: reservation.id,
      actual,
      // Remember the id at least as long as the reservation could live, so a replay holds nothing.
      rememberMs: this.#options.reservationTtlMs * 2,
      expireKeyAfterMs: keepForMs,
    };
  }

  #warn(call: CallContext, reservation: Reservation, usage: BudgetUsage): void {
    // Two plain calls rather than a list of checks: this runs after every call.
    this.#warnUnit(call, reservation, "tokens", this.#options.maxTokens, usage.spent.tokens);
    this.#warnUnit(call, reservation, "usd", this.#options.maxCostUsd, usage.spent.usd);
  }

  #warnUnit(
    call: CallContext,
    reservation: Reservation,
    unit: "tokens" | "usd",
    limit: number | undefined,
    spent: number,
  ): void {
    if (limit === undefined || spent < this.#options.warnAt[0]! * limit) return;
    let warned = this.#warned.get(reservation.key);
    for (const threshold of this.#options.warnAt) {
      const mark = `${unit}:${threshold}`;
      if (spent < threshold * limit || warned?.has(mark)) continue;
      if (!warned) {
        // Marks of earlier periods can go: each threshold fires once per scope and period.
        if (this.#warned.size > 10_000) this.#warned.clear();
        warned = new Set();
        this.#warned.set(reservation.key, warned);
      }
      warned.add(mark);
      call.emit("budget-warning", { scope: reservation.scope, unit, threshold, spent, limit });
    }
  }

  #usdOrNull(usd: number): number | null {
    return this.#options.maxCostUsd === undefined ? null : usd;
  }
}

function refusal(
  unit: "tokens" | "usd",
  usage: BudgetUsage,
  worstCase: WorstCase,
  limits: { tokens: number | undefined; usd: number | undefined },
  scope: string,
  period: string,
  maxTokens: number | undefined,
): BudgetExceededError {
  const limit = limits[unit]!;
  const spent = usage.spent[unit];
  const reserved = usage.reserved[unit];
  const requested = worstCase[unit];
  const show = (value: number) => (unit === "usd" ? `$${value.toFixed(6)}` : `${value} tokens`);
  // A call whose worst case alone is over the whole limit can never run: say what bounds it.
  const advice =
    requested <= limit
      ? ""
      : maxTokens === undefined
        ? ` Its worst case alone is over the whole limit because, without "maxTokens", it counts the model's largest output: set "maxTokens" (in LLMConfig or on the call) to bound it${unit === "tokens" ? ', or raise "maxDailyTokens"' : ', or raise "maxCostUsd"'}.`
        : ` Its worst case alone is over the whole limit: lower "maxTokens" (now ${maxTokens}) or raise the limit.`;
  return new BudgetExceededError(
    `Budget exceeded for scope "${scope}" (${period}): this call may need up to ${show(requested)}, but ${show(spent)} of ${show(limit)} is spent and ${show(reserved)} is held by calls in flight. It was refused before any request was sent.${advice}`,
    { unit, limit, spent, reserved, requested, scope },
  );
}

function limitStatus(limit: number, spent: number, reserved: number): BudgetLimitStatus {
  return { limit, spent, reserved, remaining: Math.max(0, limit - spent - reserved) };
}

function roundUsd(usd: number): number {
  return fromNanoUsd(toNanoUsd(usd));
}

function definedOnly(limits: { tokens: number | undefined; usd: number | undefined }) {
  const result: { tokens?: number; usd?: number } = {};
  if (limits.tokens !== undefined) result.tokens = limits.tokens;
  if (limits.usd !== undefined) result.usd = limits.usd;
  return result;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
