import { FFCError, InvalidRequestError, RateLimitError } from "@ffc/core";
import { createGoogleServer, googleFixtureReply } from "@ffc/testing";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { collect, failure, transports, userRequest } from "./test-support/google-transports";

// Expected figures are worked out by hand from each recorded file: inputTokens = promptTokenCount,
// outputTokens = candidatesTokenCount + thoughtsTokenCount, reasoningTokens = thoughtsTokenCount.
const server = await createGoogleServer();
afterAll(() => server.close());
beforeEach(() => server.reset());

describe.each(transports)("recorded Gemini responses over $name", ({ create }) => {
  const provider = () => create(server);

  it("replays google-text.json: text, signature kept, usage with thoughts in output", async () => {
    server.enqueue(googleFixtureReply("google/google-text.json"));
    const result = await provider().generate(userRequest("How many r's in strawberry?"));
    expect(result.text).toBe(
      "There are **3** r's in strawberry.\n\nHere is the breakdown: st**r**awbe**rr**y.",
    );
    expect(result.usage).toEqual({
      inputTokens: 9,
      outputTokens: 28 + 244,
      totalTokens: 281,
      reasoningTokens: 244,
    });
    expect(result.finishReason).toBe("stop");
    expect(result.rawFinishReason).toBe("STOP");
    expect(result.model).toBe("gemini-3-pro-preview");
    expect(result.responseId).toBe("Un6LacrVMcjUxs0PmJfWoQc");
    expect(result.content[0]).toMatchObject({
      type: "reasoning",
      text: "",
      signature: expect.stringMatching(/^EtoFCtcFAb4/),
    });
    expect(result.reasoning).toBeUndefined();
  });

  it("replays google-text.chunks.txt: deltas in order, the last cumulative usage", async () => {
    server.enqueue(googleFixtureReply("google/google-text.chunks.txt"));
    const { parts, result } = await collect(provider().stream(userRequest("How many r's?")));
    expect(parts.filter((part) => part.type === "text-delta").map((part) => part.text)).toEqual([
      "There are **3**",
      ' "r"s in strawberry.\n\nst**r**awbe**rr**y',
    ]);
    expect(parts.filter((part) => part.type === "finish")).toHaveLength(1);
    expect(result.finish).toMatchObject({
      finishReason: "stop",
      rawFinishReason: "STOP",
      responseId: "bH6LaZW8Fp_3nsEPqtaSwQ4",
    });
    expect(result.finish?.usage).toEqual({
      inputTokens: 9,
      outputTokens: 23 + 185,
      totalTokens: 217,
      reasoningTokens: 185,
    });
    expect(parts.at(-1)?.type).toBe("finish");
    expect(server.requests[0]!.path).toMatch(/:streamGenerateContent\?alt=sse$/);
  });

  it("replays google-tool-call.json: a stable id for a call without one, finish tool-calls", async () => {
    server.enqueue(
      googleFixtureReply("google/google-tool-call.json"),
      googleFixtureReply("google/google-tool-call.json"),
    );
    const first = await provider().generate(userRequest("Weather?"));
    const second = await provider().generate(userRequest("Weather?"));
    expect(first.toolCalls).toEqual([
      { toolCallId: expect.any(String), toolName: "weather", input: { location: "San Francisco" } },
    ]);
    expect(second.toolCalls[0]!.toolCallId).toBe(first.toolCalls[0]!.toolCallId);
    expect(first.finishReason).toBe("tool-calls");
    expect(first.rawFinishReason).toBe("STOP");
    expect(first.usage).toEqual({
      inputTokens: 29,
      outputTokens: 15 + 893,
      totalTokens: 937,
      reasoningTokens: 893,
    });
  });

  it("replays google-tool-call.chunks.txt: one delta with the whole arguments, then the call", async () => {
    server.enqueue(googleFixtureReply("google/google-tool-call.chunks.txt"));
    const { parts, result } = await collect(provider().stream(userRequest("Weather?")));
    const deltas = parts.filter((part) => part.type === "tool-call-delta");
    expect(deltas.map((part) => part.argumentsDelta).join("")).toBe('{"location":"San Francisco"}');
    expect(result.toolCalls).toEqual([
      { toolCallId: deltas[0]!.toolCallId, toolName: "weather", input: { location: "San Francisco" } },
    ]);
    expect(result.finish).toMatchObject({ finishReason: "tool-calls", rawFinishReason: "STOP" });
    expect(result.finish?.usage).toEqual({
      inputTokens: 29,
      outputTokens: 15 + 45,
      totalTokens: 89,
      reasoningTokens: 45,
    });
  });

  it("replays google-reasoning.json: hidden thoughts counted as output and as reasoning tokens", async () => {
    server.enqueue(googleFixtureReply("google/google-reasoning.json"));
    const result = await provider().generate(userRequest("How many r's?"));
    expect(result.text).toBe(
      'There are **3** "r"s in strawberry.\n\nHere is the breakdown: st**r**awbe**rr**y.',
    );
    expect(result.usage).toEqual({
      inputTokens: 9,
      outputTokens: 29 + 282,
      totalTokens: 320,
      reasoningTokens: 282,
    });
  });

  it("replays google-reasoning.chunks.txt: text and the closing signature-only chunk", async () => {
    server.enqueue(googleFixtureReply("google/google-reasoning.chunks.txt"));
    const { parts, result } = await collect(provider().stream(userRequest("How many r's?")));
    expect(result.text).toBe(
      'There are **3** "r"s in strawberry.\n\nHere is the breakdown: st**r**awbe**rr**y.',
    );
    expect(
      parts.some((part) => part.type === "reasoning-delta" && part.signature?.startsWith("Eo0HCooHAb4")),
    ).toBe(true);
    expect(result.finish?.usage).toEqual({
      inputTokens: 9,
      outputTokens: 29 + 256,
      totalTokens: 294,
      reasoningTokens: 256,
    });
  });

  it("replays google-stream-tool-call-arguments.chunks.txt: partialArgs joined into two calls", async () => {
    server.enqueue(googleFixtureReply("google/google-stream-tool-call-arguments.chunks.txt"));
    const { parts, result } = await collect(provider().stream(userRequest("Weather in Boston and SF?")));
    expect(result.toolCalls.map((call) => [call.toolName, call.input])).toEqual([
      ["getWeather", { location: "Boston" }],
      ["getWeather", { location: "San Francisco" }],
    ]);
    const [first, second] = result.toolCalls;
    const argumentsOf = (id: string) =>
      parts
        .filter((part) => part.type === "tool-call-delta" && part.toolCallId === id)
        .map((part) => (part as { argumentsDelta: string }).argumentsDelta);
    expect(argumentsOf(first!.toolCallId).length).toBeGreaterThan(1);
    expect(argumentsOf(first!.toolCallId).join("")).toBe('{"location":"Boston"}');
    expect(argumentsOf(second!.toolCallId).join("")).toBe('{"location":"San Francisco"}');
    expect(first!.toolCallId).not.toBe(second!.toolCallId);
    expect(result.finish).toMatchObject({ finishReason: "tool-calls", model: "gemini-3.1-pro-preview" });
    expect(result.finish?.usage).toEqual({
      inputTokens: 26,
      outputTokens: 23 + 132,
      totalTokens: 181,
      reasoningTokens: 132,
    });
  });

  it("replays google-stream-no-args-tool-call.chunks.txt: thought summary, a call without args, three streamed calls", async () => {
    server.enqueue(googleFixtureReply("google/google-stream-no-args-tool-call.chunks.txt"));
    const { result } = await collect(provider().stream(userRequest("Read the theme and screens.")));
    expect(result.reasoning).toMatch(/^\*\*Processing User Requests\*\*/);
    expect(result.toolCalls.map((call) => [call.toolName, call.input])).toEqual([
      ["read_theme", {}],
      ["read_screen", { id: "A" }],
      ["read_screen", { id: "B" }],
      ["read_screen", { id: "C" }],
    ]);
    expect(new Set(result.toolCalls.map((call) => call.toolCallId)).size).toBe(4);
    expect(result.finish?.finishReason).toBe("tool-calls");
    expect(result.finish?.usage).toEqual({
      inputTokens: 249,
      outputTokens: 58 + 183,
      totalTokens: 490,
      reasoningTokens: 183,
    });
  });

  it("replays gemma-4-output-usage.chunks.txt: thought parts as reasoning, usage before any candidate tokens", async () => {
    server.enqueue(googleFixtureReply("google/gemma-4-output-usage.chunks.txt"));
    const { parts, result } = await collect(provider().stream(userRequest("Reply with exactly: hello")));
    expect(result.text).toBe("hello");
    expect(result.reasoning).toBe(
      '*   User input: "Reply with exactly: hello"\n    *   Constraint: The response must be "exactly: hello".\n    *   Goal: Comply with the specific instruction.\n\n    *   The user wants a single word: "hello".\n\n    *   Input: "Reply with exactly: hello"\n    *   Output: "hello"',
    );
    const firstUsage = parts.find((part) => part.type === "usage");
    expect(firstUsage).toEqual({
      type: "usage",
      usage: { inputTokens: 6, outputTokens: 14, totalTokens: 20, reasoningTokens: 14 },
    });
    expect(result.finish?.usage).toEqual({
      inputTokens: 6,
      outputTokens: 1 + 76,
      totalTokens: 83,
      reasoningTokens: 76,
    });
    expect(result.finish?.model).toBe("gemma-4-26b-a4b-it");
  });

  it("replays google-429-retry-info.json: RateLimitError waiting RetryInfo's 34.4 s", async () => {
    server.enqueue(googleFixtureReply("google/google-429-retry-info.json"));
    const error = await failure(() => provider().generate(userRequest("Hi")));
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      status: 429,
      retryAfterMs: 34_400,
      quotaExhausted: false,
      retryable: true,
      provider: "google",
    });
    expect(error.message).toContain("You exceeded your current quota");
  });

  it("replays issue-8943-gemini-2.5-flash-error.json: InvalidRequestError with the vendor's message", async () => {
    server.enqueue(googleFixtureReply("google/issue-8943-gemini-2.5-flash-error.json"));
    const error = await failure(() => provider().generate(userRequest("Hi")));
    expect(InvalidRequestError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 400, retryable: false, model: "gemini-2.5-flash" });
    expect(error.message).toContain("Penalty is not enabled for models/gemini-2.5-flash");
    expect(FFCError.isInstance(error.cause)).toBe(false);
  });
});

describe("fixture coverage", () => {
  it("replays every file of fixtures/google in this package's tests", async () => {
    const { readdirSync, readFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { fixturesDirectory } = await import("@ffc/testing");
    const folder = join(fixturesDirectory(), "google");
    const files = readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name);
    const tests = ["fixture-replay.test.ts", "cassette-replay.test.ts"]
      .map((name) => readFileSync(new URL(name, import.meta.url), "utf8"))
      .join("\n");
    expect(files.length).toBe(14);
    const missing = files.filter(
      (file) => !tests.includes(`google/${file}`) && !tests.includes(`pydantic-ai/${file}`),
    );
    expect(missing).toEqual([]);
  });
});
