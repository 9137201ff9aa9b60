import { LLMManager, type ToolDefinition, tool } from "@ffc/core";
import { createOpenAIServer, type FakeServer, readOpenAICassette } from "@ffc/testing";
import { afterAll, describe, expect, it } from "vitest";
import { createOpenAI } from "./openai-provider";
import { toolOutputQuestion, toolOutputTools } from "./test-support/tool-output-cassette";

// pydantic-ai's recording of a real two-turn tool conversation with gpt-4o, replayed through
// FFC's tool loop: FFC must send the second request the way the recorded client did.
const server: FakeServer = await createOpenAIServer();
afterAll(() => server.close());

describe("the tool loop on a recorded gpt-4o conversation", () => {
  it("runs the recorded tool, sends its result as recorded, and hands the final_result call back", async () => {
    const interactions = readOpenAICassette("openai/chat/pydantic-ai/test_openai_tool_output.yaml");
    server.enqueue(interactions[0]!.reply, interactions[1]!.reply);
    const [countryDefinition, finalResult]: ToolDefinition[] = toolOutputTools;
    const getUserCountry = tool({ ...countryDefinition!, execute: () => "Mexico" });
    const llm = new LLMManager({
      provider: createOpenAI({ apiKey: "sk-test-loop-cassette", baseURL: `${server.url}/v1` }),
      model: "gpt-4o",
    });
    const result = await llm.generate({
      messages: [toolOutputQuestion],
      tools: [getUserCountry, finalResult!],
      toolChoice: "required",
    });

    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]!.body.messages[1].tool_calls).toEqual(
      interactions[1]!.requestBody.messages[1].tool_calls,
    );
    expect(server.requests[1]!.body.messages[2]).toEqual(interactions[1]!.requestBody.messages[2]);
    expect(server.requests[1]!.body.tools).toEqual(interactions[1]!.requestBody.tools);
    expect(result.steps).toHaveLength(2);
    expect(result.steps![0]!.toolResults.map((item) => item.output)).toEqual(["Mexico"]);
    expect(result.toolCalls).toEqual([
      {
        toolCallId: "call_gmD2oUZUzSoCkmNmp3JPUF7R",
        toolName: "final_result",
        input: { city: "Mexico City", country: "Mexico" },
      },
    ]);
    expect(result.usage).toMatchObject({ inputTokens: 68 + 89, outputTokens: 12 + 36 });
  });
});
