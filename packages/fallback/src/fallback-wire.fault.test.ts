import {
  AuthenticationError,
  CircuitOpenError,
  LLMManager,
  Provider,
  type RateLimitError,
  TemporaryError,
  TimeoutError,
} from "@ffc/core";
import { RetryConfig } from "@ffc/retry";
import { createTestManager, openaiErrorReply } from "@ffc/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FallbackConfig } from "./fallback-config";
import { openaiThenAnthropic, startWireBench, type WireBench } from "./test-support/wire-bench";

let bench: WireBench;
const quickRetry = () => new RetryConfig({ maxRetries: 2, initialDelayMs: 1, maxDelayMs: 5 });
const savedEnvironment = { ...process.env };

beforeAll(async () => {
  bench = await startWireBench();
});
afterAll(async () => {
  process.env = savedEnvironment;
  await bench.close();
});
beforeEach(() => {
  bench.openaiServer.reset();
  bench.anthropicServer.reset();
});

describe("fallback through the real OpenAI and Anthropic SDKs", () => {
  it("spends the retries on repeated 529 and 503, then falls back from OpenAI to Anthropic by provider id", async () => {
    bench.openaiServer.enqueue(
      openaiErrorReply("overloaded", { status: 529 }),
      openaiErrorReply("overloaded", { status: 503 }),
      openaiErrorReply("overloaded", { status: 529 }),
    );
    // The guide's form: ids resolved lazily; Anthropic reads its key and URL from the environment.
    process.env.ANTHROPIC_API_KEY = "sk-ant-ffc-from-environment";
    process.env.ANTHROPIC_BASE_URL = bench.anthropicServer.url;
    const llm = new LLMManager({
      provider: Provider.OPENAI,
      model: "gpt-4o",
      apiKey: "sk-ffc-fault-openai",
      baseURL: `${bench.openaiServer.url}/v1`,
    });
    const fallbacks: unknown[] = [];
    llm.on("fallback", (event) => fallbacks.push(event));
    const fallbackConfig = new FallbackConfig({
      providers: [Provider.OPENAI, Provider.ANTHROPIC],
      models: ["gpt-4o", "claude-haiku-4-5"],
    });
    const result = await llm.generate({ prompt: "plan a launch", retryConfig: quickRetry(), fallbackConfig });
    expect(result.provider).toBe("anthropic");
    expect(result.text).toContain("plan a launch");
    expect(bench.openaiServer.requests).toHaveLength(3);
    expect(bench.anthropicServer.requests).toHaveLength(1);
    expect(bench.anthropicServer.requests[0]!.body.model).toBe("claude-haiku-4-5");
    expect(result.attempts.slice(0, 3).every((attempt) => TemporaryError.isInstance(attempt.error))).toBe(
      true,
    );
    expect(result.attempts.map((attempt) => (attempt.error as TemporaryError | undefined)?.status)).toEqual([
      529,
      503,
      529,
      undefined,
    ]);
    expect(fallbacks).toHaveLength(1);
  });

  it("falls back when a hang hits the attempt timeout", async () => {
    bench.openaiServer.enqueue({ kind: "hang" });
    const { llm } = createTestManager({ provider: bench.openai, model: "gpt-4o" });
    const [openai, anthropic] = openaiThenAnthropic(bench);
    const fallbackConfig = new FallbackConfig({
      targets: [{ ...openai!, attemptTimeoutMs: 200 }, anthropic!],
    });
    const result = await llm.generate({ prompt: "are you there", fallbackConfig });
    expect(result.provider).toBe("anthropic");
    expect(TimeoutError.isInstance(result.attempts[0]?.error)).toBe(true);
    expect(result.attempts[0]!.durationMs).toBeGreaterThanOrEqual(190);
  });

  it("does not retry a 401 and falls back to the other vendor", async () => {
    bench.openaiServer.enqueue(openaiErrorReply("authentication"));
    const { llm, eventsOf } = createTestManager({ provider: bench.openai, model: "gpt-4o" });
    const fallbackConfig = new FallbackConfig({ targets: openaiThenAnthropic(bench) });
    const result = await llm.generate({ prompt: "hi", retryConfig: quickRetry(), fallbackConfig });
    expect(result.provider).toBe("anthropic");
    expect(bench.openaiServer.requests).toHaveLength(1);
    expect(AuthenticationError.isInstance(result.attempts[0]?.error)).toBe(true);
    expect(eventsOf("retry-scheduled")).toHaveLength(0);
    // The key the SDK sent never shows up in what FFC reports.
    expect(JSON.stringify(result.attempts[0]?.error)).not.toContain("sk-ffc-fault-openai");
    expect(String((result.attempts[0]!.error as Error).message)).not.toContain("sk-ffc-fault-openai");
  });

  it("does not retry an exhausted quota but moves on to the other vendor", async () => {
    bench.openaiServer.enqueue(openaiErrorReply("quota-exhausted"));
    const { llm } = createTestManager({ provider: bench.openai, model: "gpt-4o" });
    const fallbackConfig = new FallbackConfig({ targets: openaiThenAnthropic(bench) });
    const result = await llm.generate({ prompt: "hi", retryConfig: quickRetry(), fallbackConfig });
    expect(result.provider).toBe("anthropic");
    expect(bench.openaiServer.requests).toHaveLength(1);
    expect((result.attempts[0]!.error as RateLimitError).quotaExhausted).toBe(true);
  });

  it("opens the breaker after the configured failures, skips OpenAI during cooldown, and closes after a successful probe", async () => {
    const overloaded = () => openaiErrorReply("overloaded");
    bench.openaiServer.enqueue(overloaded(), overloaded());
    const { llm, eventsOf } = createTestManager({ provider: bench.openai, model: "gpt-4o" });
    const fallbackConfig = new FallbackConfig({
      targets: openaiThenAnthropic(bench),
      breaker: { failureThreshold: 2, cooldownMs: 300 },
    });
    for (let call = 0; call < 2; call += 1) {
      expect((await llm.generate({ prompt: "hi", fallbackConfig })).provider).toBe("anthropic");
    }
    expect(eventsOf("breaker-opened")).toMatchObject([
      { provider: "openai", model: "gpt-4o", failures: 2, cooldownMs: 300 },
    ]);

    const skipped = await llm.generate({ prompt: "hi", fallbackConfig });
    expect(skipped.provider).toBe("anthropic");
    expect(bench.openaiServer.requests).toHaveLength(2);
    expect(CircuitOpenError.isInstance(skipped.attempts[0]?.error)).toBe(true);

    await new Promise((resolve) => setTimeout(resolve, 320));
    const probed = await llm.generate({ prompt: "hi", fallbackConfig });
    expect(probed.provider).toBe("openai");
    expect(bench.openaiServer.requests).toHaveLength(3);
    expect(eventsOf("breaker-half-open")).toHaveLength(1);
    expect(eventsOf("breaker-closed")).toMatchObject([{ provider: "openai", model: "gpt-4o" }]);
  });
});
