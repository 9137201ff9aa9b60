import { createGoogleServer } from "@ffc/testing";
import { afterAll, describe, expect, it } from "vitest";
import { createGoogle } from "./google-provider";
import { googleModelInfo } from "./model-info";

const server = await createGoogleServer();
afterAll(() => server.close());

describe("googleModelInfo", () => {
  it("knows current Gemini models from FFC's generated catalog", () => {
    expect(googleModelInfo("gemini-3.1-pro-preview")).toEqual({
      contextWindow: 1_048_576,
      maxOutputTokens: 65_536,
    });
  });

  it("reads context window and output limit of gemini-2.5-flash", () => {
    expect(googleModelInfo("gemini-2.5-flash")).toEqual({
      contextWindow: 1_048_576,
      maxOutputTokens: 65_536,
    });
  });

  it('accepts "models/" names and pinned versions', () => {
    expect(googleModelInfo("models/gemini-2.5-pro")).toEqual(googleModelInfo("gemini-2.5-pro"));
    expect(googleModelInfo("gemini-1.5-pro-002")).toEqual(googleModelInfo("gemini-1.5-pro"));
  });

  it("returns undefined for a model the catalog does not know", () => {
    expect(googleModelInfo("gemini-made-up")).toBeUndefined();
  });
});

describe("the models option of createGoogle", () => {
  it("adds limits for a model the catalog does not know, and an unknown model is reported", async () => {
    const google = createGoogle({
      apiKey: "AIza-models-option-test",
      baseURL: server.url,
      models: { "gemini-tuned-1": { contextWindow: 32_768, maxOutputTokens: 8_192 } },
    });
    expect(google.modelInfo("gemini-tuned-1")).toEqual({ contextWindow: 32_768, maxOutputTokens: 8_192 });
    const ask = (model: string) => ({ model, messages: [{ role: "user" as const, content: "Hi" }] });
    expect((await google.generate(ask("gemini-tuned-1"))).warnings).toBeUndefined();
    const unknown = await google.generate(ask("gemini-made-up"));
    expect(unknown.warnings?.map((warning) => warning.code)).toEqual(["model-unknown"]);
    expect(unknown.warnings?.[0]?.message).toContain('createGoogle({ models: { "gemini-made-up"');
  });

  it("refuses a bad entry, naming it", () => {
    expect(() =>
      createGoogle({ apiKey: "AIza-models-option-test", models: { x: { contextWindow: 0 } } }),
    ).toThrow(/"models\.x\.contextWindow"/);
  });
});
