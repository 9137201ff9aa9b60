import { createOpenAIServer } from "@ffc/testing";
import { describe, expect, it } from "vitest";
import { benchAnswer } from "./bench-settings";
import { measurePluginOverhead } from "./plugin-overhead-bench";
import { perCallCause, pluginOverheadSection } from "./plugin-overhead-report";

// The in-process plugin benchmark: every configuration answers (a wrong answer throws inside the
// loop), the full stack really carries all five plugins, and the report names each of them.
describe("plugin overhead without the network", () => {
  it("measures bare, each plugin alone and the full stack, and renders them", async () => {
    const server = await createOpenAIServer({ text: benchAnswer });
    const results = await measurePluginOverhead(true, server.url).finally(() => server.close());
    expect(results.map((entry) => entry.id)).toEqual([
      "bare",
      "tracking",
      "budget",
      "rate-limit",
      "retry",
      "fallback",
      "full",
    ]);
    for (const entry of results) {
      expect(entry.microsecondsPerCall).toBeGreaterThan(0);
      expect(entry.microsecondsBetweenHttpCalls).toBeGreaterThan(0);
      expect(entry.bytesPerCall).toBeGreaterThan(0);
      expect(entry.topAllocators.length).toBeGreaterThan(0);
    }
    const byId = new Map(results.map((entry) => [entry.id, entry]));
    // Five plugins allocate more than none: the stack is not silently empty.
    expect(byId.get("full")!.bytesPerCall).toBeGreaterThan(byId.get("bare")!.bytesPerCall);
    const section = pluginOverheadSection({ pluginOverhead: results } as never);
    for (const label of [
      "FFC bare",
      "+ TokenTracker",
      "+ BudgetManager",
      "+ RateLimiter",
      "+ RetryConfig",
      "+ FallbackConfig",
      "FFC + all five",
    ])
      expect(section).toContain(`| ${label} |`);
    const perCall = [{ id: "raw", summary: { median: 0.5 } }];
    expect(perCallCause({ pluginOverhead: results, perCall } as never, "raw")).toMatch(
      /leaves 50\.0 µs per call .* RateLimiter \+.* right after a raw SDK call over HTTP/,
    );
  }, 60_000);
});
