import { jsonSchema, LLMManager, tool } from "@ffc/core";
import { createGoogleServer, googleFixtureReply, googleWireAdapter } from "@ffc/testing";
import { afterAll, describe, expect, it } from "vitest";
import { createGoogle } from "./google-provider";

// A recorded gemini-3-pro-preview function call (with its thought signature) as the loop's first
// step: Gemini 3 refuses a follow-up whose function call comes back without its signature.
const server = await createGoogleServer();
afterAll(() => server.close());

describe("the tool loop on a recorded Gemini 3 function call", () => {
  it("sends the call back with its thought signature, then the tool's result, and validates the answer", async () => {
    const recorded = googleFixtureReply("google/google-tool-call.json");
    server.enqueue(
      recorded,
      googleWireAdapter.text({
        text: '{"advice":"Bring a light jacket."}',
        usage: { inputTokens: 60, outputTokens: 9 },
        model: "gemini-3-pro-preview",
      }),
    );
    const weather = tool({
      name: "weather",
      description: "Weather in a location",
      inputSchema: jsonSchema<{ location: string }>({
        type: "object",
        properties: { location: { type: "string" } },
        required: ["location"],
      }),
      execute: ({ location }) => ({ location, tempC: 16 }),
    });
    const llm = new LLMManager({
      provider: createGoogle({ apiKey: "test-google-loop-key", baseURL: server.url }),
      model: "gemini-3-pro-preview",
    });
    const result = await llm.generate({
      prompt: "What should I wear in San Francisco?",
      tools: [weather],
      responseFormat: { type: "json", schema: jsonSchema<{ advice: string }>({ type: "object" }) },
    });

    expect(result.object.advice).toBe("Bring a light jacket.");
    const second = server.requests[1]!.body;
    const modelTurn = second.contents[1];
    expect(modelTurn.role).toBe("model");
    const call = modelTurn.parts.find((part: any) => part.functionCall);
    expect(call.functionCall).toMatchObject({ name: "weather", args: { location: "San Francisco" } });
    expect(call.thoughtSignature).toMatch(/^EskgCsYgAb4/);
    expect(googleWireAdapter.readToolResults!(second)).toEqual([
      { toolName: "weather", output: { location: "San Francisco", tempC: 16 } },
    ]);
    expect(result.steps![0]!.usage).toMatchObject({ inputTokens: 29, outputTokens: 15 + 893 });
  });
});
