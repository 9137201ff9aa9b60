import {
  Provider,
  ProviderNotInstalledError,
  registerProvider,
  TemporaryError,
  unregisterProvider,
} from "@ffc/core";
import { configErrorOf, createTestManager, MockProvider, settled } from "@ffc/testing";
import { afterEach, describe, expect, it } from "vitest";
import { FallbackConfig } from "./fallback-config";
import { MemoryBreakerStore } from "./memory-breaker-store";

afterEach(() => {
  unregisterProvider("vertex");
});

describe("FallbackConfig options", () => {
  it("accepts the guide's parallel arrays", () => {
    const config = new FallbackConfig({
      providers: [Provider.OPENAI, Provider.ANTHROPIC],
      models: ["gpt-4o", "claude-sonnet-4-5"],
    });
    expect(config.targets).toEqual([
      { provider: "openai", model: "gpt-4o" },
      { provider: "anthropic", model: "claude-sonnet-4-5" },
    ]);
  });

  it("rejects providers and models of different lengths, naming both lengths", () => {
    expect(
      configErrorOf(() => new FallbackConfig({ providers: ["openai", "anthropic"], models: ["gpt-4o"] }))
        .message,
    ).toBe(
      'Invalid FallbackConfig options: "models" has 1 entries but "providers" has 2; they pair up by position, so give one model per provider.',
    );
  });

  it("rejects an unknown provider id, naming its position", () => {
    expect(
      configErrorOf(() => new FallbackConfig({ providers: ["openai", "opnai"], models: ["a", "b"] })).message,
    ).toMatch(/"providers\[1\]" is "opnai", which is not a known provider id/);
    expect(
      configErrorOf(() => new FallbackConfig({ targets: [{ provider: "nope", model: "m" }] })).message,
    ).toMatch(/"targets\[0\].provider" is "nope"/);
  });

  it("rejects an empty chain", () => {
    expect(configErrorOf(() => new FallbackConfig({ providers: [], models: [] })).message).toMatch(
      /the chain is empty/,
    );
    expect(configErrorOf(() => new FallbackConfig({ targets: [] })).message).toMatch(/the chain is empty/);
    expect(configErrorOf(() => new FallbackConfig({} as never)).message).toMatch(/name the chain/);
  });

  it("rejects an empty model and a non-positive attemptTimeoutMs", () => {
    expect(configErrorOf(() => new FallbackConfig({ providers: ["openai"], models: [""] })).message).toMatch(
      /"models\[0\]" must be a non-empty string such as "gpt-4o"/,
    );
    expect(
      configErrorOf(
        () =>
          new FallbackConfig({ targets: [{ provider: "openai", model: "gpt-4o", attemptTimeoutMs: -5 }] }),
      ).message,
    ).toMatch(/"targets\[0\].attemptTimeoutMs" must be a finite number greater than 0, got -5/);
  });

  it("rejects both targets and providers, and unknown options", () => {
    expect(
      configErrorOf(
        () =>
          new FallbackConfig({
            targets: [{ provider: "openai", model: "a" }],
            providers: ["openai"],
            models: ["a"],
          }),
      ).message,
    ).toMatch(/either "targets" or "providers"/);
    expect(
      configErrorOf(() => new FallbackConfig({ providers: ["openai"], models: ["a"], fallbacks: 2 } as never))
        .message,
    ).toMatch(/"fallbacks" is not an option/);
  });

  it("names an unknown option, at the top or in the breaker, in error.field", () => {
    const base = { providers: ["openai"], models: ["gpt-4o"] };
    expect(configErrorOf(() => new FallbackConfig({ ...base, deadline: 5 } as never)).field).toBe("deadline");
    const nested = configErrorOf(
      () => new FallbackConfig({ ...base, breaker: { failureThreshhold: 3, store: {} } } as never),
    );
    expect(nested.problems.map((problem) => problem.field)).toEqual([
      "breaker.failureThreshhold",
      "breaker.store",
    ]);
    expect(nested.message).toContain('(did you mean "failureThreshold"?)');
    expect(configErrorOf(() => new MemoryBreakerStore({ size: 5 } as never)).field).toBe("size");
  });

  it("rejects impossible breaker settings", () => {
    const base = { providers: ["openai"], models: ["gpt-4o"] };
    expect(
      configErrorOf(() => new FallbackConfig({ ...base, breaker: { failureThreshold: 0 } })).message,
    ).toMatch(/"breaker.failureThreshold" must be a whole number at least 1, got 0/);
    expect(
      configErrorOf(() => new FallbackConfig({ ...base, breaker: { mode: "rate", failureRate: 1.5 } }))
        .message,
    ).toMatch(/"breaker.failureRate" must be a finite number greater than 0 and at most 1, got 1.5/);
    expect(configErrorOf(() => new FallbackConfig({ ...base, breaker: { cooldownMs: -1 } })).message).toMatch(
      /"breaker.cooldownMs"/,
    );
  });

  it("fails at first use of a target, with ProviderNotInstalledError naming the missing package", async () => {
    // A registered id whose package is missing fails the way a built-in id without its package does.
    registerProvider("vertex", () => {
      throw new ProviderNotInstalledError(
        'Provider "vertex" needs the package @acme/ffc-vertex, which is not installed. Run: npm install @acme/ffc-vertex',
      );
    });
    const healthy = new MockProvider({ id: "primary", script: [{ text: "fine" }] });
    const healthyChain = new FallbackConfig({
      providers: [healthy, "vertex"],
      models: ["a", "gemini-2.5-pro"],
    });
    // A healthy primary never loads the fallback's package (ids resolve lazily).
    expect(
      (
        await createTestManager({ provider: healthy, model: "primary-model" }).llm.generate({
          prompt: "hi",
          fallbackConfig: healthyChain,
        })
      ).text,
    ).toBe("fine");

    const failing = new MockProvider({
      id: "primary",
      script: [{ error: new TemporaryError("overloaded") }],
    });
    const failingChain = new FallbackConfig({
      providers: [failing, "vertex"],
      models: ["a", "gemini-2.5-pro"],
    });
    const outcome = await settled(
      createTestManager({ provider: failing, model: "primary-model" }).llm.generate({
        prompt: "hi",
        fallbackConfig: failingChain,
      }),
    );
    expect(ProviderNotInstalledError.isInstance(outcome.error)).toBe(true);
    expect((outcome.error as Error).message).toMatch(/npm install @acme\/ffc-vertex/);
  });
});
