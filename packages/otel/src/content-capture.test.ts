import type { GenerateResult } from "@ffc/core";
import { describe, expect, it } from "vitest";
import { inputContentAttributes, outputContentAttributes } from "./content-capture";

describe("content capture", () => {
  it("maps tool calls, tool results and images to the conventions' parts, without image bytes", () => {
    const attributes = inputContentAttributes([
      {
        role: "user",
        content: [
          { type: "text", text: "What is in this picture?" },
          { type: "image", data: "iVBORw0KGgoAAAANSUhEUg", mediaType: "image/png" },
          { type: "image", url: "https://example.com/cat.png" },
        ],
      },
      {
        role: "assistant",
        content: [{ type: "tool-call", toolCallId: "call_1", toolName: "lookup", input: { q: "cat" } }],
      },
      {
        role: "tool",
        content: [{ type: "tool-result", toolCallId: "call_1", toolName: "lookup", output: "a cat" }],
      },
    ]);

    expect(attributes["gen_ai.system_instructions"]).toBeUndefined();
    expect(JSON.parse(attributes["gen_ai.input.messages"] as string)).toEqual([
      {
        role: "user",
        parts: [
          { type: "text", content: "What is in this picture?" },
          { type: "image", modality: "image", mime_type: "image/png" },
          { type: "uri", modality: "image", uri: "https://example.com/cat.png" },
        ],
      },
      {
        role: "assistant",
        parts: [{ type: "tool_call", id: "call_1", name: "lookup", arguments: { q: "cat" } }],
      },
      { role: "tool", parts: [{ type: "tool_call_response", id: "call_1", response: "a cat" }] },
    ]);
    expect(attributes["gen_ai.input.messages"]).not.toContain("iVBORw0KGgo");
  });

  it("describes the answer as one assistant message with reasoning, text and tool calls", () => {
    const result = {
      text: "Let me look.",
      content: [
        { type: "reasoning", text: "The user wants a lookup." },
        { type: "text", text: "Let me look." },
        { type: "tool-call", toolCallId: "call_2", toolName: "lookup", input: { q: "dog" } },
      ],
      toolCalls: [],
      finishReason: "tool-calls",
      usage: { inputTokens: 1, outputTokens: 1, totalTokens: 2 },
      model: "gpt-4o",
      provider: "openai",
      attempts: [],
    } as GenerateResult;

    expect(JSON.parse(outputContentAttributes(result)["gen_ai.output.messages"] as string)).toEqual([
      {
        role: "assistant",
        parts: [
          { type: "reasoning", content: "The user wants a lookup." },
          { type: "text", content: "Let me look." },
          { type: "tool_call", id: "call_2", name: "lookup", arguments: { q: "dog" } },
        ],
        finish_reason: "tool_call",
      },
    ]);
  });
});
