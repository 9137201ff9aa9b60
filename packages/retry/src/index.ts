export type { ErrorClass, ErrorPredicate } from "@ffc/core";
export { type BackoffSettings, backoffDelay } from "./backoff";
export { RetryBudget, type RetryBudgetOptions } from "./retry-budget";
export { RetryConfig, type RetryGiveUpReason } from "./retry-config";
export type { JitterMode, RetryOptions } from "./retry-options";
