import { AllProvidersFailedError, TemporaryError } from "@ffc/core";
import { MockProvider, runPolicy } from "@ffc/testing";
import { describe, expect, it } from "vitest";
import { FallbackConfig } from "./fallback-config";

describe("FallbackConfig run alone with runPolicy", () => {
  it("moves to the next target when the first fails, and reports both attempts", async () => {
    const primary = new MockProvider({
      id: "primary",
      script: [{ error: new TemporaryError("overloaded") }],
    });
    const backup = new MockProvider({ id: "backup", script: [{ text: "from backup" }] });
    const policy = new FallbackConfig({
      targets: [
        { provider: primary, model: "big" },
        { provider: backup, model: "small" },
      ],
    });
    const run = await runPolicy(policy, { provider: primary, model: "big" });
    expect(run.result?.text).toBe("from backup");
    expect(run.attempts.map((attempt) => `${attempt.provider}/${attempt.model}`)).toEqual([
      "primary/big",
      "backup/small",
    ]);
    expect(run.eventsOf("fallback")).toMatchObject([
      { from: { provider: "primary", model: "big" }, to: { provider: "backup", model: "small" } },
    ]);
  });

  it("fails with AllProvidersFailedError when every target fails", async () => {
    const failing = (id: string) =>
      new MockProvider({ id, script: [{ error: new TemporaryError(`${id} down`) }] });
    const policy = new FallbackConfig({
      targets: [
        { provider: failing("first"), model: "a" },
        { provider: failing("second"), model: "b" },
      ],
    });
    const run = await runPolicy(policy);
    expect(AllProvidersFailedError.isInstance(run.error)).toBe(true);
    expect(run.attempts.map((attempt) => attempt.provider)).toEqual(["first", "second"]);
    expect(run.provider.callCount).toBe(0);
  });
});
