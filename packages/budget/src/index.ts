export { fromNanoUsd, nanoPerUsd, toNanoUsd } from "@ffc/core/plugin";
export { type ModelPrice, type PriceTable, priceUsage } from "@ffc/pricing";
export { type BudgetLimitStatus, BudgetManager, type BudgetStatus } from "./budget-manager";
export type { BudgetManagerOptions, BudgetTarget } from "./budget-manager-options";
export { type BudgetPeriod, budgetPeriods, type PeriodWindow, periodWindow } from "./budget-period";
export { type BudgetScope, resolveScope } from "./budget-scope";
export { BudgetUnavailableError } from "./budget-unavailable-error";
export { FileBudgetStore, type FileBudgetStoreOptions } from "./file-budget-store";
export { MemoryBudgetStore, type MemoryBudgetStoreOptions } from "./memory-budget-store";
