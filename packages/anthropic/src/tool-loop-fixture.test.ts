import { jsonSchema, LLMManager, tool } from "@ffc/core";
import {
  anthropicChunkFixtureReply,
  anthropicJsonFixtureReply,
  anthropicWireAdapter,
  createAnthropicServer,
} from "@ffc/testing";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createAnthropic } from "./anthropic-provider";

// A recorded claude-haiku-4-5 tool call (made while JSON output was asked for) as the first
// step of FFC's loop; the second step's answer is scripted and validated against the schema.
const server = await createAnthropicServer();
afterAll(() => server.close());
beforeEach(() => server.reset());

const model = "claude-haiku-4-5-20251001";
const weather = tool({
  name: "weather",
  inputSchema: jsonSchema<{ location: string }>({
    type: "object",
    properties: { location: { type: "string" } },
    required: ["location"],
  }),
  execute: ({ location }) => ({ location, tempC: 16 }),
});
const Advice = jsonSchema<{ advice: string }>({
  type: "object",
  properties: { advice: { type: "string" } },
  required: ["advice"],
  additionalProperties: false,
});
const manager = () =>
  new LLMManager({
    provider: createAnthropic({ apiKey: "sk-ant-loop-fixture", baseURL: server.url }),
    model,
  });

// The first request of a file pays for loading the SDK: slow on a busy machine.
describe("the tool loop on a recorded Anthropic tool call", { timeout: 20_000 }, () => {
  it("generate: runs the recorded call, sends the result with its tool_use id, validates the answer", async () => {
    server.enqueue(
      anthropicJsonFixtureReply("anthropic/anthropic-json-other-tool.1.json"),
      anthropicWireAdapter.text({
        text: '{"advice":"A jacket."}',
        usage: { inputTokens: 900, outputTokens: 8 },
        model,
      }),
    );
    const result = await manager().generate({
      prompt: "What to wear in San Francisco?",
      tools: [weather],
      responseFormat: { type: "json", schema: Advice },
    });
    expect(result.object).toEqual({ advice: "A jacket." });
    const second = server.requests[1]!.body;
    expect(second.output_config).toEqual({ format: { type: "json_schema", schema: Advice.jsonSchema } });
    expect(anthropicWireAdapter.readToolResults!(second)).toEqual([
      { toolCallId: "toolu_01PQjhxo3eirCdKNvCJrKc8f", output: { location: "San Francisco", tempC: 16 } },
    ]);
    expect(result.usage).toMatchObject({ inputTokens: 843 + 900, outputTokens: 28 + 8 });
  });

  it("stream: replays the recorded argument deltas as step one and streams the answer's partial objects", async () => {
    server.enqueue(
      anthropicChunkFixtureReply("anthropic/anthropic-json-other-tool.1.chunks.txt"),
      anthropicWireAdapter.textStream({
        chunks: ['{"adv', 'ice":"A ja', 'cket."}'],
        usage: { inputTokens: 900, outputTokens: 8 },
        model,
      }),
    );
    const response = manager().stream({
      prompt: "What to wear in San Francisco?",
      tools: [weather],
      responseFormat: { type: "json", schema: Advice },
    });
    const partials: unknown[] = [];
    for await (const partial of response.partialObjects) partials.push(partial);
    const result = await response.result;
    expect(partials).toEqual([{}, { advice: "A ja" }, { advice: "A jacket." }]);
    expect(result.object).toEqual({ advice: "A jacket." });
    expect(result.steps).toHaveLength(2);
    expect(result.steps![0]!.toolResults[0]!.output).toEqual({ location: "San Francisco", tempC: 16 });
  });
});
