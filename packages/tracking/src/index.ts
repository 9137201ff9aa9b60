export { type ModelPrice, type PriceTable, priceUsage, promptCacheSavings } from "@ffc/pricing";
export { MemoryUsageStore, type MemoryUsageStoreOptions } from "./memory-usage-store";
export { TokenTracker, type TokenTrackerOptions } from "./token-tracker";
export type { UsageReport } from "./usage-ledger";
export type { UsageSummary } from "./usage-summary";
export { formatUsageTable } from "./usage-table";
