import { StreamAccumulator } from "@ffc/core/provider";
import { createOpenAIServer, type FakeServer, readOpenAICassette } from "@ffc/testing";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createOpenAI } from "./openai-provider";

// Replays the pydantic-ai VCR cassettes of fixtures/openai/responses.
const server: FakeServer = await createOpenAIServer();
afterAll(() => server.close());
beforeEach(() => server.reset());

const provider = () =>
  createOpenAI({
    apiKey: "sk-test-responses-cassettes-0123456789",
    baseURL: `${server.url}/v1`,
    api: "responses",
  });
const question = (content: string) => ({ role: "user" as const, content });

describe("responses/pydantic-ai/test_openai_responses_model_simple_response.yaml", () => {
  it("returns the recorded text and usage", async () => {
    const [interaction] = readOpenAICassette(
      "openai/responses/pydantic-ai/test_openai_responses_model_simple_response.yaml",
    );
    server.enqueue(interaction!.reply);
    const result = await provider().generate({
      model: "gpt-4o",
      messages: [question("What is the capital of France?")],
    });
    expect(server.requests[0]!.body.input).toEqual(interaction!.requestBody.input);
    expect(result.text).toBe("The capital of France is Paris.");
    expect(result.responseId).toBe("resp_68c2e8c147ac819491bcd667055eadbc02e845978fbbb592");
    expect(result.usage).toEqual({
      inputTokens: 14,
      outputTokens: 8,
      totalTokens: 22,
      cacheReadTokens: 0,
      reasoningTokens: 0,
    });
  });
});

describe("responses/pydantic-ai/test_openai_responses_model_simple_response_with_tool_call.yaml", () => {
  it("round-trips a function call and its output as input items shaped like the recording", async () => {
    const interactions = readOpenAICassette(
      "openai/responses/pydantic-ai/test_openai_responses_model_simple_response_with_tool_call.yaml",
    );
    server.enqueue(interactions[0]!.reply, interactions[1]!.reply);
    const tool = {
      name: "get_capital",
      inputSchema: {
        additionalProperties: false,
        properties: { country: { type: "string" } },
        required: ["country"],
        type: "object",
      },
    };
    const ask = question("What is the capital of PotatoLand?");
    const first = await provider().generate({
      model: "gpt-4o",
      messages: [ask],
      tools: [tool],
      toolChoice: "auto",
    });
    expect(first.toolCalls).toEqual([
      {
        toolCallId: "call_YfwRsW8sUxDKipwyhWTzOXCA",
        toolName: "get_capital",
        input: { country: "PotatoLand" },
      },
    ]);
    expect(first.usage).toMatchObject({ inputTokens: 40, outputTokens: 18, totalTokens: 58 });

    const second = await provider().generate({
      model: "gpt-4o",
      messages: [
        ask,
        { role: "assistant", content: [{ type: "tool-call", ...first.toolCalls[0]! }] },
        {
          role: "tool",
          content: [
            {
              type: "tool-result",
              toolCallId: "call_YfwRsW8sUxDKipwyhWTzOXCA",
              toolName: "get_capital",
              output: "Potato City",
            },
          ],
        },
      ],
      tools: [tool],
      toolChoice: "auto",
    });
    expect(second.text).toBe("The capital of PotatoLand is Potato City.");
    expect(second.usage).toMatchObject({ inputTokens: 67, outputTokens: 11, totalTokens: 78 });

    const [, sentCall, sentOutput] = server.requests[1]!.body.input;
    const [, recordedCall, recordedOutput] = interactions[1]!.requestBody.input;
    expect(sentCall).toEqual({
      type: recordedCall.type,
      call_id: recordedCall.call_id,
      name: recordedCall.name,
      arguments: recordedCall.arguments,
    });
    expect(sentOutput).toEqual(recordedOutput);
    expect(server.requests[1]!.body.tools[0].parameters).toEqual(
      interactions[1]!.requestBody.tools[0].parameters,
    );
  });
});

describe("responses/pydantic-ai/test_openai_responses_model_http_error.yaml", () => {
  it("maps the recorded 400 decimal_below_min_value answer to an InvalidRequestError before any stream part", async () => {
    const [interaction] = readOpenAICassette(
      "openai/responses/pydantic-ai/test_openai_responses_model_http_error.yaml",
    );
    server.enqueue(interaction!.reply);
    const parts: unknown[] = [];
    const error: any = await (async () => {
      for await (const part of provider().stream({
        model: "gpt-4o",
        messages: [question("What is the capital of France?")],
        temperature: -1,
      }))
        parts.push(part);
    })().catch((caught) => caught);
    expect(parts).toEqual([]);
    expect(server.requests[0]!.body.temperature).toBe(-1);
    expect(error.name).toBe("InvalidRequestError");
    expect(error.status).toBe(400);
    expect(error.message).toContain("Invalid 'temperature': decimal below minimum value.");
  });
});

describe("responses/pydantic-ai/test_openai_conversation_id_streaming_provider_details.yaml", () => {
  it("streams the recorded Responses SSE (event: lines, no [DONE]) and sends providerOptions.openai fields", async () => {
    const interactions = readOpenAICassette(
      "openai/responses/pydantic-ai/test_openai_conversation_id_streaming_provider_details.yaml",
    );
    const streamed = interactions.find((interaction) => interaction.path === "/v1/responses")!;
    expect(streamed.reply.kind).toBe("sse");
    server.enqueue(streamed.reply);
    const conversation = streamed.requestBody.conversation;
    const collected = new StreamAccumulator();
    for await (const part of provider().stream({
      model: "gpt-4.1",
      messages: [
        { role: "system", content: "Follow the user instructions exactly." },
        question("Reply exactly: streamed"),
      ],
      providerOptions: { openai: { conversation } },
    }))
      collected.add(part);
    expect(server.requests[0]!.body.conversation).toBe(
      "conv_010000000000000000000000000000000000000000000000",
    );
    expect(server.requests[0]!.body.stream).toBe(true);
    expect(collected.text).toBe("streamed");
    expect(collected.finish).toMatchObject({
      finishReason: "stop",
      responseId: "resp_01000000000000000000000000000000000000000000000000",
      usage: { inputTokens: 21, outputTokens: 3, totalTokens: 24, cacheReadTokens: 0, reasoningTokens: 0 },
    });
  });
});
