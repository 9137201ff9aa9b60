import { ConfigError, type LanguageRequest } from "@ffc/core";
import { SPECIFICATION_VERSION } from "@ffc/core/provider";
import { createOpenAIServer, type FakeServer, readOpenAICassette } from "@ffc/testing";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createOpenAI, createProvider, openai } from "./openai-provider";
import { toolOutputQuestion, toolOutputTools } from "./test-support/tool-output-cassette";

const server: FakeServer = await createOpenAIServer({ text: "Hi from the fake server." });
afterAll(() => server.close());
beforeEach(() => server.reset());
afterEach(() => vi.unstubAllEnvs());

const request: LanguageRequest = { model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }] };

function thrown(run: () => unknown): any {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}

describe("a missing API key", () => {
  it("makes createOpenAI throw a ConfigError naming the option and the environment variable", () => {
    vi.stubEnv("OPENAI_API_KEY", "");
    const error = thrown(() => createOpenAI({ baseURL: `${server.url}/v1` }));
    expect(ConfigError.isInstance(error)).toBe(true);
    expect(error.message).toContain('"apiKey"');
    expect(error.message).toContain("OPENAI_API_KEY");
    expect(server.requests).toHaveLength(0);
  });

  it("makes the default instance fail its first call with the same ConfigError, sending nothing", async () => {
    vi.stubEnv("OPENAI_API_KEY", "");
    vi.stubEnv("OPENAI_BASE_URL", `${server.url}/v1`);
    const error: any = await openai.generate(request).catch((caught) => caught);
    expect(ConfigError.isInstance(error)).toBe(true);
    expect(error.message).toContain("OPENAI_API_KEY");
    expect(server.requests).toHaveLength(0);
  });
});

describe("the default instance", () => {
  it("reads OPENAI_API_KEY and OPENAI_BASE_URL at its first call, not at import", async () => {
    vi.stubEnv("OPENAI_API_KEY", "sk-from-the-environment-123456");
    vi.stubEnv("OPENAI_BASE_URL", `${server.url}/v1`);
    const result = await openai.generate(request);
    expect(result.text).toBe("Hi from the fake server.");
    expect(server.requests[0]!.headers.authorization).toBe("Bearer sk-from-the-environment-123456");
    expect(openai.specificationVersion).toBe(SPECIFICATION_VERSION);
    expect(openai.id).toBe("openai");
  });
});

describe("createProvider", () => {
  it("builds a provider from core's ProviderSettings with their key, base URL and headers", async () => {
    const provider = createProvider({
      apiKey: "sk-settings-123456",
      baseURL: `${server.url}/v1`,
      headers: { "x-team": "blue" },
    });
    await provider.generate(request);
    expect(server.requests[0]!.headers.authorization).toBe("Bearer sk-settings-123456");
    expect(server.requests[0]!.headers["x-team"]).toBe("blue");
  });
});

describe("options are checked at construction", () => {
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ["an unknown option", { apiKey: "sk-x-123456", apikey: "typo" }, '"apikey"'],
    ["a baseURL that is not a URL", { apiKey: "sk-x-123456", baseURL: "localhost:11434" }, '"baseURL"'],
    ["a negative timeout", { apiKey: "sk-x-123456", timeoutMs: -5 }, '"timeoutMs"'],
    ["an unknown api", { apiKey: "sk-x-123456", api: "assistants" }, '"api"'],
    ["a header that is not a string", { apiKey: "sk-x-123456", headers: { "x-n": 1 } }, '"headers.x-n"'],
    ["a client that is not an SDK client", { client: {} }, '"client"'],
    [
      "a bad model limit",
      { apiKey: "sk-x-123456", models: { local: { contextWindow: 0 } } },
      '"models.local.contextWindow"',
    ],
  ];
  for (const [what, options, field] of cases) {
    it(`rejects ${what}, naming ${field}`, () => {
      const error = thrown(() => createOpenAI(options as never));
      expect(ConfigError.isInstance(error)).toBe(true);
      expect(error.message).toContain(field);
    });
  }

  it("rejects an unknown providerOptions.openai.api at call time, before sending", async () => {
    const provider = createOpenAI({ apiKey: "sk-x-123456", baseURL: `${server.url}/v1` });
    const error: any = await provider
      .generate({ ...request, providerOptions: { openai: { api: "assistants" } } })
      .catch((caught) => caught);
    expect(ConfigError.isInstance(error)).toBe(true);
    expect(server.requests).toHaveLength(0);
  });
});

describe("model info and token counting", () => {
  const provider = createOpenAI({
    apiKey: "sk-x-123456",
    baseURL: `${server.url}/v1`,
    models: { "llama3.1:8b": { contextWindow: 131072 } },
  });

  it("reads context windows from FFC's generated catalog, dated snapshots included", () => {
    expect(provider.modelInfo("gpt-5.4")).toEqual({ contextWindow: 1_050_000, maxOutputTokens: 128_000 });
    expect(provider.modelInfo("gpt-5.4-2026-03-05")).toEqual(provider.modelInfo("gpt-5.4"));
    expect(provider.modelInfo("gpt-4o")).toEqual({ contextWindow: 128000, maxOutputTokens: 16384 });
    expect(provider.modelInfo("gpt-4o-2024-08-06")).toEqual(provider.modelInfo("gpt-4o"));
    expect(provider.modelInfo("llama3.1:8b")).toEqual({ contextWindow: 131072 });
    expect(provider.modelInfo("no-such-model")).toBeUndefined();
  });

  it("reports a model the catalog does not know with a model-unknown warning on the result", async () => {
    const unknown = await provider.generate({ ...request, model: "no-such-model" });
    expect(unknown.warnings?.map((warning) => warning.code)).toEqual(["model-unknown"]);
    expect(unknown.warnings?.[0]?.message).toContain('createOpenAI({ models: { "no-such-model"');
    const parts = [];
    for await (const part of provider.stream({ ...request, model: "no-such-model" })) parts.push(part);
    const finish = parts.at(-1);
    expect(finish?.type === "finish" && finish.warnings?.[0]?.code).toBe("model-unknown");
    expect((await provider.generate({ ...request, model: "llama3.1:8b" })).warnings).toBeUndefined();
    expect((await provider.generate({ ...request, model: "gpt-5.4" })).warnings).toBeUndefined();
  });

  it("counts the recorded prompt tokens of a two-tool request and of a long o3-mini conversation", async () => {
    const tools = toolOutputTools;
    const question = toolOutputQuestion;
    // prompt_tokens 68 in chat/pydantic-ai/test_openai_tool_output.yaml
    expect(
      await provider.countTokens({ model: "gpt-4o", messages: [question], tools, toolChoice: "required" }),
    ).toBe(68);
    // prompt_tokens 577 in the chat request of chat/pydantic-ai/test_openai_model_thinking_part.yaml
    const recorded = readOpenAICassette("openai/chat/pydantic-ai/test_openai_model_thinking_part.yaml")[1]!
      .requestBody;
    const messages = recorded.messages.map((message: any) => ({
      role: message.role,
      content: message.content,
    }));
    expect(await provider.countTokens({ model: "o3-mini", messages })).toBe(577);
  });

  it("adds an estimate per image and uses cl100k_base for gpt-4", async () => {
    const text = { role: "user" as const, content: "Describe the picture." };
    const withImage = {
      role: "user" as const,
      content: [
        { type: "text" as const, text: "Describe the picture." },
        { type: "image" as const, url: "https://example.com/a.png" },
      ],
    };
    const plain = await provider.countTokens({ model: "gpt-4o", messages: [text] });
    expect(await provider.countTokens({ model: "gpt-4o", messages: [withImage] })).toBe(plain + 765);
    // The same words cost a different number of tokens in the older encoding.
    const long = {
      role: "user" as const,
      content: "Tokenizers disagree about 🦊 emoji and indentation:\n\t\t\tdeeply nested",
    };
    expect(await provider.countTokens({ model: "gpt-4", messages: [long] })).not.toBe(
      await provider.countTokens({ model: "gpt-4o", messages: [long] }),
    );
  });
});
