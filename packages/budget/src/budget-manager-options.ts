import { type BudgetStore, ConfigError, describeValue } from "@ffc/core";
import { checkPriceTable, type PriceTable } from "@ffc/pricing";
import type { TokenCounting } from "./budget-estimate";
import { type BudgetPeriod, budgetPeriods, checkTimeZone } from "./budget-period";
import { type BudgetScope, budgetScopeNames } from "./budget-scope";
import { MemoryBudgetStore } from "./memory-budget-store";

/** A provider and model a call may fall back to; the reservation covers the priciest one. */
export interface BudgetTarget {
  /** Provider id, e.g. "anthropic". */
  provider: string;
  /** Model id, e.g. "claude-sonnet-4-5". */
  model: string;
}

/** Options of a BudgetManager. Give `maxDailyTokens`, `maxCostUsd` or both. */
export interface BudgetManagerOptions {
  /** Most tokens (input plus output) per period; the name follows the guide, the window is `period`. */
  maxDailyTokens?: number;
  /** Most US dollars per period. */
  maxCostUsd?: number;
  /** The window both limits apply to (default "day"); "total" never resets. */
  period?: BudgetPeriod;
  /** IANA time zone whose midnight (or hour, week, month start) begins a new period (default "UTC"). */
  timeZone?: string;
  /** Whose budget a call spends (default "global"). */
  scope?: BudgetScope;
  /** Fractions of a limit at which to emit "budget-warning", once each per period (default [0.8, 0.95]). */
  warnAt?: readonly number[];
  /** Where spend and reservations live (default: in this process's memory). */
  store?: BudgetStore;
  /** USD per million tokens by "provider:model" or model; they take precedence over @pydantic/genai-prices. */
  prices?: PriceTable;
  /** Output tokens to reserve when neither the request nor the provider's modelInfo says (default 4096). */
  defaultMaxOutputTokens?: number;
  /**
   * Reserve for every attempt, inside retry and fallback, priced at the attempt's own model
   * (default true): no call can spend more than it reserved, whatever it retries or falls back
   * to. `false` reserves once per call, outside retry and fallback (see `fallbackTargets`).
   */
  perAttempt?: boolean;
  /** With `perAttempt: false`: targets fallback may move a call to; the reservation is priced at the dearest. */
  fallbackTargets?: readonly BudgetTarget[];
  /** With `perAttempt: false`: attempts to reserve for (retries and fallbacks each spend); default 1. */
  attemptsPerCall?: number;
  /** A reservation not settled within this time is dropped by the store, in ms (default 600,000). */
  reservationTtlMs?: number;
  /** When the store cannot be reached: "closed" refuses the call (default), "open" lets it through unmetered. */
  failMode?: "closed" | "open";
  /** The clock, in ms since the epoch (default Date.now); tests pass a fake one. */
  now?: () => number;
  /**
   * How input tokens are reserved: "bound" reserves a provable upper bound from the text's
   * UTF-8 bytes (never overspends, loads nothing, sends nothing; about 4× the tokens of English
   * text held until the call settles); "exact" asks the provider's `countTokens` (OpenAI loads a
   * tokenizer vocabulary of tens of MB, Anthropic and Gemini send a count request per attempt).
   * @default "bound"
   */
  tokenCounting?: TokenCounting;
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
  tokenCounting: TokenCounting;
}

/** Checks BudgetManager options once, at construction, naming the field at fault. */
export function resolveBudgetOptions(options: BudgetManagerOptions): ResolvedBudgetOptions {
  if (typeof options !== "object" || options === null) {
    throw new ConfigError(
      "Invalid BudgetManager options: expected an object such as { maxDailyTokens: 100_000, maxCostUsd: 10 }.",
    );
  }
  const maxTokens = limit(options.maxDailyTokens, "maxDailyTokens");
  const maxCostUsd = limit(options.maxCostUsd, "maxCostUsd");
  if (maxTokens === undefined && maxCostUsd === undefined) {
    throw new ConfigError('Invalid BudgetManager options: give "maxDailyTokens", "maxCostUsd" or both.');
  }
  const period = options.period ?? "day";
  if (!budgetPeriods.includes(period)) {
    throw new ConfigError(
      `Invalid BudgetManager "period": ${quoted(period)} is not one of ${budgetPeriods.join(", ")}.`,
    );
  }
  const scope = options.scope ?? "global";
  if (typeof scope !== "function" && !budgetScopeNames.includes(scope)) {
    throw new ConfigError(
      `Invalid BudgetManager "scope": ${quoted(scope)} is not one of ${budgetScopeNames.join(", ")} or a function of the call's metadata.`,
    );
  }
  const warnAt = options.warnAt ?? [0.8, 0.95];
  if (
    !Array.isArray(warnAt) ||
    warnAt.some((value) => typeof value !== "number" || !(value > 0 && value <= 1))
  ) {
    throw new ConfigError(
      'Invalid BudgetManager "warnAt": expected fractions of the limit between 0 and 1, e.g. [0.8, 0.95].',
    );
  }
  const store = options.store ?? new MemoryBudgetStore(options.now ? { now: options.now } : {});
  if (
    typeof store.reserve !== "function" ||
    typeof store.settle !== "function" ||
    typeof store.usage !== "function"
  ) {
    throw new ConfigError(
      'Invalid BudgetManager "store": expected a BudgetStore with reserve, settle and usage.',
    );
  }
  const failMode = options.failMode ?? "closed";
  if (failMode !== "closed" && failMode !== "open") {
    throw new ConfigError(`Invalid BudgetManager "failMode": ${quoted(failMode)} is not "closed" or "open".`);
  }
  const perAttempt = options.perAttempt ?? true;
  if (typeof perAttempt !== "boolean") {
    throw new ConfigError(
      `Invalid BudgetManager "perAttempt": expected true or false, got ${describeValue(perAttempt)}.`,
    );
  }
  if (perAttempt && (options.fallbackTargets !== undefined || options.attemptsPerCall !== undefined)) {
    throw new ConfigError(
      'Invalid BudgetManager options: "fallbackTargets" and "attemptsPerCall" size a per-call reservation; they need perAttempt: false (the default reserves each attempt at its own model, so it needs neither).',
    );
  }
  const tokenCounting = options.tokenCounting ?? "bound";
  if (tokenCounting !== "bound" && tokenCounting !== "exact") {
    throw new ConfigError(
      `Invalid BudgetManager "tokenCounting": ${quoted(tokenCounting)} is not "bound" or "exact".`,
    );
  }
  if (options.now !== undefined && typeof options.now !== "function") {
    throw new ConfigError('Invalid BudgetManager "now": expected a function returning ms since the epoch.');
  }
  return {
    maxTokens,
    maxCostUsd,
    period,
    timeZone: checkTimeZone(options.timeZone ?? "UTC", 'BudgetManager "timeZone"'),
    scope,
    warnAt: [...new Set(warnAt)].sort((left, right) => left - right),
    store,
    prices: checkPriceTable(options.prices, "BudgetManager"),
    defaultMaxOutputTokens: wholeNumber(options.defaultMaxOutputTokens, 4096, "defaultMaxOutputTokens"),
    perAttempt,
    fallbackTargets: checkTargets(options.fallbackTargets),
    attemptsPerCall: wholeNumber(options.attemptsPerCall, 1, "attemptsPerCall"),
    reservationTtlMs: wholeNumber(options.reservationTtlMs, 600_000, "reservationTtlMs"),
    failMode,
    now: options.now ?? Date.now,
    tokenCounting,
  };
}

function limit(value: number | undefined, field: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new ConfigError(
      `Invalid BudgetManager "${field}": expected a finite number of at least 0, got ${describeValue(value)}.`,
    );
  }
  return value;
}

function wholeNumber(value: number | undefined, fallback: number, field: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1) {
    throw new ConfigError(
      `Invalid BudgetManager "${field}": expected a whole number of at least 1, got ${describeValue(value)}.`,
    );
  }
  return value;
}

function checkTargets(targets: readonly BudgetTarget[] | undefined): BudgetTarget[] {
  if (targets === undefined) return [];
  if (
    !Array.isArray(targets) ||
    targets.some((target) => typeof target?.provider !== "string" || typeof target?.model !== "string")
  ) {
    throw new ConfigError(
      'Invalid BudgetManager "fallbackTargets": expected [{ provider: "anthropic", model: "claude-sonnet-4-5" }, ...].',
    );
  }
  return targets.map((target) => ({ provider: target.provider, model: target.model }));
}

function quoted(value: unknown): string {
  return typeof value === "string" ? `"${value.slice(0, 40)}"` : describeValue(value);
}
