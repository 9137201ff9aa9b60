import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeVendors, startFakeVendors } from "./fake-vendors";
import { runGuide } from "./guide";
import { runImplementation } from "./implementation";

let vendors: FakeVendors;
beforeAll(async () => {
  vendors = await startFakeVendors();
});
afterAll(() => vendors.close());

describe("the guide's examples", () => {
  it("answers through OpenAI and tracks tokens and cost for the session", async () => {
    vendors.openai.reset();
    const outcome = await runGuide({ name: "Ada" }, () => {});
    expect(outcome.result.provider).toBe("openai");
    expect(outcome.result.text).toContain("Break down the following task into steps: Plan a product launch");
    expect(outcome.streamed).toBe(outcome.result.text);
    expect(outcome.usage.calls).toBe(2);
    expect(outcome.usage.costUsd).toBeGreaterThan(0);
    const sent = vendors.openai.requests[0]!.body;
    expect(sent.messages[0]).toEqual({ role: "system", content: "You are a helpful AI assistant" });
    expect(sent.max_completion_tokens ?? sent.max_tokens).toBe(2000);
  });

  it("retries an overloaded OpenAI, then falls back to Anthropic", async () => {
    vendors.openai.reset();
    vendors.anthropic.reset();
    const overloaded = {
      kind: "json" as const,
      status: 503,
      body: { error: { message: "overloaded", type: "server_error" } },
    };
    vendors.openai.enqueue(overloaded, overloaded, overloaded, overloaded);
    const outcome = await runGuide({ name: "Ada" }, () => {});
    expect(outcome.result.provider).toBe("anthropic");
    expect(outcome.result.attempts.map((attempt) => attempt.provider)).toEqual([
      "openai",
      "openai",
      "openai",
      "openai",
      "anthropic",
    ]);
    // One message request; the budget may also ask Anthropic's count_tokens endpoint first.
    expect(vendors.anthropic.requests.filter((request) => request.path === "/v1/messages")).toHaveLength(1);
    // The guide's stream has no fallbackConfig, and OpenAI has recovered by then.
    expect(vendors.openai.requests).toHaveLength(5);
  }, 30_000);

  it("runs the guide's Example Implementation", async () => {
    const text = await runImplementation("function add(a, b) { return a + b }");
    expect(text).toContain("Analyze the following code: function add(a, b) { return a + b }");
  });
});
