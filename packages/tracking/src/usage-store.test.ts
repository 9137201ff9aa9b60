import { LLMManager } from "@ffc/core";
import { MockProvider, usageStoreConformanceChecks } from "@ffc/testing";
import { describe, expect, it } from "vitest";
import { MemoryUsageStore } from "./memory-usage-store";
import { TokenTracker } from "./token-tracker";

describe("MemoryUsageStore conformance", () => {
  for (const check of usageStoreConformanceChecks(() => new MemoryUsageStore())) it(check.name, check.run);
});

describe("TokenTracker with a shared store", () => {
  it("adds every attempt to the shared totals by provider, model, user and tag", async () => {
    const store = new MemoryUsageStore();
    const trackers = [new TokenTracker({ store }), new TokenTracker({ store })];
    const managers = trackers.map(
      (tracker) =>
        new LLMManager(
          {
            provider: new MockProvider({
              id: "openai",
              script: [{ text: "ok", usage: { inputTokens: 1000, outputTokens: 100 } }],
            }),
            model: "gpt-4o",
          },
          { plugins: [tracker] },
        ),
    );
    await managers[0]!.generate({ prompt: "a", metadata: { userId: "ada", tags: ["beta"] } });
    await managers[1]!.generate({ prompt: "b", metadata: { userId: "ada" } });
    const total = await trackers[0]!.sharedUsage();
    expect(total?.attempts).toBe(2);
    expect(total?.usage.inputTokens).toBe(2000);
    // gpt-4o: 1,000 input at $2.50/M and 100 output at $10/M, twice.
    expect(total?.costUsd).toBeCloseTo(2 * (0.0025 + 0.001), 9);
    expect((await trackers[1]!.sharedUsage("user:ada"))?.attempts).toBe(2);
    expect((await trackers[1]!.sharedUsage("tag:beta"))?.attempts).toBe(1);
    expect((await trackers[1]!.sharedUsage("model:openai:gpt-4o"))?.usage.outputTokens).toBe(200);
  });

  it("never fails a call when the store fails, and reports the failure", async () => {
    const failures: unknown[] = [];
    const store = { add: async () => Promise.reject(new Error("store down")), get: async () => undefined };
    const tracker = new TokenTracker({ store, onStoreError: (error) => failures.push(error) });
    const llm = new LLMManager(
      { provider: new MockProvider({ script: [{ text: "ok" }] }), model: "m" },
      { plugins: [tracker] },
    );
    await expect(llm.generate({ prompt: "hi" })).resolves.toMatchObject({ text: "ok" });
    await tracker.flush();
    expect(failures).toHaveLength(1);
  });

  it("says what to pass when shared totals are asked for without a store", async () => {
    await expect(new TokenTracker().sharedUsage()).rejects.toThrow(/needs a "store" option/);
  });
});
