import { type Plugin, TemporaryError } from "@ffc/core";
import { describe, expect, it } from "vitest";
import { MockProvider } from "../mock-provider";
import { createTestManager } from "./create-test-manager";

describe("createTestManager", () => {
  it("answers from the steps with a MockProvider and records every event in order", async () => {
    const { llm, provider, events, eventsOf } = createTestManager({
      steps: [{ text: "first" }, { text: "second" }],
    });
    expect((await llm.generate({ prompt: "a" })).text).toBe("first");
    expect((await llm.generate({ prompt: "b" })).text).toBe("second");
    expect(provider.callCount).toBe(2);
    expect(events.slice(0, 4).map((event) => event.type)).toEqual([
      "call-start",
      "attempt-start",
      "attempt-end",
      "call-end",
    ]);
    expect(eventsOf("call-end").map((event) => event.result.text)).toEqual(["first", "second"]);
    expect(eventsOf("call-start")[0]).toMatchObject({ provider: "mock", model: "mock-model" });
  });

  it("uses the given provider id, model, config and plugins", async () => {
    const seen: string[] = [];
    const plugin: Plugin = { name: "observer", onEvent: (event) => seen.push(event.type) };
    const { llm, eventsOf } = createTestManager({
      providerId: "openai",
      model: "gpt-4o",
      config: { maxTokens: 7 },
      plugins: [plugin],
      steps: [{ error: new TemporaryError("overloaded") }],
    });
    await expect(llm.generate({ prompt: "hi" })).rejects.toThrow("overloaded");
    expect(eventsOf("attempt-error")[0]).toMatchObject({ provider: "openai", model: "gpt-4o" });
    expect(seen).toContain("call-error");
  });

  it("runs a provider of your own and hands it back with its type", async () => {
    const own = new MockProvider({ id: "own", script: [{ text: "mine" }] });
    const { llm, provider } = createTestManager({ provider: own, config: { maxTokens: 9 } });
    expect((await llm.generate({ prompt: "hi" })).text).toBe("mine");
    expect(provider).toBe(own);
    expect(own.requests[0]?.maxTokens).toBe(9);
  });
});
