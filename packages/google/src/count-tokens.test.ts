import { AbortError } from "@ffc/core";
import { createGoogleServer, googleServerError } from "@ffc/testing";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { estimateRequestTokens } from "./count-tokens";
import { failure, transports, userRequest } from "./test-support/google-transports";

const server = await createGoogleServer();
afterAll(() => server.close());
beforeEach(() => server.reset());

const tool = { name: "weather", inputSchema: { type: "object", properties: { city: { type: "string" } } } };

describe.each(transports)("countTokens over $name", ({ name, create }) => {
  it("asks Gemini's countTokens endpoint, system prompt and tools included", async () => {
    server.enqueue({ kind: "json", body: { totalTokens: 4242 } });
    const request = userRequest("How many tokens is this?", { tools: [tool] });
    request.messages.unshift({ role: "system", content: "Count carefully." });
    expect(await create(server).countTokens(request)).toBe(4242);
    const sent = server.requests[0]!;
    expect(sent.path).toBe("/v1beta/models/gemini-2.5-flash:countTokens");
    if (name.startsWith("legacy")) {
      // The legacy SDK sends a whole generateContentRequest: an exact count.
      const inner = sent.body.generateContentRequest;
      expect(inner.systemInstruction.parts).toEqual([{ text: "Count carefully." }]);
      expect(inner.tools[0].functionDeclarations[0].name).toBe("weather");
      expect(inner.contents.at(-1).parts).toEqual([{ text: "How many tokens is this?" }]);
    } else {
      // @google/genai sends contents only; system prompt and tools ride along as text.
      const [lead, question] = sent.body.contents;
      expect(lead.parts[0].text).toContain("Count carefully.");
      expect(lead.parts[0].text).toContain('"name":"weather"');
      expect(question.parts).toEqual([{ text: "How many tokens is this?" }]);
    }
  });

  it("falls back to a local estimate when the endpoint fails", async () => {
    server.enqueue(googleServerError(503));
    const request = userRequest("How many tokens is this?");
    expect(await create(server).countTokens(request)).toBe(estimateRequestTokens(request));
  });

  it("stops with AbortError rather than estimating when the caller aborts", async () => {
    server.enqueue({ kind: "hang" });
    const controller = new AbortController();
    // Abort once the server holds the request, so it never arrives during the next test.
    void server.received(1).then(() => controller.abort());
    const error = await failure(() =>
      create(server).countTokens(userRequest("Hi", { signal: controller.signal })),
    );
    expect(AbortError.isInstance(error)).toBe(true);
  });
});

describe("estimateRequestTokens", () => {
  it("counts tool declarations as well as messages", () => {
    const bare = estimateRequestTokens(userRequest("Hi"));
    expect(estimateRequestTokens(userRequest("Hi", { tools: [tool] }))).toBeGreaterThan(bare);
  });
});
