import { RetryConfig } from "@ffc/retry";
import { answerOpenAIRequest, createTestManager, openaiErrorReply, type Reply } from "@ffc/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FallbackConfig } from "./fallback-config";
import { seededRandom } from "./test-support/seeded-random";
import { openaiThenAnthropic, startWireBench, type WireBench } from "./test-support/wire-bench";

const calls = 1000;
const faultRate = 0.3;
const seed = 20_260_101;
let bench: WireBench;

beforeAll(async () => {
  bench = await startWireBench();
});
afterAll(async () => {
  await bench.close();
});

/** A transient fault of a random kind: the ones an outage of a vendor is made of. */
function transientFault(random: () => number): Reply {
  const kinds: Array<() => Reply> = [
    () => openaiErrorReply("overloaded", { status: 503 }),
    () => openaiErrorReply("overloaded", { status: 529 }),
    () => openaiErrorReply("server"),
    () => openaiErrorReply("rate-limit", { retryAfterMs: 2 }),
    () => ({ kind: "reset" }),
  ];
  return kinds[Math.floor(random() * kinds.length)]!();
}

describe("chaos", () => {
  it(`answers every one of ${calls} calls when ${faultRate * 100}% of the primary's requests fail transiently`, async () => {
    const faults = seededRandom(seed);
    bench.openaiServer.setDefault((request) =>
      faults() < faultRate ? transientFault(faults) : answerOpenAIRequest(request),
    );
    const { llm } = createTestManager({ provider: bench.openai, model: "gpt-4o" });
    const retryConfig = new RetryConfig({
      maxRetries: 2,
      initialDelayMs: 1,
      maxDelayMs: 5,
      random: seededRandom(seed + 1),
      // A window longer than the run, so that the budget does not depend on how fast the machine is.
      retryBudget: { ratio: 0.2, minRetriesPerSecond: 1, windowMs: 600_000 },
    });
    const fallbackConfig = new FallbackConfig({ targets: openaiThenAnthropic(bench) });
    const attemptsPerCall: number[] = [];
    const answeredBy = new Map<string, number>();
    const giveUps = new Map<string, number>();
    llm.on("retry-give-up", (event) => {
      const reason = event.reason.split(":")[0]!;
      giveUps.set(reason, (giveUps.get(reason) ?? 0) + 1);
    });
    let failures = 0;
    // One call after another, so that the seeded faults land on the same requests every run.
    for (let call = 0; call < calls; call += 1) {
      try {
        const result = await llm.generate({ prompt: `call ${call}`, retryConfig, fallbackConfig });
        attemptsPerCall.push(result.attempts.length);
        answeredBy.set(result.provider, (answeredBy.get(result.provider) ?? 0) + 1);
      } catch {
        failures += 1;
      }
    }
    const distribution = new Map<number, number>();
    for (const count of attemptsPerCall) distribution.set(count, (distribution.get(count) ?? 0) + 1);
    const mean = attemptsPerCall.reduce((sum, count) => sum + count, 0) / attemptsPerCall.length;
    console.log(
      [
        `chaos: ${calls} calls, ${faultRate * 100}% transient faults on openai (seed ${seed})`,
        `  failed calls: ${failures}`,
        `  attempts per call: mean ${mean.toFixed(3)}, max ${Math.max(...attemptsPerCall)}`,
        `  distribution: ${[...distribution]
          .sort(([left], [right]) => left - right)
          .map(([count, number]) => `${count} attempt(s): ${number}`)
          .join(", ")}`,
        `  answered by: ${[...answeredBy].map(([provider, number]) => `${provider} ${number}`).join(", ")}`,
        `  requests: openai ${bench.openaiServer.requests.length}, anthropic ${bench.anthropicServer.requests.length}`,
        `  retry give-ups: ${[...giveUps].map(([reason, number]) => `${reason} ${number}`).join(", ")}`,
      ].join("\n"),
    );
    expect(failures).toBe(0);
    expect(attemptsPerCall).toHaveLength(calls);
    // Retries stay within the budget: at most 0.2 per call plus the reserve (1/s over 600 s).
    expect(bench.openaiServer.requests.length).toBeLessThanOrEqual(calls * 1.2 + 600);
    expect(Math.max(...attemptsPerCall)).toBeLessThanOrEqual(4);
  }, 120_000);
});
