import { breakerStoreConformanceChecks } from "@ffc/testing";
import { describe, it } from "vitest";
import { MemoryBreakerStore } from "./memory-breaker-store";

describe("MemoryBreakerStore conformance", () => {
  for (const check of breakerStoreConformanceChecks(() => new MemoryBreakerStore()))
    it(check.name, check.run);
});
