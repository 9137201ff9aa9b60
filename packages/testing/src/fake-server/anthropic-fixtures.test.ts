import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  anthropicChunkFixtureReply,
  anthropicJsonFixtureReply,
  anthropicRawSseFixtureReply,
  readAnthropicCassette,
} from "./anthropic-fixtures";
import { fixturesDirectory } from "./fixtures";

describe("Anthropic fixture replies", () => {
  it("names each chunk fixture event after its JSON type, pings included", () => {
    const reply = anthropicChunkFixtureReply("anthropic/anthropic-json-other-tool.1.chunks.txt");
    expect(reply.events[0]!.event).toBe("message_start");
    expect(reply.events.filter((event) => event.event === "ping")).toHaveLength(5);
    for (const event of reply.events) expect(JSON.parse(event.data).type).toBe(event.event);
  });

  it("keeps the raw framing of the anthropic-sdk recordings", () => {
    const reply = anthropicRawSseFixtureReply("anthropic/anthropic-sdk-typescript/basic_response.txt");
    expect(reply.events.map((event) => event.event)).toEqual([
      "message_start",
      "content_block_start",
      "ping",
      "content_block_delta",
      "content_block_delta",
      "content_block_delta",
      "content_block_stop",
      "message_delta",
      "message_stop",
    ]);
  });

  it("serves an error fixture with the status of its error type and its request id as a header", () => {
    const reply = anthropicJsonFixtureReply("anthropic/anthropic-issue-17366-error.json");
    expect(reply.status).toBe(400);
    expect(reply.headers).toEqual({ "request-id": "req_011Cd65WVh8Zrvno3NunpJ73" });
  });

  it("reads a cassette's status, kept headers and JSON body, dropping transfer headers", () => {
    const [interaction] = readAnthropicCassette("anthropic/pydantic-ai/test_no_tools_no_output.yaml");
    expect(interaction!.request.body.model).toBe("claude-sonnet-4-5");
    expect(interaction!.reply).toMatchObject({ kind: "json", status: 200 });
    expect(interaction!.reply.headers!["retry-after"]).toBe("55");
    expect(interaction!.reply.headers!["content-length"]).toBeUndefined();
  });

  it("reads a streaming cassette as SSE events", () => {
    const [interaction] = readAnthropicCassette(
      "anthropic/pydantic-ai/test_anthropic_model_thinking_part_stream.yaml",
    );
    expect(interaction!.reply.kind).toBe("sse");
    const events = interaction!.reply.kind === "sse" ? interaction!.reply.events : [];
    expect(events[0]!.event).toBe("message_start");
    expect(events.at(-1)!.event).toBe("message_stop");
  });

  it("reads every interaction of a multi-call cassette in order", () => {
    const interactions = readAnthropicCassette("anthropic/pydantic-ai/test_anthropic_cache_real_api.yaml");
    expect(interactions).toHaveLength(2);
    const bodies = interactions.map((interaction) =>
      interaction.reply.kind === "json" ? interaction.reply.body : undefined,
    );
    expect(bodies.map((body: any) => body.usage.cache_read_input_tokens)).toEqual([1111, 1111]);
  });

  it("can replay every Anthropic fixture file with one of the helpers", () => {
    const folder = join(fixturesDirectory(), "anthropic");
    const files = readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1));
    expect(files.length).toBe(18);
    for (const file of files) {
      const path = `anthropic/${file}`;
      const events = file.endsWith(".chunks.txt")
        ? anthropicChunkFixtureReply(path).events
        : file.endsWith(".txt")
          ? anthropicRawSseFixtureReply(path).events
          : file.endsWith(".yaml")
            ? readAnthropicCassette(path)
            : [anthropicJsonFixtureReply(path).body];
      expect(events.length, path).toBeGreaterThan(0);
    }
  });
});
