import { describe, expect, it } from "vitest";
import { createManager, createTelemetry } from "./test-support/telemetry-harness";

const apiKey = "sk-test-Zq8xW3vN5mK2pL7rT9yB";
const conversation = [
  { role: "system" as const, content: "You are terse." },
  { role: "user" as const, content: "My private plan is to sell the farm." },
];

describe("OpenTelemetryPlugin content and secrets", () => {
  it("records neither the API key nor the prompt and answer text by default", async () => {
    const telemetry = createTelemetry();
    const { llm } = createManager([telemetry.plugin], [{ text: "Noted: farm sale." }], { apiKey });

    await llm.generate({ messages: conversation });

    const everything = await telemetry.everything();
    expect(everything).toContain("chat gpt-4o");
    expect(everything).not.toContain(apiKey);
    expect(everything).not.toContain("sell the farm");
    expect(everything).not.toContain("You are terse");
    expect(everything).not.toContain("Noted: farm sale");
    expect(everything).not.toContain("gen_ai.input.messages");
  });

  it("never records the API key, even when a failing call's error is recorded", async () => {
    const telemetry = createTelemetry({ captureContent: true });
    const { llm } = createManager(
      [telemetry.plugin],
      [{ error: new Error("The vendor refused the request.") }],
      {
        apiKey,
      },
    );

    await expect(llm.generate({ prompt: "Hello" })).rejects.toThrow("refused");

    const everything = await telemetry.everything();
    expect(everything).toContain("The vendor refused the request.");
    expect(everything).not.toContain(apiKey);
  });

  it("records prompt, system instructions and answer in the conventions' JSON form with captureContent", async () => {
    const telemetry = createTelemetry({ captureContent: true });
    const { llm } = createManager([telemetry.plugin], [{ text: "Noted: farm sale." }], { apiKey });

    await llm.generate({ messages: conversation });

    const call = telemetry.span("chat gpt-4o");
    expect(JSON.parse(call.attributes["gen_ai.system_instructions"] as string)).toEqual([
      { type: "text", content: "You are terse." },
    ]);
    expect(JSON.parse(call.attributes["gen_ai.input.messages"] as string)).toEqual([
      { role: "user", parts: [{ type: "text", content: "My private plan is to sell the farm." }] },
    ]);
    expect(JSON.parse(call.attributes["gen_ai.output.messages"] as string)).toEqual([
      { role: "assistant", parts: [{ type: "text", content: "Noted: farm sale." }], finish_reason: "stop" },
    ]);
    expect(await telemetry.everything()).not.toContain(apiKey);
  });

  it("records request settings and metadata that hold no content", async () => {
    const telemetry = createTelemetry();
    const { llm } = createManager([telemetry.plugin], undefined, { maxTokens: 256, temperature: 0 });

    await llm.generate({
      prompt: "Give me JSON",
      topP: 0.9,
      stop: ["END"],
      responseFormat: { type: "json" },
      metadata: { sessionId: "session-7", userId: "user-3", tags: ["checkout", "beta"] },
    });

    const call = telemetry.span("chat gpt-4o");
    expect(call.attributes).toMatchObject({
      "gen_ai.request.max_tokens": 256,
      "gen_ai.request.temperature": 0,
      "gen_ai.request.top_p": 0.9,
      "gen_ai.request.stop_sequences": ["END"],
      "gen_ai.output.type": "json",
      "gen_ai.conversation.id": "session-7",
      "ffc.tags": ["checkout", "beta"],
    });
    // The user id is personal data: it is used for budgets and tracking, not written to traces.
    expect(JSON.stringify(call.attributes)).not.toContain("user-3");
  });
});
