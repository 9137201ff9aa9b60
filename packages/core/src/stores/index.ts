export type { BreakerState, BreakerStore } from "./breaker-store";
export type {
  BudgetAmount,
  BudgetLimits,
  BudgetReserveOutcome,
  BudgetReserveRequest,
  BudgetSettleRequest,
  BudgetStore,
  BudgetUsage,
} from "./budget-store";
export type { CacheStore } from "./cache-store";
export type { RateLimitStore, RateLimitTakeOutcome, RateLimitTakeRequest } from "./rate-limit-store";
export type { UsageStore, UsageTotals } from "./usage-store";
