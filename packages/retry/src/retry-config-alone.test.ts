import { InvalidRequestError, TemporaryError } from "@ffc/core";
import { runPolicy } from "@ffc/testing";
import { describe, expect, it } from "vitest";
import { RetryConfig } from "./retry-config";

const quick = { initialDelayMs: 1, maxDelayMs: 1, jitter: "none" } as const;

describe("RetryConfig run alone with runPolicy", () => {
  it("retries temporary errors until an attempt succeeds", async () => {
    const overloaded = () => new TemporaryError("overloaded", { status: 529 });
    const run = await runPolicy(new RetryConfig({ maxRetries: 2, ...quick }), {
      steps: [{ error: overloaded() }, { error: overloaded() }, { text: "recovered" }],
    });
    expect(run.result?.text).toBe("recovered");
    expect(run.attempts.map((attempt) => attempt.attempt)).toEqual([1, 2, 3]);
    expect(run.eventsOf("retry-scheduled")).toHaveLength(2);
  });

  it("gives up at once on an error that is not retryable, reporting the one attempt", async () => {
    const run = await runPolicy(new RetryConfig({ maxRetries: 3, ...quick }), {
      steps: [{ error: new InvalidRequestError("bad request") }, { text: "never" }],
    });
    expect(run.error).toBeInstanceOf(InvalidRequestError);
    expect(run.attempts).toHaveLength(1);
    expect(run.provider.callCount).toBe(1);
  });

  it("retries a stream that fails before its first part", async () => {
    const run = await runPolicy(new RetryConfig({ maxRetries: 1, ...quick }), {
      operation: "stream",
      steps: [{ error: new TemporaryError("overloaded") }, { text: "streamed answer" }],
    });
    expect(run.result?.text).toBe("streamed answer");
    expect(run.attempts).toHaveLength(2);
  });
});
