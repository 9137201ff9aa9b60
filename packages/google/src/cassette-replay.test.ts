import type { AssistantMessage } from "@ffc/core";
import { createGoogleServer, readGoogleCassette } from "@ffc/testing";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { collect, transports } from "./test-support/google-transports";

// pydantic-ai VCR cassettes recorded against the real Gemini API (see fixtures/SOURCES.md).
const server = await createGoogleServer();
afterAll(() => server.close());
beforeEach(() => server.reset());

describe.each(transports)("recorded Gemini cassettes over $name", ({ create }) => {
  it("replays test_google_model_stream.yaml with its CRLF framing and sends the recorded request", async () => {
    const [interaction] = readGoogleCassette("google/pydantic-ai/test_google_model_stream.yaml");
    expect(interaction!.reply).toMatchObject({ kind: "sse", separator: "\r\n\r\n" });
    server.enqueue(interaction!.reply);
    const { result } = await collect(
      create(server).stream({
        model: "gemini-2.0-flash-exp",
        messages: [
          { role: "system", content: "You are a helpful chatbot." },
          { role: "user", content: "What is the capital of France?" },
        ],
        temperature: 0,
      }),
    );
    expect(result.text).toBe("The capital of France is Paris.\n");
    // The last chunk's usage is final (its promptTokenCount even differs from the earlier chunks').
    expect(result.finish?.usage).toEqual({ inputTokens: 13, outputTokens: 8, totalTokens: 21 });
    expect(result.finish?.responseId).toBe("w1peaMz6INOvnvgPgYfPiQY");
    const recorded = interaction!.requestBody as any;
    const sent = server.requests[0]!;
    expect(sent.path).toBe("/v1beta/models/gemini-2.0-flash-exp:streamGenerateContent?alt=sse");
    expect(sent.body.contents).toEqual(recorded.contents);
    expect(sent.body.generationConfig).toEqual(recorded.generationConfig);
    expect(sent.body.systemInstruction.parts).toEqual(recorded.systemInstruction.parts);
  });

  it("replays test_google_model_cached_content.yaml: cachedContent sent, cached tokens inside input", async () => {
    const interactions = readGoogleCassette("google/pydantic-ai/test_google_model_cached_content.yaml");
    expect(interactions.map((interaction) => interaction.method)).toEqual(["POST", "POST", "POST", "DELETE"]);
    const generations = interactions.filter((interaction) => interaction.uri.endsWith(":generateContent"));
    server.enqueue(...generations.map((interaction) => interaction.reply));
    const cachedContent = (generations[0]!.requestBody as any).cachedContent as string;
    const provider = create(server);
    const request = (text: string) => ({
      model: "gemini-2.5-flash",
      messages: [{ role: "user" as const, content: text }],
      providerOptions: { google: { cachedContent } },
    });
    const first = await provider.generate(request("What is the capital of France?"));
    const second = await provider.generate(request("Say the capital one more time."));
    expect(server.requests[0]!.body.cachedContent).toBe(
      "cachedContents/7lf5him5ev4iemi1yjv2gwli5bhpz3yidzejwllo",
    );
    expect(first.text).toBe("Paris.");
    expect(first.usage).toEqual({
      inputTokens: 3520,
      cacheReadTokens: 3512,
      outputTokens: 2 + 42,
      totalTokens: 3564,
      reasoningTokens: 42,
    });
    expect(second.usage).toEqual({
      inputTokens: 3520,
      cacheReadTokens: 3512,
      outputTokens: 2 + 51,
      totalTokens: 3573,
      reasoningTokens: 51,
    });
  });

  it("replays test_google_model_thinking_part.yaml: thoughts as reasoning, signature returned on the next turn", async () => {
    const [firstTurn, secondTurn] = readGoogleCassette(
      "google/pydantic-ai/test_google_model_thinking_part.yaml",
    );
    server.enqueue(firstTurn!.reply, secondTurn!.reply);
    const provider = create(server);
    const system = { role: "system" as const, content: "You are a helpful assistant." };
    const question = { role: "user" as const, content: "How do I cross the street?" };
    const first = await provider.generate({ model: "gemini-3-pro-preview", messages: [system, question] });
    expect(first.reasoning).toMatch(/^\*\*A Safe Street-Crossing Guide: My Thought Process\*\*/);
    expect(first.text).toMatch(/^Crossing the street safely is a fundamental skill/);
    expect(first.usage).toEqual({
      inputTokens: 29,
      outputTokens: 736 + 1001,
      totalTokens: 1766,
      reasoningTokens: 1001,
    });

    const assistant: AssistantMessage = {
      role: "assistant",
      content: first.content as AssistantMessage["content"],
    };
    const followUp = {
      role: "user" as const,
      content: "Considering the way to cross the street, analogously, how do I cross the river?",
    };
    const second = await provider.generate({
      model: "gemini-3-pro-preview",
      messages: [system, question, assistant, followUp],
    });
    const recordedParts = (secondTurn!.requestBody as any).contents[1].parts;
    const sentParts = server.requests[1]!.body.contents[1].parts;
    expect(sentParts.map((part: any) => [part.text, part.thought])).toEqual(
      recordedParts.map((part: any) => [part.text, part.thought]),
    );
    // The recording's client re-encoded the signature as base64url; the bytes are the same.
    const responseSignature = (firstTurn!.reply as any).body.candidates[0].content.parts[1].thoughtSignature;
    expect(sentParts[1].thoughtSignature).toBe(responseSignature);
    expect(Buffer.from(sentParts[1].thoughtSignature, "base64")).toEqual(
      Buffer.from(recordedParts[1].thoughtSignature, "base64url"),
    );
    expect(second.usage).toEqual({
      inputTokens: 1280,
      outputTokens: 958 + 1115,
      totalTokens: 3353,
      reasoningTokens: 1115,
    });
  });
});
