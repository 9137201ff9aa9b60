import { budgetStoreConformanceChecks } from "@ffc/testing";
import { describe, it } from "vitest";
import { MemoryBudgetStore } from "./memory-budget-store";

describe("MemoryBudgetStore conformance", () => {
  for (const check of budgetStoreConformanceChecks(() => new MemoryBudgetStore())) it(check.name, check.run);
});
