import { InvalidRequestError } from "@ffc/core";
import { anthropicChunkFixtureReply, anthropicJsonFixtureReply } from "@ffc/testing";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createReplayHarness, finishes } from "./test-support/replay-harness";

const { server, generate, stream } = await createReplayHarness();
afterAll(() => server.close());
beforeEach(() => server.reset());

describe("non-stream JSON fixtures", () => {
  it("anthropic-text.json: text, stop, id, model and usage 12 in / 29 out", async () => {
    const result = await generate(anthropicJsonFixtureReply("anthropic/anthropic-text.json"));
    expect(result.text).toBe(
      "Hello! I'm doing well, thanks for asking. How are you doing today? Is there anything I can help you with?",
    );
    expect(result).toMatchObject({
      finishReason: "stop",
      rawFinishReason: "end_turn",
      model: "claude-sonnet-4-5-20250929",
      responseId: "msg_01VdEjxAP5ahtHKrrRdNBteQ",
    });
    expect(result.usage).toEqual({
      inputTokens: 12,
      outputTokens: 29,
      totalTokens: 41,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
    });
  });

  it("anthropic-json-other-tool.1.json: one weather tool call, tool-calls, 843 in / 28 out", async () => {
    const result = await generate(anthropicJsonFixtureReply("anthropic/anthropic-json-other-tool.1.json"));
    expect(result.toolCalls).toEqual([
      {
        toolCallId: "toolu_01PQjhxo3eirCdKNvCJrKc8f",
        toolName: "weather",
        input: { location: "San Francisco" },
      },
    ]);
    expect(result.finishReason).toBe("tool-calls");
    expect(result.text).toBe("");
    expect(result.usage).toMatchObject({ inputTokens: 843, outputTokens: 28, totalTokens: 871 });
  });

  it("anthropic-tool-no-args.json: text then a tool call with empty input, 602 in / 93 out", async () => {
    const result = await generate(anthropicJsonFixtureReply("anthropic/anthropic-tool-no-args.json"));
    expect(result.text.startsWith("<thinking>\nThe updateIssueList tool was provided")).toBe(true);
    expect(result.text.endsWith("Okay, I will update the current issue list:")).toBe(true);
    expect(result.toolCalls).toEqual([
      { toolCallId: "toolu_01LRmxn9vGM1d2DZSDBowdZ1", toolName: "updateIssueList", input: {} },
    ]);
    expect(result.content.map((part) => part.type)).toEqual(["text", "tool-call"]);
    expect(result.usage).toMatchObject({ inputTokens: 602, outputTokens: 93 });
  });

  it("anthropic-clear-thinking.1.json: a reasoning part with its signature before the text, 69 in / 33 out", async () => {
    const result = await generate(anthropicJsonFixtureReply("anthropic/anthropic-clear-thinking.1.json"));
    expect(result.reasoning).toBe("925 divided by 5 = 185");
    expect(result.text).toBe("925 ÷ 5 = 185");
    const reasoning = result.content[0];
    expect(reasoning?.type).toBe("reasoning");
    expect(reasoning?.type === "reasoning" && reasoning.signature?.startsWith("Er4BCkYICxgCKkCoxqLH")).toBe(
      true,
    );
    expect(result.usage).toMatchObject({ inputTokens: 69, outputTokens: 33, totalTokens: 102 });
  });

  it("anthropic-claude-opus-5-reasoning-high.1.json: reasoning tokens 139 broken out of 1699 output", async () => {
    const result = await generate(
      anthropicJsonFixtureReply("anthropic/anthropic-claude-opus-5-reasoning-high.1.json"),
    );
    expect(result.reasoning?.startsWith("I need to find all roots of this cubic polynomial")).toBe(true);
    expect(result.text.startsWith("## Step 1: Set up the problem")).toBe(true);
    expect(result.model).toBe("claude-opus-5");
    expect(result.usage).toEqual({
      inputTokens: 51,
      outputTokens: 1699,
      totalTokens: 1750,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
      reasoningTokens: 139,
    });
  });

  it("anthropic-issue-17366-error.json: a 400 becomes InvalidRequestError with the vendor message and request id", async () => {
    const error = await generate(
      anthropicJsonFixtureReply("anthropic/anthropic-issue-17366-error.json"),
    ).catch((thrown) => thrown);
    expect(InvalidRequestError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 400, requestId: "req_011Cd65WVh8Zrvno3NunpJ73", retryable: false });
    expect(error.message).toContain("unexpected `tool_use_id` found in `tool_result` blocks");
  });
});

describe("stream chunk fixtures, replayed with event: lines and pings", () => {
  it("anthropic-text.chunks.txt: six text deltas, one finish, 12 in / 30 out", async () => {
    const collected = await stream(anthropicChunkFixtureReply("anthropic/anthropic-text.chunks.txt"));
    expect(collected.text).toBe(
      "Hello! I'm doing well, thank you for asking. How are you doing today? Is there anything I can help you with?",
    );
    expect(collected.parts.filter((part) => part.type === "text-delta")).toHaveLength(6);
    expect(finishes(collected.parts)).toEqual([
      {
        type: "finish",
        finishReason: "stop",
        rawFinishReason: "end_turn",
        usage: {
          inputTokens: 12,
          outputTokens: 30,
          totalTokens: 42,
          cacheReadTokens: 0,
          cacheWriteTokens: 0,
        },
        model: "claude-sonnet-4-5-20250929",
        responseId: "msg_01QC4g3HwBThD4BaNtBckFDJ",
      },
    ]);
    expect(collected.parts.at(-1)?.type).toBe("finish");
  });

  it("anthropic-json-other-tool.1.chunks.txt: argument deltas, then the assembled call, 843 in / 28 out", async () => {
    const collected = await stream(
      anthropicChunkFixtureReply("anthropic/anthropic-json-other-tool.1.chunks.txt"),
    );
    const deltas = collected.parts.filter((part) => part.type === "tool-call-delta");
    expect(deltas.map((part) => part.type === "tool-call-delta" && part.argumentsDelta)).toEqual([
      '{"location": "San Francisco',
      '"}',
    ]);
    expect(collected.toolCalls).toEqual([
      {
        toolCallId: "toolu_019Zvehfe1XQWweT1pm7okyt",
        toolName: "weather",
        input: { location: "San Francisco" },
      },
    ]);
    const types = collected.parts.map((part) => part.type);
    expect(types.indexOf("tool-call")).toBeGreaterThan(types.lastIndexOf("tool-call-delta"));
    expect(collected.finish).toMatchObject({
      finishReason: "tool-calls",
      usage: { inputTokens: 843, outputTokens: 28 },
    });
  });

  it("anthropic-tool-no-args.chunks.txt: text, then a no-argument call as {}, 565 in / 48 out", async () => {
    const collected = await stream(anthropicChunkFixtureReply("anthropic/anthropic-tool-no-args.chunks.txt"));
    expect(collected.text).toBe("I'll update the issue list for you.");
    expect(collected.toolCalls).toEqual([
      { toolCallId: "toolu_01QE1WLsSVp5hy5Q3GmGTmjP", toolName: "updateIssueList", input: {} },
    ]);
    expect(collected.parts.some((part) => part.type === "tool-call-delta")).toBe(false);
    expect(collected.finish?.usage).toMatchObject({ inputTokens: 565, outputTokens: 48 });
  });

  it("anthropic-clear-thinking.1.chunks.txt: reasoning deltas, the signature, then text, 69 in / 53 out", async () => {
    const collected = await stream(
      anthropicChunkFixtureReply("anthropic/anthropic-clear-thinking.1.chunks.txt"),
    );
    expect(collected.reasoning).toBe(
      "The previous result was 925. Now I need to divide that by 5.\n\n925 ÷ 5 = 185",
    );
    expect(collected.text).toBe("925 ÷ 5 = 185");
    const signed = collected.parts.filter((part) => part.type === "reasoning-delta" && part.signature);
    expect(signed).toHaveLength(1);
    expect(
      signed[0]!.type === "reasoning-delta" && signed[0]!.signature?.startsWith("EvQBCkYICxgCKkAxhD4N"),
    ).toBe(true);
    expect(collected.finish?.usage).toMatchObject({ inputTokens: 69, outputTokens: 53, totalTokens: 122 });
  });

  it("anthropic-message-delta-input-tokens.chunks.txt: takes the delta's 61 input tokens over the start's 43", async () => {
    const collected = await stream(
      anthropicChunkFixtureReply("anthropic/anthropic-message-delta-input-tokens.chunks.txt"),
    );
    expect(collected.text).toBe("pong");
    expect(collected.finish?.usage).toEqual({ inputTokens: 61, outputTokens: 2, totalTokens: 63 });
    expect(collected.finish?.responseId).toBe("msg_3196a1cc08de4d76b85b8f5777c0d42b");
  });

  it("anthropic-issue-5942-cache-write.chunks.txt: 18639 cache-write tokens counted into input (3 + 18639)", async () => {
    const collected = await stream(
      anthropicChunkFixtureReply("anthropic/anthropic-issue-5942-cache-write.chunks.txt"),
    );
    expect(collected.text).toBe("OK");
    expect(collected.finish).toMatchObject({ finishReason: "length", rawFinishReason: "max_tokens" });
    expect(collected.finish?.usage).toEqual({
      inputTokens: 18642,
      outputTokens: 1,
      totalTokens: 18643,
      cacheReadTokens: 0,
      cacheWriteTokens: 18639,
    });
  });

  it("anthropic-issue-5942-cache-read.chunks.txt: 18639 cache-read tokens counted into input (3 + 18639)", async () => {
    const collected = await stream(
      anthropicChunkFixtureReply("anthropic/anthropic-issue-5942-cache-read.chunks.txt"),
    );
    expect(collected.finish?.usage).toEqual({
      inputTokens: 18642,
      outputTokens: 1,
      totalTokens: 18643,
      cacheReadTokens: 18639,
      cacheWriteTokens: 0,
    });
  });
});
