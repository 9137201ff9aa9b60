import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createGoogleServer } from "./google-server";

const server = await createGoogleServer({ apiKey: "test-key" });
afterAll(() => server.close());
beforeEach(() => server.reset());

const post = (path: string, body: unknown, key: string | null = "test-key") =>
  fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(key ? { "x-goog-api-key": key } : {}) },
    body: JSON.stringify(body),
  });
const hello = { contents: [{ role: "user", parts: [{ text: "Hello there, fake server" }] }] };

describe("createGoogleServer's default handler", () => {
  it("answers generateContent with text, STOP and usage", async () => {
    const response = await post("/v1beta/models/gemini-2.5-flash:generateContent", hello);
    const body = await response.json();
    expect(response.status).toBe(200);
    expect(body.candidates[0]).toMatchObject({
      content: { role: "model", parts: [{ text: "Hello from the fake Gemini server." }] },
      finishReason: "STOP",
    });
    expect(body.usageMetadata).toEqual({ promptTokenCount: 6, candidatesTokenCount: 9, totalTokenCount: 15 });
    expect(body.modelVersion).toBe("gemini-2.5-flash");
  });

  it("streams with Gemini's framing: data lines only, CRLF CRLF between events, no terminator", async () => {
    const response = await post("/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse", hello);
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    const raw = await response.text();
    const events = raw.split("\r\n\r\n");
    expect(events.at(-1)).toBe("");
    expect(events.slice(0, -1).every((event) => event.startsWith("data: ") && !event.includes("\n"))).toBe(
      true,
    );
    expect(raw).not.toContain("[DONE]");
    const chunks = events.slice(0, -1).map((event) => JSON.parse(event.slice(6)));
    expect(chunks.map((chunk) => chunk.candidates[0].content.parts[0].text).join("")).toBe(
      "Hello from the fake Gemini server.",
    );
    expect(chunks.at(-1).candidates[0].finishReason).toBe("STOP");
    expect(chunks.slice(0, -1).every((chunk) => chunk.candidates[0].finishReason === undefined)).toBe(true);
  });

  it("counts tokens for plain contents and for a generateContentRequest", async () => {
    const plain = await (await post("/v1beta/models/gemini-2.5-flash:countTokens", hello)).json();
    const wrapped = await (
      await post("/v1beta/models/gemini-2.5-flash:countTokens", { generateContentRequest: hello })
    ).json();
    expect(plain.totalTokens).toBe(6);
    expect(wrapped.totalTokens).toBe(6);
  });

  it("answers a missing key with 403 PERMISSION_DENIED and a wrong one with 400 API_KEY_INVALID", async () => {
    const missing = await post("/v1beta/models/gemini-2.5-flash:generateContent", hello, null);
    const wrong = await post("/v1beta/models/gemini-2.5-flash:generateContent", hello, "other-key");
    expect(missing.status).toBe(403);
    expect((await missing.json()).error.status).toBe("PERMISSION_DENIED");
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error.details[0].reason).toBe("API_KEY_INVALID");
  });

  it("answers unknown routes with 404 and a request without contents with 400", async () => {
    expect((await post("/v1beta/models/gemini-2.5-flash:embedContent", hello)).status).toBe(404);
    const empty = await post("/v1beta/models/gemini-2.5-flash:generateContent", { contents: [] });
    expect(empty.status).toBe(400);
    expect((await empty.json()).error.message).toContain("contents is not specified");
  });

  it("records every request, key included, for assertions", async () => {
    await post("/v1beta/models/gemini-2.5-flash:generateContent", hello);
    expect(server.requests[0]).toMatchObject({
      method: "POST",
      path: "/v1beta/models/gemini-2.5-flash:generateContent",
      body: hello,
    });
    expect(server.requests[0]!.headers["x-goog-api-key"]).toBe("test-key");
  });

  it("lets queued replies answer first", async () => {
    server.enqueue({ kind: "json", status: 418, body: { error: { code: 418, message: "teapot" } } });
    expect((await post("/v1beta/models/gemini-2.5-flash:generateContent", hello)).status).toBe(418);
    expect((await post("/v1beta/models/gemini-2.5-flash:generateContent", hello)).status).toBe(200);
  });
});
