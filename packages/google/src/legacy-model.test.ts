import { ConfigError } from "@ffc/core";
import { createGoogleServer, googleFixtureReply, googleRateLimitError } from "@ffc/testing";
import { GoogleGenerativeAI } from "@google/generative-ai";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createGoogle } from "./google-provider";
import { collect, failure, testApiKey, userRequest } from "./test-support/google-transports";

const server = await createGoogleServer({ apiKey: testApiKey });
afterAll(() => server.close());
beforeEach(() => server.reset());

describe("createGoogle({ legacyModel })", () => {
  const legacyModel = () =>
    new GoogleGenerativeAI(testApiKey).getGenerativeModel(
      { model: "gemini-2.5-flash" },
      { baseUrl: server.url },
    );

  it("generates and streams with the same mapping as @google/genai", async () => {
    const provider = createGoogle({ legacyModel: legacyModel() });
    const whole = await provider.generate(userRequest("Hi", { maxTokens: 20 }));
    expect(whole.text).toBe("Hello from the fake Gemini server.");
    expect(server.requests[0]!.body.generationConfig).toEqual({ maxOutputTokens: 20 });
    server.enqueue(googleFixtureReply("google/google-tool-call.chunks.txt"));
    const { result } = await collect(provider.stream(userRequest("Weather?")));
    expect(result.toolCalls.map((call) => call.input)).toEqual([{ location: "San Francisco" }]);
    expect(result.finish?.usage).toEqual({
      inputTokens: 29,
      outputTokens: 60,
      totalTokens: 89,
      reasoningTokens: 45,
    });
  });

  it("maps the legacy SDK's errors the same way", async () => {
    server.enqueue(googleRateLimitError({ retryDelaySeconds: 4, requestId: "req-legacy" }));
    const error = await failure(() =>
      createGoogle({ legacyModel: legacyModel() }).generate(userRequest("Hi")),
    );
    expect(error).toMatchObject({
      name: "RateLimitError",
      retryAfterMs: 4000,
      requestId: "req-legacy",
      status: 429,
    });
  });

  it("refuses a request for another model than the one the legacy model is bound to", async () => {
    const error = await failure(() =>
      createGoogle({ legacyModel: legacyModel() }).generate(userRequest("Hi", { model: "gemini-2.5-pro" })),
    );
    expect(ConfigError.isInstance(error)).toBe(true);
    expect(error.message).toContain('"gemini-2.5-flash"');
    expect(error.message).toContain("legacyClient");
    expect(server.requests).toHaveLength(0);
  });

  it("refuses two clients at once", () => {
    expect(() =>
      createGoogle({ legacyModel: legacyModel(), legacyClient: new GoogleGenerativeAI(testApiKey) }),
    ).toThrow('pass only one of "client", "legacyClient" and "legacyModel"');
  });
});
