import { describe, it } from "vitest";
import { budgetStoreConformanceChecks } from "./budget-store-conformance";
import { MemoryBudgetStore } from "./memory-budget-store";

describe("MemoryBudgetStore conformance", () => {
  for (const check of budgetStoreConformanceChecks(() => new MemoryBudgetStore())) it(check.name, check.run);
});
