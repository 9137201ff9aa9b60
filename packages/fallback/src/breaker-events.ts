import type { TargetReference } from "@ffc/core";

// The breaker's own event, added to core's event map by declaration merging.
declare module "@ffc/core" {
  interface LLMEventMap {
    /** The breaker store failed (e.g. Redis unreachable); the call went ahead as if the breaker were closed. */
    "breaker-store-error": TargetReference & { error: unknown };
  }
}
