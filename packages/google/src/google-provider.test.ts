import { ConfigError } from "@ffc/core";
import { isLanguageProvider, SPECIFICATION_VERSION } from "@ffc/core/provider";
import { createGoogleServer } from "@ffc/testing";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createGoogle, createProvider, google } from "./google-provider";
import { collect, failure, testApiKey, userRequest } from "./test-support/google-transports";

const server = await createGoogleServer();
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  vi.stubEnv("GOOGLE_API_KEY", "");
  vi.stubEnv("GEMINI_API_KEY", "");
});
afterEach(() => vi.unstubAllEnvs());

describe("createGoogle", () => {
  it("builds a provider of the current contract with id google", () => {
    const provider = createGoogle({ apiKey: testApiKey, baseURL: server.url });
    expect(isLanguageProvider(provider)).toBe(true);
    expect(provider.specificationVersion).toBe(SPECIFICATION_VERSION);
    expect(provider.id).toBe("google");
  });

  it("throws a ConfigError naming the option and both variables when no key is found", () => {
    const error = (() => {
      try {
        createGoogle({ baseURL: server.url });
      } catch (thrown) {
        return thrown as Error;
      }
      throw new Error("expected createGoogle to throw");
    })();
    expect(ConfigError.isInstance(error)).toBe(true);
    expect(error.message).toContain('"apiKey"');
    expect(error.message).toContain("GEMINI_API_KEY");
    expect(error.message).toContain("GOOGLE_API_KEY");
    expect(server.requests).toHaveLength(0);
  });

  it("reads GEMINI_API_KEY, and GOOGLE_API_KEY before it as @google/genai does", async () => {
    vi.stubEnv("GEMINI_API_KEY", "gemini-env-key");
    await createGoogle({ baseURL: server.url }).generate(userRequest("Hi"));
    vi.stubEnv("GOOGLE_API_KEY", "google-env-key");
    await createGoogle({ baseURL: server.url }).generate(userRequest("Hi"));
    expect(server.requests.map((request) => request.headers["x-goog-api-key"])).toEqual([
      "gemini-env-key",
      "google-env-key",
    ]);
  });

  it.each([
    [{ apiKey: "" }, '"apiKey" must be a non-empty string'],
    [{ apiKey: "k", baseURL: "not a url" }, '"baseURL" must be a URL'],
    [{ apiKey: "k", timeoutMs: -5 }, '"timeoutMs" must be a whole number'],
    [{ apiKey: "k", headers: { "x-a": 1 } }, '"headers" must be an object of string values'],
    [{ apiKey: "k", client: {} }, '"client" must be a GoogleGenAI instance'],
    [{ apiKey: "k", maxRetries: 2 }, 'unknown option "maxRetries"'],
  ])("rejects bad options at construction: %j", (options, message) => {
    expect(() => createGoogle(options as any)).toThrow(message);
  });

  it("accepts a baseURL that ends in the API version", async () => {
    await createGoogle({ apiKey: testApiKey, baseURL: `${server.url}/v1beta` }).generate(userRequest("Hi"));
    expect(server.requests[0]!.path).toBe("/v1beta/models/gemini-2.5-flash:generateContent");
  });

  it("answers through an existing @google/genai client", async () => {
    const { GoogleGenAI } = await import("@google/genai");
    const client = new GoogleGenAI({
      apiKey: testApiKey,
      httpOptions: { baseUrl: server.url, apiVersion: "v1beta" },
    });
    const result = await createGoogle({ client }).generate(userRequest("Hi"));
    expect(result.text).toBe("Hello from the fake Gemini server.");
  });
});

describe("the default google instance", () => {
  it("imports without a key and fails its first call with the same ConfigError, sending nothing", async () => {
    const error = await failure(() => google.generate(userRequest("Hi")));
    expect(ConfigError.isInstance(error)).toBe(true);
    expect(error.message).toContain("GEMINI_API_KEY");
    const streamError = await failure(() => collect(google.stream(userRequest("Hi"))));
    expect(ConfigError.isInstance(streamError)).toBe(true);
    expect(server.requests).toHaveLength(0);
  });

  it("knows model limits without a key", () => {
    expect(google.modelInfo("gemini-2.5-pro")).toEqual({ contextWindow: 1_048_576, maxOutputTokens: 65_536 });
  });
});

describe("createProvider", () => {
  it("uses the settings core hands over: apiKey, baseURL and headers", async () => {
    const provider = createProvider({
      apiKey: testApiKey,
      baseURL: server.url,
      headers: { "x-from": "core" },
    });
    await provider.generate(userRequest("Hi"));
    expect(server.requests[0]!.headers["x-goog-api-key"]).toBe(testApiKey);
    expect(server.requests[0]!.headers["x-from"]).toBe("core");
  });
});
