import { type LLMEventMap, LLMManager, type StreamPart } from "@ffc/core";
import { createAnthropicServer } from "@ffc/testing";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createAnthropic } from "./anthropic-provider";
import { captureSdkWarnings } from "./sdk-warnings";

// Every supported SDK version (1.14 and 1.17, see vitest.config.ts) lists claude-opus-4-5 as
// deprecated and prints a notice with console.warn on each call to it.
const deprecatedModel = "claude-opus-4-5";
const apiKey = "sk-ant-warnings-key";
const server = await createAnthropicServer({ apiKeys: [apiKey] });
afterAll(() => server.close());
// Warnings are reported once per process; vitest gives this file a fresh core, and only one test
// here goes through a manager.
beforeEach(() => server.reset());
afterEach(() => vi.restoreAllMocks());

const provider = () => createAnthropic({ apiKey, baseURL: server.url });
const ask = (model: string) => ({ model, messages: [{ role: "user" as const, content: "Hi" }] });

describe("the Anthropic SDK's deprecation notices", () => {
  it("come back as a warning on the result instead of reaching the console", async () => {
    const consoleWarn = vi.spyOn(console, "warn");
    const result = await provider().generate(ask(deprecatedModel));
    expect(consoleWarn).not.toHaveBeenCalled();
    expect(result.warnings).toEqual([
      {
        code: "model-deprecated",
        message: expect.stringMatching(
          /"claude-opus-4-5" is deprecated and reaches end-of-life on January 22nd, 2027/,
        ),
      },
    ]);
  });

  it("come back on the finish part of a stream", async () => {
    const consoleWarn = vi.spyOn(console, "warn");
    const parts: StreamPart[] = [];
    for await (const part of provider().stream(ask(deprecatedModel))) parts.push(part);
    expect(consoleWarn).not.toHaveBeenCalled();
    const finish = parts.at(-1);
    expect(finish?.type === "finish" && finish.warnings?.map((warning) => warning.code)).toEqual([
      "model-deprecated",
    ]);
  });

  it("reach the user once per model through the manager's warning event and logger", async () => {
    const consoleWarn = vi.spyOn(console, "warn");
    const logger = { warn: vi.fn(), error: vi.fn() };
    const llm = new LLMManager({ provider: provider(), model: deprecatedModel }, { logger });
    const events: LLMEventMap["warning"][] = [];
    llm.on("warning", (event) => events.push(event));
    await llm.generate({ prompt: "one" });
    await llm.generate({ prompt: "two" });
    for await (const _ of llm.stream({ prompt: "three" }).text) {
    }
    expect(events).toEqual([
      expect.objectContaining({ code: "model-deprecated", provider: "anthropic", model: deprecatedModel }),
    ]);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn.mock.calls[0]![0]).toMatch(/claude-opus-4-5/);
    expect(consoleWarn).not.toHaveBeenCalled();
  });

  it("are not reported for a current model", async () => {
    const result = await provider().generate(ask("claude-sonnet-4-6"));
    expect(result.warnings).toBeUndefined();
  });

  it("let every other console.warn message through", () => {
    const consoleWarn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const { value, warnings } = captureSdkWarnings(() => {
      console.warn("something else", 42);
      return "done";
    });
    expect(value).toBe("done");
    expect(warnings).toEqual([]);
    expect(consoleWarn).toHaveBeenCalledWith("something else", 42);
  });

  it("put console.warn back when the call throws", () => {
    const before = console.warn;
    expect(() =>
      captureSdkWarnings(() => {
        throw new Error("refused");
      }),
    ).toThrow("refused");
    expect(console.warn).toBe(before);
  });
});

describe("a model the catalog does not know", () => {
  it("is reported with a model-unknown warning that names the models option", async () => {
    const result = await provider().generate(ask("claude-made-up-9"));
    expect(result.warnings).toEqual([
      {
        code: "model-unknown",
        message: expect.stringContaining('createAnthropic({ models: { "claude-made-up-9"'),
      },
    ]);
  });

  it("is not reported once the models option gives its limits", async () => {
    const known = createAnthropic({
      apiKey,
      baseURL: server.url,
      models: { "claude-made-up-9": { contextWindow: 100_000, maxOutputTokens: 8_000 } },
    });
    expect(known.modelInfo("claude-made-up-9")).toEqual({ contextWindow: 100_000, maxOutputTokens: 8_000 });
    expect((await known.generate(ask("claude-made-up-9"))).warnings).toBeUndefined();
  });
});
