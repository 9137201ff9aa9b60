import Anthropic from "@anthropic-ai/sdk";
import { ConfigError } from "@ffc/core";
import { createAnthropicServer } from "@ffc/testing";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createAnthropic, createProvider } from "./anthropic-provider";
import { anthropic } from "./default-instance";

const server = await createAnthropicServer();
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  vi.stubEnv("ANTHROPIC_API_KEY", "");
  vi.stubEnv("ANTHROPIC_BASE_URL", "");
});
afterEach(() => vi.unstubAllEnvs());

const request = {
  model: "claude-sonnet-4-6",
  messages: [{ role: "user" as const, content: "Hi" }],
  maxTokens: 10,
};

function thrownBy(run: () => unknown): any {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}

describe("createAnthropic options", () => {
  it("throws a ConfigError naming the apiKey option and ANTHROPIC_API_KEY when there is no key, before any request", () => {
    const error = thrownBy(() => createAnthropic({ baseURL: server.url }));
    expect(ConfigError.isInstance(error)).toBe(true);
    expect(error.message).toContain('"apiKey"');
    expect(error.message).toContain("ANTHROPIC_API_KEY");
    expect(server.requests).toHaveLength(0);
  });

  it("reads ANTHROPIC_API_KEY when no apiKey is given", async () => {
    vi.stubEnv("ANTHROPIC_API_KEY", "sk-ant-from-env");
    await createAnthropic({ baseURL: server.url }).generate(request);
    const headers = server.requests[0]!.headers;
    expect(`${headers.authorization ?? ""}${headers["x-api-key"] ?? ""}`).toContain("sk-ant-from-env");
  });

  it("names the bad field for wrong option types and unknown options", () => {
    const cases: Array<[unknown, string]> = [
      [{ apiKey: "" }, '"apiKey"'],
      [{ apiKey: "k", baseURL: "not a url" }, '"baseURL"'],
      [{ apiKey: "k", timeoutMs: -5 }, '"timeoutMs"'],
      [{ apiKey: "k", defaultMaxTokens: 1.5 }, '"defaultMaxTokens"'],
      [{ apiKey: "k", headers: { "x-a": 1 } }, '"headers.x-a"'],
      [{ apiKey: "k", client: {} }, '"client"'],
      [{ apiKey: "k", maxRetries: 3 }, '"maxRetries" is not an option'],
    ];
    for (const [options, field] of cases) {
      const error = thrownBy(() => createAnthropic(options as any));
      expect(ConfigError.isInstance(error), field).toBe(true);
      expect(error.message).toContain(field);
    }
  });

  it("uses an existing SDK client, with its retries overridden to none", async () => {
    const client = new Anthropic({ apiKey: "sk-ant-client-key", baseURL: server.url, maxRetries: 5 });
    server.enqueue({
      kind: "json",
      status: 500,
      body: { type: "error", error: { type: "api_error", message: "boom" } },
    });
    const error = await createAnthropic({ client })
      .generate(request)
      .catch((thrown) => thrown);
    expect(error.status).toBe(500);
    expect(server.requests).toHaveLength(1);
  });

  it("sends one request per call: the SDK's own retries are off", async () => {
    server.enqueue({
      kind: "json",
      status: 529,
      body: { type: "error", error: { type: "overloaded_error", message: "Overloaded" } },
    });
    await createAnthropic({ apiKey: "k", baseURL: server.url })
      .generate(request)
      .catch(() => undefined);
    expect(server.requests).toHaveLength(1);
  });

  it("createProvider passes the manager's apiKey, baseURL and headers", async () => {
    await createProvider({
      apiKey: "sk-ant-settings",
      baseURL: server.url,
      headers: { "x-app": "demo" },
    }).generate(request);
    expect(server.requests[0]!.headers["x-app"]).toBe("demo");
  });
});

describe("the default anthropic instance", () => {
  it("can be imported without a key and fails at first call with the same ConfigError", async () => {
    const error = await anthropic.generate(request).catch((thrown) => thrown);
    expect(ConfigError.isInstance(error)).toBe(true);
    expect(error.message).toContain("ANTHROPIC_API_KEY");
    expect(anthropic.modelInfo("claude-3-haiku-20240307")).toEqual({
      contextWindow: 200000,
      maxOutputTokens: 4096,
    });
  });

  it("reads the environment at first call, so a key set after import works", async () => {
    await anthropic.generate(request).catch(() => undefined);
    vi.stubEnv("ANTHROPIC_API_KEY", "sk-ant-late-key");
    vi.stubEnv("ANTHROPIC_BASE_URL", server.url);
    const parts = [];
    for await (const part of anthropic.stream(request)) parts.push(part);
    expect(parts.at(-1)?.type).toBe("finish");
    expect(server.requests).toHaveLength(1);
  });
});
