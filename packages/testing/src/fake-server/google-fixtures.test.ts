import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixturesDirectory } from "./fixtures";
import { googleFixtureReply, readGoogleCassette } from "./google-fixtures";

describe("Gemini fixtures as replies", () => {
  it("serves every recorded JSON and chunk file with the right kind and status", () => {
    const files = readdirSync(join(fixturesDirectory(), "google")).filter(
      (file) => file.endsWith(".json") || file.endsWith(".chunks.txt"),
    );
    expect(files.length).toBe(11);
    for (const file of files) {
      const reply = googleFixtureReply(`google/${file}`);
      if (file.endsWith(".chunks.txt")) {
        expect(reply).toMatchObject({ kind: "sse", separator: "\r\n\r\n" });
        for (const event of (reply as { events: { data: string }[] }).events)
          expect(() => JSON.parse(event.data)).not.toThrow();
      } else {
        expect(reply.kind).toBe("json");
      }
    }
    expect(googleFixtureReply("google/google-429-retry-info.json")).toMatchObject({ status: 429 });
    expect(googleFixtureReply("google/issue-8943-gemini-2.5-flash-error.json")).toMatchObject({
      status: 400,
    });
    expect(googleFixtureReply("google/google-text.json")).toMatchObject({ status: 200 });
  });

  it("reads the raw SSE body of the stream cassette into events", () => {
    const [interaction] = readGoogleCassette("google/pydantic-ai/test_google_model_stream.yaml");
    expect(interaction!.uri).toMatch(/:streamGenerateContent\?alt=sse$/);
    const events = (interaction!.reply as { events: { data: string }[] }).events;
    expect(events).toHaveLength(3);
    expect(events.map((event) => JSON.parse(event.data).candidates[0].content.parts[0].text).join("")).toBe(
      "The capital of France is Paris.\n",
    );
  });

  it("reads JSON cassette bodies with their status", () => {
    const interactions = readGoogleCassette("google/pydantic-ai/test_google_model_cached_content.yaml");
    expect(interactions.map((interaction) => interaction.reply.kind)).toEqual([
      "json",
      "json",
      "json",
      "json",
    ]);
    expect((interactions[1]!.reply as { body: any }).body.usageMetadata.cachedContentTokenCount).toBe(3512);
    const thinking = readGoogleCassette("google/pydantic-ai/test_google_model_thinking_part.yaml");
    expect((thinking[0]!.reply as { body: any }).body.candidates[0].content.parts[0].thought).toBe(true);
  });
});
