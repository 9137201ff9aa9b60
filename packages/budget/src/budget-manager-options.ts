import { type BudgetStore, checkOptions, option, optionsError } from "@ffc/core/plugin";
import { type PriceTable, priceTableOption } from "@ffc/pricing";
import { type BudgetPeriod, budgetPeriods, isTimeZone } from "./budget-period";
import { type BudgetScope, budgetScopeNames } from "./budget-scope";
import { MemoryBudgetStore } from "./memory-budget-store";

/** A provider and model a call may fall back to; the reservation covers the priciest one. */
export interface BudgetTarget {
  /** Provider id, e.g. "anthropic". */
  provider: string;
  /** Model id, e.g. "claude-sonnet-4-5". */
  model: string;
}

/**
 * Options of a BudgetManager. Give `maxDailyTokens`, `maxCostUsd` or both.
 * @example new BudgetManager({ maxDailyTokens: 100_000, maxCostUsd: 5, scope: "user" })
 */
export interface BudgetManagerOptions {
  /** Most tokens (input plus output) per period; the name follows the guide, the window is `period`. */
  maxDailyTokens?: number;
  /** Most US dollars per period. */
  maxCostUsd?: number;
  /**
   * The window both limits apply to; "total" never resets.
   * @default "day"
   */
  period?: BudgetPeriod;
  /**
   * IANA time zone whose midnight (or hour, week, month start) begins a new period.
   * @default "UTC"
   * @example "Europe/Paris"
   */
  timeZone?: string;
  /**
   * Whose budget a call spends: "global", "user", "tenant", "tag" (from the call's metadata) or a function of it.
   * @default "global"
   */
  scope?: BudgetScope;
  /**
   * Fractions of a limit at which to emit "budget-warning", once each per period.
   * @default [0.8, 0.95]
   */
  warnAt?: readonly number[];
  /**
   * Where spend and reservations live.
   * @default new MemoryBudgetStore() (this process's memory)
   */
  store?: BudgetStore;
  /** USD per million tokens by "provider:model" or model; they take precedence over @pydantic/genai-prices. */
  prices?: PriceTable;
  /**
   * Output tokens to reserve when neither the request nor the provider's modelInfo says.
   * @default 4096
   */
  defaultMaxOutputTokens?: number;
  /**
   * Reserve for every attempt, inside retry and fallback, priced at the attempt's own model
   * (default true): no call can spend more than it reserved, whatever it retries or falls back
   * to. `false` reserves once per call, outside retry and fallback (see `fallbackTargets`).
   * @default true
   */
  perAttempt?: boolean;
  /** With `perAttempt: false`: targets fallback may move a call to; the reservation is priced at the dearest. */
  fallbackTargets?: readonly BudgetTarget[];
  /**
   * With `perAttempt: false`: attempts to reserve for (retries and fallbacks each spend).
   * @default 1
   */
  attemptsPerCall?: number;
  /**
   * A reservation not settled within this time is dropped by the store, in ms.
   * @default 600000
   */
  reservationTtlMs?: number;
  /**
   * When the store cannot be reached: "closed" refuses the call, "open" lets it through unmetered.
   * @default "closed"
   */
  failMode?: "closed" | "open";
  /**
   * The clock, in ms since the epoch; tests pass a fake one.
   * @default Date.now
   */
  now?: () => number;
}

/** Options after validation, with defaults filled in. */
export interface ResolvedBudgetOptions {
  maxTokens: number | undefined;
  maxCostUsd: number | undefined;
  period: BudgetPeriod;
  timeZone: string;
  scope: BudgetScope;
  warnAt: number[];
  store: BudgetStore;
  prices: PriceTable | undefined;
  defaultMaxOutputTokens: number;
  perAttempt: boolean;
  fallbackTargets: BudgetTarget[];
  attemptsPerCall: number;
  reservationTtlMs: number;
  failMode: "closed" | "open";
  now: () => number;
}

const owner = "BudgetManager";

const budgetRules = {
  maxDailyTokens: option.number({ min: 0 }),
  maxCostUsd: option.number({ min: 0 }),
  period: option.oneOf(budgetPeriods, { default: "day" }),
  timeZone: option.custom<string, { default: string }>(timeZoneProblem, { default: "UTC" }),
  scope: option.custom<BudgetScope, { default: BudgetScope }>(
    (value) =>
      typeof value === "function" || (budgetScopeNames as readonly unknown[]).includes(value)
        ? { value: value as BudgetScope }
        : `must be one of ${budgetScopeNames.map((name) => `"${name}"`).join(", ")} or a function of the call's metadata`,
    { default: "global" },
  ),
  warnAt: option.array(option.number({ min: 0, exclusiveMin: true, max: 1, required: true }), {
    default: [0.8, 0.95],
  }),
  store: option.implementing<BudgetStore>("a BudgetStore", ["reserve", "settle", "usage"], {
    example: "new MemoryBudgetStore()",
  }),
  prices: priceTableOption(),
  defaultMaxOutputTokens: option.integer({ min: 1, default: 4096 }),
  perAttempt: option.boolean({ default: true }),
  fallbackTargets: option.array(
    option.object(
      { provider: option.string({ required: true }), model: option.string({ required: true }) },
      {
        required: true,
      },
    ),
  ),
  attemptsPerCall: option.integer({ min: 1 }),
  reservationTtlMs: option.integer({ min: 1, default: 600_000 }),
  failMode: option.oneOf(["closed", "open"] as const, { default: "closed" }),
  now: option.callback<() => number, { default: () => number }>({
    default: () => Date.now(),
    example: "Date.now",
  }),
};

/** Checks BudgetManager options once, at construction, naming every field at fault. */
export function resolveBudgetOptions(options: BudgetManagerOptions): ResolvedBudgetOptions {
  const checked = checkOptions(owner, options, budgetRules, "{ maxDailyTokens: 100_000, maxCostUsd: 10 }");
  if (checked.maxDailyTokens === undefined && checked.maxCostUsd === undefined) {
    throw optionsError(owner, [{ field: "", message: 'give "maxDailyTokens", "maxCostUsd" or both' }]);
  }
  if (
    checked.perAttempt &&
    (checked.fallbackTargets !== undefined || checked.attemptsPerCall !== undefined)
  ) {
    throw optionsError(owner, [
      {
        field: checked.fallbackTargets !== undefined ? "fallbackTargets" : "attemptsPerCall",
        message:
          'sizes a per-call reservation, so it and "attemptsPerCall"/"fallbackTargets" need perAttempt: false (the default reserves each attempt at its own model, so it needs neither)',
      },
    ]);
  }
  const { maxDailyTokens, fallbackTargets, attemptsPerCall, warnAt, store, ...rest } = checked;
  return {
    ...rest,
    maxTokens: maxDailyTokens,
    maxCostUsd: checked.maxCostUsd,
    warnAt: [...new Set(warnAt)].sort((left, right) => left - right),
    // A store is made only once the options are known to be good.
    store: store ?? new MemoryBudgetStore(options.now ? { now: options.now } : {}),
    prices: checked.prices,
    fallbackTargets: fallbackTargets ?? [],
    attemptsPerCall: attemptsPerCall ?? 1,
  };
}

function timeZoneProblem(value: unknown): { value: string } | string {
  if (typeof value !== "string" || value === "") {
    return 'must be an IANA time zone name such as "UTC" or "Europe/Paris"';
  }
  return isTimeZone(value)
    ? { value }
    : `is "${value.slice(0, 40)}", which is not a time zone Intl knows; use an IANA name such as "Europe/Paris"`;
}
