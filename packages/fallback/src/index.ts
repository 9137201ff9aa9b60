export type { ErrorClass, ErrorPredicate } from "@ffc/core";
export type { BreakerOptions } from "./breaker-options";
export type { Admission, BreakerOutcome } from "./breaker-transitions";
export { FallbackConfig } from "./fallback-config";
export type { FallbackOptions, FallbackTarget } from "./fallback-options";
export { MemoryBreakerStore, type MemoryBreakerStoreOptions } from "./memory-breaker-store";
export type { TargetInfo } from "./target-suitability";

import "./breaker-events";
