import { type Policy, TemporaryError } from "@ffc/core";
import { describe, expect, it } from "vitest";
import { MockProvider } from "../mock-provider";
import { runPolicy } from "./run-policy";

/** Tries once more after any failure: the smallest retry policy. */
const onceMore: Policy = {
  name: "once-more",
  async generate(call, next) {
    try {
      return await next(call);
    } catch {
      return next(call);
    }
  },
  async *stream(call, next) {
    try {
      yield* next(call);
    } catch {
      yield* next(call);
    }
  },
};

/** Sends the call to another provider than the manager's. */
const elsewhere = (provider: MockProvider): Policy => ({
  name: "elsewhere",
  generate: (call, next) => next({ ...call, provider, request: { ...call.request, model: "other-model" } }),
});

describe("runPolicy", () => {
  it("runs a policy alone around the scripted provider and reports result, attempts and events", async () => {
    const run = await runPolicy(onceMore, {
      steps: [{ error: new TemporaryError("overloaded") }, { text: "ok" }],
    });
    expect(run.error).toBeUndefined();
    expect(run.result?.text).toBe("ok");
    expect(run.attempts.map((attempt) => attempt.error === undefined)).toEqual([false, true]);
    expect(run.provider.callCount).toBe(2);
    expect(run.eventsOf("attempt-error")).toHaveLength(1);
  });

  it("reports the error and every attempt of a failed call", async () => {
    const run = await runPolicy(onceMore, { steps: [{ error: new TemporaryError("down") }] });
    expect(run.result).toBeUndefined();
    expect(run.error).toBeInstanceOf(TemporaryError);
    expect(run.attempts).toHaveLength(2);
    expect(run.attempts.every((attempt) => attempt.error instanceof TemporaryError)).toBe(true);
  });

  it("runs a stream and collects the parts the caller received", async () => {
    const run = await runPolicy(onceMore, {
      operation: "stream",
      steps: [{ error: new TemporaryError("overloaded") }, { text: "hello there" }],
    });
    expect(run.parts.filter((part) => part.type === "text-delta").length).toBeGreaterThan(0);
    expect(run.result?.text).toBe("hello there");
    expect(run.attempts).toHaveLength(2);
  });

  it("passes the call options, and lets a policy reach another provider", async () => {
    const other = new MockProvider({ id: "other", script: [{ text: "from other" }] });
    const run = await runPolicy(elsewhere(other), { call: { prompt: "question", maxTokens: 5 } });
    expect(run.result?.text).toBe("from other");
    expect(run.provider.callCount).toBe(0);
    expect(other.requests[0]).toMatchObject({ model: "other-model", maxTokens: 5 });
    expect(run.attempts[0]).toMatchObject({ provider: "other", model: "other-model" });
  });
});
